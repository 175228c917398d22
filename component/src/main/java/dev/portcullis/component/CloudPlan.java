package dev.portcullis.component;

import dev.portcullis.core.Direction;
import dev.portcullis.core.Peer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one cloud registers for a compiled policy, decided without Pulumi and checked against the
 * cloud's quotas: groups, then rules whose other end is a group of the cluster, a bound value, or
 * any address.
 *
 * @param <F> the cloud's own fields of a rule (AWS's protocol and port fields, Neutron's ethertype…)
 */
public record CloudPlan<F>(List<Group> groups, List<Rule<F>> rules) {
    public CloudPlan {
        groups = List.copyOf(groups);
        rules = List.copyOf(rules);
    }

    /** A security group; {@code key} is {@code all-nodes} or the role's name. */
    public record Group(String key, Peer.Nodes nodes, String description) {
        public Group {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(nodes, "nodes");
            Objects.requireNonNull(description, "description");
        }
    }

    /**
     * One rule resource.
     *
     * @param key the resource name's suffix, from what the rule admits
     * @param remote the other end: a {@link Peer.Nodes} group of the cluster, a {@link Peer.Remote} bound
     *     value, or empty for any address of the rule's family
     */
    public record Rule<F>(String key, String groupKey, Direction direction, F fields, Optional<Peer> remote,
            String description) {
        public Rule {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(groupKey, "groupKey");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(fields, "fields");
            Objects.requireNonNull(remote, "remote");
            Objects.requireNonNull(description, "description");
            remote.ifPresent(peer -> {
                if (!(peer instanceof Peer.Nodes) && !(peer instanceof Peer.Remote)) {
                    throw new IllegalArgumentException("rule " + key + " has an unbound peer " + peer.displayName());
                }
            });
        }
    }
}
