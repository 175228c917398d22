package dev.portcullis.core;

import com.google.common.collect.ImmutableSortedSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When a requirement applies: always, with one CNI, with some options, or with a CNI and options.
 * All named options must be enabled (a conjunction); alternatives are written as two requirements,
 * which compilation then deduplicates.
 */
public record Condition(Optional<String> cni, ImmutableSortedSet<String> options) {
    public static final Condition ALWAYS = new Condition(Optional.empty(), ImmutableSortedSet.of());

    public Condition {
        Objects.requireNonNull(cni, "cni");
        options = ImmutableSortedSet.copyOf(options);
    }

    public static Condition cni(String cni) {
        return new Condition(Optional.of(cni), ImmutableSortedSet.of());
    }

    public static Condition option(String... options) {
        return new Condition(Optional.empty(), ImmutableSortedSet.copyOf(options));
    }

    /** This condition and one more option. */
    public Condition and(String option) {
        return new Condition(cni, ImmutableSortedSet.<String>naturalOrder().addAll(options).add(option).build());
    }

    public boolean isAlways() {
        return cni.isEmpty() && options.isEmpty();
    }

    /** Whether a cluster with this CNI and these options needs the requirement. */
    public boolean holds(String selectedCni, Set<String> enabledOptions) {
        return cni.map(selectedCni::equals).orElse(true) && enabledOptions.containsAll(options);
    }

    /** {@code always}, {@code cni=calico}, {@code wireguard}, {@code cni=calico + typha}. */
    @Override
    public String toString() {
        if (isAlways()) {
            return "always";
        }
        StringBuilder text = new StringBuilder();
        cni.ifPresent(c -> text.append("cni=").append(c));
        for (String option : options) {
            text.append(text.length() == 0 ? "" : " + ").append(option);
        }
        return text.toString();
    }
}
