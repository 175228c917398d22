package dev.portcullis.aws;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.portcullis.core.Binding;
import dev.portcullis.core.Cidr;
import dev.portcullis.core.Direction;
import dev.portcullis.core.EgressMode;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.FirewallRule;
import dev.portcullis.core.IpFamily;
import dev.portcullis.core.Peer;
import dev.portcullis.core.Protocol;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a compiled policy becomes on AWS, decided without Pulumi: one group per role plus the
 * all-nodes group (which also carries the cluster tag, so exactly one group of every node has it),
 * and one {@code aws.vpc} rule per source. Quotas are checked here, before anything is registered.
 */
record AwsRulePlan(ImmutableList<PlannedGroup> groups, ImmutableList<PlannedRule> rules) {

    /** A security group to create; {@code key} is {@code all-nodes} or the role name. */
    record PlannedGroup(String key, Peer.Nodes nodes, String description, boolean carriesClusterTag) {}

    /** Exactly one of the source fields is set, as {@code aws.vpc} rules demand. */
    record Source(Optional<String> groupKey, Optional<String> groupId, Optional<String> cidrIpv4,
            Optional<String> cidrIpv6, Optional<String> prefixListId, int entries) {
        static Source group(String key) {
            return new Source(Optional.of(key), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 1);
        }
        static Source existingGroup(String id) {
            return new Source(Optional.empty(), Optional.of(id), Optional.empty(), Optional.empty(), Optional.empty(), 1);
        }
        static Source cidr(Cidr cidr) {
            return cidr.family() == IpFamily.IPV4
                    ? new Source(Optional.empty(), Optional.empty(), Optional.of(cidr.toString()), Optional.empty(), Optional.empty(), 1)
                    : new Source(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(cidr.toString()), Optional.empty(), 1);
        }
        /** A prefix list counts as its maximum number of entries, in each family. */
        static Source prefixList(String id, int maxEntries) {
            return new Source(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(id), maxEntries);
        }
        /** Entries in the family's quota: references count for both families; a CIDR for its own. */
        int entriesFor(IpFamily family) {
            if (cidrIpv4.isPresent()) {
                return family == IpFamily.IPV4 ? 1 : 0;
            }
            if (cidrIpv6.isPresent()) {
                return family == IpFamily.IPV6 ? 1 : 0;
            }
            return entries;
        }
    }

    /** One {@code aws.vpc.SecurityGroupIngressRule} or {@code SecurityGroupEgressRule}. */
    record PlannedRule(String key, String groupKey, Direction direction, String ipProtocol,
            Optional<Integer> fromPort, Optional<Integer> toPort, Source source, String description) {}

    /** Inputs of the plan beyond the policy. */
    record Settings(EgressMode egress, QuotaLimits limits, String clusterName) {}

    static AwsRulePlan of(FirewallPolicy policy, Settings settings) {
        policy.requireBound("CIDRs, prefix lists or security group ids");
        ImmutableList.Builder<PlannedGroup> groups = ImmutableList.builder();
        for (Peer.Nodes nodes : policy.groups()) {
            // The all-nodes group is the one group every node carries: it gets the cluster tag.
            groups.add(new PlannedGroup(nodes.key(), nodes, groupDescription(nodes, settings.clusterName()),
                    nodes instanceof Peer.AllNodes));
        }

        Map<String, PlannedRule> rules = new LinkedHashMap<>();
        for (FirewallRule rule : policy.rules()) {
            if (rule.direction() == Direction.EGRESS && settings.egress() == EgressMode.ALLOW_ALL) {
                continue;
            }
            String group = rule.target().key();
            add(rules, new PlannedRule(rule.key(), group, rule.direction(), ipProtocol(rule.protocol()),
                    fromPort(rule), toPort(rule), source(rule), rule.description()));
        }
        if (settings.egress() == EgressMode.ALLOW_ALL) {
            for (IpFamily family : policy.spec().ipStack().families()) {
                Cidr anywhere = Cidr.anywhere(family);
                add(rules, new PlannedRule("all-nodes-out-all-" + Peer.cidr(anywhere).key(), "all-nodes",
                        Direction.EGRESS, "-1", Optional.empty(), Optional.empty(), Source.cidr(anywhere),
                        "All traffic to " + anywhere + ": egress mode allow-all"));
            }
        }
        AwsRulePlan plan = new AwsRulePlan(groups.build(), ImmutableList.copyOf(rules.values()));
        plan.checkQuotas(policy, settings.limits());
        return plan;
    }

    /**
     * Entries per group, direction and family, counted as AWS does.
     * Keys look like {@code server inbound IPv4}.
     */
    ImmutableSortedMap<String, Integer> entryCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (PlannedGroup group : groups) {
            for (Direction direction : Direction.values()) {
                for (IpFamily family : IpFamily.values()) {
                    long n = rules.stream().filter(r -> r.groupKey().equals(group.key()) && r.direction() == direction)
                            .mapToInt(r -> r.source().entriesFor(family)).sum();
                    counts.put(group.key() + " " + (direction == Direction.INGRESS ? "inbound" : "outbound") + " "
                            + family.label(), (int) n);
                }
            }
        }
        return ImmutableSortedMap.copyOf(counts);
    }

    /** {@code server in 4/4 out 1/0} per group: IPv4/IPv6 entries per direction. */
    String countsSummary() {
        Map<String, Integer> counts = entryCounts();
        return groups.stream().map(g -> g.key() + " in " + counts.get(g.key() + " inbound IPv4") + "/"
                        + counts.get(g.key() + " inbound IPv6") + " out " + counts.get(g.key() + " outbound IPv4") + "/"
                        + counts.get(g.key() + " outbound IPv6"))
                .collect(Collectors.joining(", ")) + " (IPv4/IPv6)";
    }

    private void checkQuotas(FirewallPolicy policy, QuotaLimits limits) {
        Map<String, Integer> over = entryCounts().entrySet().stream()
                .filter(e -> e.getValue() > limits.entriesPerGroupPerDirection())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        if (!over.isEmpty()) {
            throw new IllegalArgumentException("security group quota exceeded: " + over.entrySet().stream()
                    .map(e -> e.getKey() + " has " + e.getValue() + " entries")
                    .collect(Collectors.joining(", "))
                    + " (limit " + limits.entriesPerGroupPerDirection() + " per group, direction and IP family). "
                    + "All counts: " + countsSummary() + ". Ways out: bind fewer or wider CIDRs (a prefix list counts once), use egress allow-all, "
                    + "disable options you do not need, or raise the limit after AWS raised your "
                    + "'Inbound or outbound rules per security group' quota");
        }
        // Worst case: one node holding every role (an RKE1 node may be etcd, controlplane and worker).
        int worst = 1 + maxRolesPerNode(policy) + limits.extraGroupsPerInterface();
        if (worst > limits.groupsPerInterface()) {
            throw new IllegalArgumentException("security groups per network interface exceeded: a node holding every "
                    + "role carries " + worst + " groups (all-nodes, " + maxRolesPerNode(policy) + " role groups, "
                    + limits.extraGroupsPerInterface() + " of your own); the limit is " + limits.groupsPerInterface()
                    + ". Ways out: give nodes fewer roles, carry fewer groups of your own, or raise the limit after AWS "
                    + "raised your 'Security groups per network interface' quota");
        }
    }

    private static int maxRolesPerNode(FirewallPolicy policy) {
        return policy.spec().blueprint().roles().size();
    }

    private static void add(Map<String, PlannedRule> rules, PlannedRule rule) {
        String key = rule.key();
        PlannedRule previous = rules.putIfAbsent(key, rule);
        if (previous != null && !previous.equals(rule)) {
            throw new IllegalStateException("two different rules share the name " + key);
        }
    }

    private static Source source(FirewallRule rule) {
        if (rule.peer() instanceof Peer.Nodes nodes) {
            return Source.group(nodes.key());
        }
        if (!(rule.peer() instanceof Peer.Remote remote)) {
            throw new IllegalStateException("rule " + rule.key() + " has an unbound peer " + rule.peer());
        }
        Binding binding = remote.binding();
        String value = binding.value().orElseThrow(() -> new IllegalStateException("rule " + rule.key() + ": value unknown"));
        return switch (binding.kind()) {
            case IPV4_CIDR, IPV6_CIDR -> Source.cidr(Cidr.parse(value));
            case SECURITY_GROUP -> Source.existingGroup(value);
            case PREFIX_LIST -> Source.prefixList(value, binding.maxEntries().orElse(1));
            case ADDRESS_GROUP -> throw new IllegalArgumentException("AWS cannot express rule " + rule.key() + ": "
                    + rule.peerLabel() + " is an address group, which only OpenStack has; bind a prefix list instead");
        };
    }

    /** Forces replacement of the group when changed, so it depends on the cluster and role only. */
    static String groupDescription(Peer.Nodes nodes, String clusterName) {
        return (nodes instanceof Peer.AllNodes ? "All" : nodes.key()) + " nodes of cluster " + clusterName + " (Portcullis)";
    }

    /** AWS's protocol names: tcp, udp, icmp, icmpv6, or the IANA number. */
    static String ipProtocol(Protocol protocol) {
        if (protocol instanceof Protocol.Icmp icmp) {
            return icmp.ipFamily() == IpFamily.IPV4 ? "icmp" : "icmpv6";
        }
        return protocol.usesPorts() ? protocol.key() : Integer.toString(protocol.ianaNumber());
    }

    /** Ports; for ICMP the type ({@code -1} = any), as AWS overloads the field. */
    private static Optional<Integer> fromPort(FirewallRule rule) {
        if (rule.protocol() instanceof Protocol.Icmp icmp) {
            return Optional.of(icmp.type().type().orElse(-1));
        }
        return rule.ports().map(p -> p.from());
    }

    /** Ports; for ICMP the code ({@code -1} = any). */
    private static Optional<Integer> toPort(FirewallRule rule) {
        if (rule.protocol() instanceof Protocol.Icmp icmp) {
            return Optional.of(icmp.type().code().orElse(-1));
        }
        return rule.ports().map(p -> p.to());
    }

    AwsRulePlan {
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(rules, "rules");
    }
}
