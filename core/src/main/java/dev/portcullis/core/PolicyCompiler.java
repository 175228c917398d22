package dev.portcullis.core;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compiles a {@link ClusterSpec} into a normalized {@link FirewallPolicy}.
 *
 * <p>Each active requirement becomes an ingress rule on the destination's group and an egress rule
 * on the source's group. Then, per (group, direction, peer, protocol), ports are merged as a
 * {@link RangeSet}: overlapping and adjacent ranges coalesce, and nothing outside the union of what
 * was required is ever admitted. A flow that every role has towards (or from) the same peer is
 * expressed once on the all-nodes group, and a rule covered by a broader one (all nodes covers a
 * role, ICMP "any" covers one ICMP type) is dropped. The output depends only on the set of inputs,
 * not on their order.
 */
public final class PolicyCompiler {
    /** Stands for "the whole protocol" where a protocol has no ports, so one algorithm serves both. */
    private static final Range<Integer> NO_PORTS = Range.closedOpen(0, 1);

    private PolicyCompiler() {}

    /**
     * @throws IllegalArgumentException if a needed peer is unbound, public addresses are missing, or the
     *     rules would let the internet reach a port that is not public by design ({@link ExposureGate})
     */
    public static FirewallPolicy compile(ClusterSpec spec) {
        List<Fragment> fragments = new ArrayList<>();
        List<Exclusion> exclusions = new ArrayList<>();
        boolean compactNodeFlows = false;
        for (Requirement requirement : activeRequirements(spec)) {
            Optional<String> excluded = exclusionReason(spec, requirement);
            if (excluded.isPresent()) {
                exclusions.add(new Exclusion(requirement, excluded.get()));
                continue;
            }
            List<Origined> sources = resolve(spec, requirement, requirement.source());
            List<Origined> destinations = resolve(spec, requirement, requirement.destination());
            if (spec.profile() == Profile.COMPACT && requirement.source() instanceof Peer.Nodes
                    && requirement.destination() instanceof Peer.Nodes) {
                compactNodeFlows = true; // covered by the all-traffic rule below
                continue;
            }
            int before = fragments.size();
            for (Origined source : sources) {
                for (Origined destination : destinations) {
                    addFragments(requirement, source, destination, fragments);
                }
            }
            if (fragments.size() == before) {
                exclusions.add(new Exclusion(requirement, sources.isEmpty() || destinations.isEmpty()
                        ? "its external peer is bound to nothing"
                        : "no bound peer is in the " + requirement.protocol().family().map(IpFamily::label).orElse("")
                                + " family this protocol needs"));
            }
        }
        if (compactNodeFlows) {
            for (Direction direction : Direction.values()) {
                fragments.add(new Fragment(new Slot(Peer.allNodes(), direction, Peer.allNodes(), Protocol.ALL), NO_PORTS,
                        "compact profile: all traffic between cluster nodes", Requirement.USER, Optional.empty()));
            }
        }
        if (spec.nodeAddressing() == NodeAddressing.PUBLIC) {
            fragments.addAll(publicAddressFragments(spec, fragments));
        }
        exclusions.sort(Comparator.comparing((Exclusion e) -> e.requirement().protocol())
                .thenComparing(e -> e.requirement().ports().orElse(null), Comparator.nullsFirst(Comparator.<PortRange>naturalOrder()))
                .thenComparing(e -> e.requirement().purpose())
                .thenComparing(e -> e.requirement().destination())
                .thenComparing(e -> e.requirement().source()));
        FirewallPolicy policy = new FirewallPolicy(spec, normalize(spec, fragments), ImmutableList.copyOf(exclusions));
        if (spec.nodeAddressing() == NodeAddressing.PUBLIC) {
            spec.publicAddresses().requireFor(policy);
        }
        return policy;
    }

    /**
     * A group reference matches only private addresses: where nodes reach each other over public
     * ones, each flow from (or to) nodes is also opened for those nodes' public addresses.
     */
    private static List<Fragment> publicAddressFragments(ClusterSpec spec, List<Fragment> fragments) {
        List<Fragment> out = new ArrayList<>();
        for (Fragment fragment : fragments) {
            if (!(fragment.slot().peer() instanceof Peer.Nodes nodes)) {
                continue;
            }
            for (NodeRole role : spec.blueprint().roles()) {
                if (nodes instanceof Peer.RolePeer r && !r.role().equals(role)) {
                    continue;
                }
                for (Cidr address : spec.publicAddresses().byRole().getOrDefault(role, ImmutableList.of())) {
                    Optional<IpFamily> family = fragment.slot().protocol().family();
                    if (family.isPresent() && family.get() != address.family()) {
                        continue;
                    }
                    Slot slot = fragment.slot();
                    out.add(new Fragment(new Slot(slot.target(), slot.direction(), Peer.cidr(address), slot.protocol()),
                            fragment.range(), fragment.purpose() + " (public address of " + role + " nodes)",
                            fragment.reference(), Optional.of(PUBLIC_ADDRESSES + "." + role)));
                }
            }
        }
        return out;
    }

    /** Origin of rules opened for public addresses: {@code publicAddresses.server}. */
    public static final String PUBLIC_ADDRESSES = "publicAddresses";
    /** Origin of a remote a user's rule names directly, without a named peer. */
    public static final String LITERAL = "extraRules";

    /** The blueprint's requirements whose condition holds, and the user's extra ones. */
    public static ImmutableList<Requirement> activeRequirements(ClusterSpec spec) {
        return ImmutableList.<Requirement>builder()
                .addAll(spec.blueprint().requirements())
                .addAll(spec.extraRequirements())
                .build()
                .stream()
                .filter(r -> r.condition().holds(spec.cni(), spec.options()))
                .collect(ImmutableList.toImmutableList());
    }

    private static Optional<String> exclusionReason(ClusterSpec spec, Requirement requirement) {
        if (requirement.isLocal()) {
            return Optional.of(requirement.localOnly().orElse("traffic stays on the node itself; it never crosses the network"));
        }
        Optional<IpFamily> family = requirement.protocol().family();
        if (family.isPresent() && !spec.ipStack().includes(family.get())) {
            return Optional.of(requirement.protocol().displayName() + " exists only in " + family.get().label()
                    + ", and ipFamily is '" + spec.ipStack().configName() + "'");
        }
        for (Peer end : List.of(requirement.source(), requirement.destination())) {
            Optional<IpFamily> endFamily = end instanceof Peer.Remote ? end.family() : Optional.empty();
            if (endFamily.isPresent() && !spec.ipStack().includes(endFamily.get())) {
                return Optional.of(end.displayName() + " is " + endFamily.get().label()
                        + ", and ipFamily is '" + spec.ipStack().configName() + "'");
            }
        }
        return Optional.empty();
    }

    /** A peer and the named peer (or other input) it was bound from, if it is a remote. */
    private record Origined(Peer peer, Optional<String> origin) {}

    private static List<Origined> resolve(ClusterSpec spec, Requirement requirement, Peer end) {
        if (end instanceof Peer.Remote) {
            return List.of(new Origined(end, Optional.of(LITERAL)));
        }
        if (!(end instanceof Peer.ExternalPeer external)) {
            return List.of(new Origined(end, Optional.empty()));
        }
        ImmutableList<Binding> bound = spec.bindings().get(external.name());
        if (bound == null) {
            if (!spec.bindingsRequired()) {
                return List.of(new Origined(end, Optional.empty()));
            }
            throw new IllegalArgumentException("external peer '" + external.name() + "' is not bound, but "
                    + spec.distribution() + " needs it for " + requirement.service() + " (" + requirement.purpose()
                    + "): bind it to CIDRs, prefix lists or groups, or to an empty list to keep those ports closed to it");
        }
        return bound.stream().map(b -> new Origined(Peer.remote(external.name(), b), Optional.of(external.name()))).toList();
    }

    private static void addFragments(Requirement requirement, Origined source, Origined destination, List<Fragment> out) {
        Optional<IpFamily> family = requirement.protocol().family();
        for (Origined end : List.of(source, destination)) {
            if (family.isPresent() && end.peer().family().isPresent() && !end.peer().family().equals(family)) {
                return; // ICMPv6 from an IPv4 network cannot happen
            }
        }
        Range<Integer> range = requirement.ports().map(PortRange::toRange).orElse(NO_PORTS);
        if (destination.peer() instanceof Peer.Nodes target) {
            out.add(new Fragment(new Slot(target, Direction.INGRESS, source.peer(), requirement.protocol()), range,
                    requirement.purpose(), requirement.reference(), source.origin()));
        }
        if (source.peer() instanceof Peer.Nodes target) {
            out.add(new Fragment(new Slot(target, Direction.EGRESS, destination.peer(), requirement.protocol()), range,
                    requirement.purpose(), requirement.reference(), destination.origin()));
        }
    }

    private static ImmutableList<FirewallRule> normalize(ClusterSpec spec, List<Fragment> fragments) {
        TreeMap<Slot, RangeSet<Integer>> slots = new TreeMap<>(Slot.ORDER);
        for (Fragment fragment : fragments) {
            slots.computeIfAbsent(fragment.slot(), s -> TreeRangeSet.create()).add(fragment.range());
        }
        ImmutableList<Peer.Nodes> roles = spec.blueprint().roles().stream()
                .map(Peer::role).collect(ImmutableList.toImmutableList());
        // Twice: lifting targets can make a peer set complete again, and vice versa.
        for (int pass = 0; pass < 2; pass++) {
            liftToAllNodes(slots, roles, Slot::peer, (s, p) -> new Slot(s.target(), s.direction(), p, s.protocol()),
                    s -> new Slot(s.target(), s.direction(), Peer.allNodes(), s.protocol()));
            liftToAllNodes(slots, roles, Slot::target, (s, t) -> new Slot((Peer.Nodes) t, s.direction(), s.peer(), s.protocol()),
                    s -> new Slot(Peer.allNodes(), s.direction(), s.peer(), s.protocol()));
        }
        dropCovered(slots);

        ImmutableList.Builder<FirewallRule> rules = ImmutableList.builder();
        slots.forEach((slot, ranges) -> {
            for (Range<Integer> range : ranges.asRanges()) {
                List<Fragment> reasons = fragments.stream()
                        .filter(f -> slot.covers(f.slot()) && f.range().isConnected(range)
                                && !f.range().intersection(range).isEmpty())
                        .toList();
                rules.add(new FirewallRule(slot.target(), slot.direction(), slot.peer(), slot.protocol(),
                        slot.protocol().usesPorts() ? Optional.of(PortRange.fromRange(range)) : Optional.empty(),
                        reasons.stream().map(Fragment::purpose).collect(ImmutableSortedSet.toImmutableSortedSet(String::compareTo)),
                        reasons.stream().map(Fragment::reference).collect(ImmutableSortedSet.toImmutableSortedSet(URI::compareTo)),
                        reasons.stream().flatMap(f -> f.origin().stream())
                                .collect(ImmutableSortedSet.toImmutableSortedSet(String::compareTo))));
            }
        });
        return rules.build();
    }

    /**
     * Where every role has the same ports in one position (peer or target) of otherwise equal slots,
     * moves the common ports to "all nodes" in that position.
     */
    private static void liftToAllNodes(TreeMap<Slot, RangeSet<Integer>> slots, List<Peer.Nodes> roles,
            Function<Slot, Peer> position, java.util.function.BiFunction<Slot, Peer, Slot> withPosition,
            Function<Slot, Slot> lifted) {
        Map<Slot, List<Slot>> siblings = slots.keySet().stream()
                .filter(s -> position.apply(s) instanceof Peer.RolePeer)
                .collect(Collectors.groupingBy(lifted, () -> new TreeMap<>(Slot.ORDER), Collectors.toList()));
        siblings.forEach((allNodesSlot, group) -> {
            if (group.size() != roles.size()) {
                return;
            }
            RangeSet<Integer> common = TreeRangeSet.create(slots.get(group.get(0)));
            for (Slot sibling : group) {
                common.removeAll(slots.get(sibling).complement());
            }
            if (common.isEmpty()) {
                return;
            }
            slots.computeIfAbsent(allNodesSlot, s -> TreeRangeSet.create()).addAll(common);
            for (Peer.Nodes role : roles) {
                Slot sibling = withPosition.apply(allNodesSlot, role);
                slots.get(sibling).removeAll(common);
            }
        });
        slots.values().removeIf(RangeSet::isEmpty);
    }

    /** Removes ports already admitted by a broader slot (all nodes ⊇ a role; ICMP any ⊇ one type). */
    private static void dropCovered(TreeMap<Slot, RangeSet<Integer>> slots) {
        Map<Slot, RangeSet<Integer>> snapshot = new TreeMap<>(Slot.ORDER);
        slots.forEach((slot, ranges) -> snapshot.put(slot, TreeRangeSet.create(ranges)));
        slots.forEach((slot, ranges) -> snapshot.forEach((broader, broaderRanges) -> {
            if (!broader.equals(slot) && broader.covers(slot)) {
                ranges.removeAll(broaderRanges);
            }
        }));
        slots.values().removeIf(RangeSet::isEmpty);
    }

    /** Everything of a rule but its ports. */
    private record Slot(Peer.Nodes target, Direction direction, Peer peer, Protocol protocol) {
        static final Comparator<Slot> ORDER = Comparator.comparing(Slot::target, Peer::compareTo)
                .thenComparing(Slot::direction)
                .thenComparing(Slot::protocol)
                .thenComparing(Slot::peer);

        /** Whether every packet this other slot admits (for the same ports) is admitted by this one. */
        boolean covers(Slot other) {
            return direction == other.direction
                    && covers(target, other.target)
                    && covers(peer, other.peer)
                    && (protocol.equals(other.protocol) || coversIcmp(protocol, other.protocol));
        }

        private static boolean covers(Peer broad, Peer narrow) {
            return broad.equals(narrow) || (broad instanceof Peer.AllNodes && narrow instanceof Peer.RolePeer);
        }

        private static boolean coversIcmp(Protocol broad, Protocol narrow) {
            return broad instanceof Protocol.Icmp b && narrow instanceof Protocol.Icmp n
                    && b.ipFamily() == n.ipFamily() && b.type().isAny();
        }
    }

    private record Fragment(Slot slot, Range<Integer> range, String purpose, URI reference, Optional<String> origin) {}
}
