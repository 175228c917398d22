package dev.portcullis.core;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A compiled, normalized policy: sorted, deduplicated rules attached to role groups or to the group
 * every node carries ({@link Peer#allNodes()}), and the requirements that became no network rule.
 * Cloud modules translate this and nothing else.
 *
 * <p>Only {@link PolicyCompiler} makes one, and every one passes the {@link ExposureGate} as it is
 * made: whatever path produced a rule (a named peer, a user's rule, a public address, the compact
 * profile), a policy that exists lets no source known to be internet-wide reach a port that is not
 * public by design, unless the user allowed it for that peer. Sources whose addresses the policy
 * cannot know are not judged here: a value known only at deployment is judged when it arrives (the
 * component compiles the policy again with it), and security groups and prefix lists name addresses
 * the cloud holds.
 */
public final class FirewallPolicy {
    private final ClusterSpec spec;
    private final ImmutableList<FirewallRule> rules;
    private final ImmutableList<Exclusion> exclusions;
    private final ImmutableList<String> allowedExposures;

    FirewallPolicy(ClusterSpec spec, List<FirewallRule> rules, List<Exclusion> exclusions) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.rules = ImmutableList.sortedCopyOf(rules);
        this.exclusions = ImmutableList.copyOf(exclusions);
        this.allowedExposures = ExposureGate.check(this);
        requireDistinctContent(this.rules);
    }

    /**
     * Clouds refuse two rules that admit the same traffic (AWS's InvalidPermission.Duplicate, Neutron's
     * 409), and literals merge by value; labelled bindings do not, so two of them with one value meet here.
     */
    private static void requireDistinctContent(List<FirewallRule> rules) {
        java.util.Map<List<Object>, FirewallRule> seen = new java.util.HashMap<>();
        for (FirewallRule rule : rules) {
            if (!(rule.peer() instanceof Peer.Remote remote) || remote.binding().value().isEmpty()) {
                continue;
            }
            List<Object> content = List.of(rule.target(), rule.direction(), rule.protocol(), rule.ports(),
                    remote.binding().kind(), remote.binding().value().get());
            FirewallRule other = seen.putIfAbsent(content, rule);
            if (other != null) {
                throw new IllegalArgumentException("rules " + other.key() + " and " + rule.key() + " admit the same traffic ("
                        + rule.service() + " " + (rule.direction() == Direction.INGRESS ? "from " : "to ")
                        + remote.binding().displayValue() + "), which the cloud refuses as a duplicate: bind "
                        + remote.binding().displayValue() + " once, or without a label so that the two merge");
            }
        }
    }

    /**
     * The internet-wide exposures of ports that are not public by design which the user allowed
     * ({@code allowInternet}), one sentence each: what every plan shows as a warning.
     */
    public ImmutableList<String> allowedExposures() {
        return allowedExposures;
    }

    public ClusterSpec spec() {
        return spec;
    }

    /** The rules, sorted by target, direction, protocol, ports and peer. */
    public ImmutableList<FirewallRule> rules() {
        return rules;
    }

    /** The active requirements that became no rule, with the reason. */
    public ImmutableList<Exclusion> exclusions() {
        return exclusions;
    }

    /** The named peers that may be internet-wide and whose rules are therefore exempt from the gate. */
    public ImmutableSortedSet<String> internetAllowed() {
        return spec.internetAllowed();
    }

    /**
     * The node groups: the all-nodes group every node carries (it holds the flows all roles share,
     * so each is one rule, and gives clouds one group per node for cluster-wide tags and egress),
     * then one group per role in the blueprint's order.
     */
    public ImmutableList<Peer.Nodes> groups() {
        ImmutableList.Builder<Peer.Nodes> groups = ImmutableList.builder();
        groups.add(Peer.allNodes());
        spec.blueprint().roles().forEach(role -> groups.add(Peer.role(role)));
        return groups.build();
    }


    public ImmutableList<FirewallRule> rulesFor(Peer.Nodes group) {
        return rules.stream().filter(r -> r.target().equals(group)).collect(ImmutableList.toImmutableList());
    }

    public ImmutableList<FirewallRule> rules(Direction direction) {
        return rules.stream().filter(r -> r.direction() == direction).collect(ImmutableList.toImmutableList());
    }

    /**
     * The groups a node with these roles carries: the all-nodes group and one per role.
     * An RKE1 node may be etcd and controlplane at once.
     *
     * @throws IllegalArgumentException if the set is empty or names a role the blueprint lacks
     */
    public ImmutableList<Peer.Nodes> groupsFor(Collection<NodeRole> roles) {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("roles of a node are empty: allowed roles are "
                    + String.join(", ", spec.blueprint().roles().stream().map(NodeRole::name).toList()));
        }
        for (NodeRole role : roles) {
            Blueprint.requireKnown("role of " + spec.distribution(), role.name(),
                    spec.blueprint().roles().stream().map(NodeRole::name).toList());
        }
        ImmutableSortedSet<NodeRole> wanted = ImmutableSortedSet.copyOf(roles);
        return groups().stream()
                .filter(g -> g instanceof Peer.AllNodes || wanted.contains(((Peer.RolePeer) g).role()))
                .collect(ImmutableList.toImmutableList());
    }

    /** The named peers still symbolic in this policy (only with {@link ClusterSpec.Builder#leaveExternalPeersUnbound()}). */
    public ImmutableSortedSet<String> unboundPeers() {
        return rules.stream().map(FirewallRule::peer)
                .flatMap(p -> p instanceof Peer.ExternalPeer e ? Stream.of(e.name()) : Stream.empty())
                .collect(ImmutableSortedSet.toImmutableSortedSet(String::compareTo));
    }

    /**
     * @param bindingKinds what the cloud accepts as bindings, for the message
     * @throws IllegalArgumentException if some named peer is still symbolic
     */
    public void requireBound(String bindingKinds) {
        if (!unboundPeers().isEmpty()) {
            throw new IllegalArgumentException("external peers " + unboundPeers() + " are not bound: bind each to "
                    + bindingKinds + " (or to an empty list)");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FirewallPolicy other && spec.equals(other.spec) && rules.equals(other.rules)
                && exclusions.equals(other.exclusions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(spec, rules, exclusions);
    }

    @Override
    public String toString() {
        return "FirewallPolicy[" + spec.distribution() + ", " + rules.size() + " rules, " + exclusions.size() + " excluded]";
    }
}
