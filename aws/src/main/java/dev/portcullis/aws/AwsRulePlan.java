package dev.portcullis.aws;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.portcullis.core.Cidr;
import dev.portcullis.core.Direction;
import dev.portcullis.core.EgressMode;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.FirewallRule;
import dev.portcullis.core.IpFamily;
import dev.portcullis.core.NodeAddressing;
import dev.portcullis.core.Peer;
import dev.portcullis.core.Protocol;
import dev.portcullis.core.PublicAddresses;
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
            Optional<String> cidrIpv6, Optional<String> prefixListId) {
        static Source group(String key) {
            return new Source(Optional.of(key), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
        static Source existingGroup(String id) {
            return new Source(Optional.empty(), Optional.of(id), Optional.empty(), Optional.empty(), Optional.empty());
        }
        static Source cidr(Cidr cidr) {
            return cidr.family() == IpFamily.IPV4
                    ? new Source(Optional.empty(), Optional.empty(), Optional.of(cidr.toString()), Optional.empty(), Optional.empty())
                    : new Source(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(cidr.toString()), Optional.empty());
        }
        static Source prefixList(String id) {
            return new Source(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(id));
        }
        /** References count for both families; a CIDR for its own. */
        boolean countsFor(IpFamily family) {
            if (cidrIpv4.isPresent()) {
                return family == IpFamily.IPV4;
            }
            if (cidrIpv6.isPresent()) {
                return family == IpFamily.IPV6;
            }
            return true;
        }
    }

    /** One {@code aws.vpc.SecurityGroupIngressRule} or {@code SecurityGroupEgressRule}. */
    record PlannedRule(String key, String groupKey, Direction direction, String ipProtocol,
            Optional<Integer> fromPort, Optional<Integer> toPort, Source source, String description) {}

    /** Inputs of the plan beyond the policy. */
    record Settings(EgressMode egress, NodeAddressing addressing,
            PublicAddresses publicAddresses, QuotaLimits limits, String clusterName) {}

    static AwsRulePlan of(FirewallPolicy policy, Settings settings) {
        policy.requireBound("CIDRs, prefix lists or security group ids");
        if (settings.addressing() == NodeAddressing.PUBLIC) {
            settings.publicAddresses().requireFor(policy, "public or elastic IPs");
        }
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
            for (Source source : sources(rule.peer())) {
                add(rules, new PlannedRule(rule.key(), group, rule.direction(), ipProtocol(rule.protocol()),
                        fromPort(rule), toPort(rule), source, rule.description()));
            }
            if (settings.addressing() == NodeAddressing.PUBLIC && rule.peer() instanceof Peer.Nodes peerNodes) {
                for (Cidr address : settings.publicAddresses().of(peerNodes, policy.spec().blueprint())) {
                    if (rule.protocol().family().map(f -> f != address.family()).orElse(false)) {
                        continue;
                    }
                    add(rules, new PlannedRule(rule.key() + "-public-" + Peer.cidr(address).key(), group,
                            rule.direction(), ipProtocol(rule.protocol()), fromPort(rule), toPort(rule),
                            Source.cidr(address), rule.description() + " (public address)"));
                }
            }
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
                    long n = rules.stream().filter(r -> r.groupKey().equals(group.key()) && r.direction() == direction
                            && r.source().countsFor(family)).count();
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

    private static List<Source> sources(Peer peer) {
        if (peer instanceof Peer.Nodes nodes) {
            return List.of(Source.group(nodes.key()));
        }
        if (peer instanceof Peer.CidrPeer cidr) {
            return List.of(Source.cidr(cidr.cidr()));
        }
        if (peer instanceof Peer.PrefixListPeer list) {
            return List.of(Source.prefixList(list.id()));
        }
        if (peer instanceof Peer.GroupPeer group) {
            return List.of(Source.existingGroup(group.id()));
        }
        throw new IllegalArgumentException("AWS cannot express a rule with peer " + peer.displayName()
                + ": expected nodes, a CIDR, a prefix list or a security group id");
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
