package dev.portcullis.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A node role as a distribution names it: {@code server} and {@code agent} for RKE2 and K3s,
 * {@code control-plane} and {@code worker} for kubeadm, {@code etcd}, {@code controlplane} and
 * {@code worker} for RKE1, {@code master}, {@code node} and {@code frontend} for Deckhouse.
 *
 * <p>Names are lower-case DNS labels because they end up in cloud resource names.
 */
public record NodeRole(String name) implements Comparable<NodeRole> {
    private static final Pattern LABEL = Pattern.compile("[a-z][a-z0-9-]{0,29}");

    /** @throws IllegalArgumentException if {@code name} is not a lower-case label of 1..30 characters */
    public NodeRole {
        Objects.requireNonNull(name, "name");
        if (!LABEL.matcher(name).matches()) {
            throw new IllegalArgumentException("role name '" + name
                    + "' is invalid: expected a lower-case label matching " + LABEL.pattern());
        }
    }

    public static NodeRole of(String name) {
        return new NodeRole(name);
    }

    @Override
    public int compareTo(NodeRole other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
