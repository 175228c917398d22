package dev.portcullis.core;

import com.google.common.collect.ImmutableSortedSet;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A feature the documentation conditions ports on: HA etcd, WireGuard, BGP, Typha, Hubble, an
 * embedded registry, a Deckhouse module…
 *
 * @param cnis the CNIs the option works with (empty: any); enabling it with another CNI is an error
 * @param exclusiveGroup options sharing a group are alternatives (a CNI's backends): at most one is on
 * @param enabledByDefault whether the distribution's docs call it required or make it the default
 */
public record Option(
        String name,
        String description,
        ImmutableSortedSet<String> cnis,
        Optional<String> exclusiveGroup,
        boolean enabledByDefault,
        URI reference) {

    public Option {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        cnis = ImmutableSortedSet.copyOf(cnis);
        Objects.requireNonNull(exclusiveGroup, "exclusiveGroup");
        Objects.requireNonNull(reference, "reference");
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("option name '" + name + "' is invalid: expected a lower-case label");
        }
    }

    /** Whether the option can be used with the selected CNI. */
    public boolean appliesTo(String selectedCni) {
        return cnis.isEmpty() || cnis.contains(selectedCni);
    }
}
