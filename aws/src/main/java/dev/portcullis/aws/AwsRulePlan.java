package dev.portcullis.aws;

import com.google.common.collect.ImmutableSortedMap;
import dev.portcullis.component.CloudPlan;
import dev.portcullis.core.Binding;
import dev.portcullis.core.Cidr;
import dev.portcullis.core.Direction;
import dev.portcullis.core.EgressMode;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.FirewallRule;
import dev.portcullis.core.IpFamily;
import dev.portcullis.core.Peer;
import dev.portcullis.core.Protocol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a compiled policy becomes on AWS, decided without Pulumi: one group per role plus the
 * all-nodes group (which also carries the cluster tag, so exactly one group of every node has it),
 * and one {@code aws.vpc} rule per source. Quotas are checked here, before anything is registered.
 */
final class AwsRulePlan {
    /** AWS's fields of a rule: {@code ipProtocol} ({@code -1} = all) and the port or ICMP type/code fields. */
    record Fields(String ipProtocol, Optional<Integer> fromPort, Optional<Integer> toPort) {}

    private AwsRulePlan() {}

    static CloudPlan<Fields> of(FirewallPolicy policy, EgressMode egress, QuotaLimits limits, String clusterName) {
        policy.requireBound("CIDRs, prefix lists or security group ids");
        List<CloudPlan.Group> groups = new ArrayList<>();
        for (Peer.Nodes nodes : policy.groups()) {
            groups.add(new CloudPlan.Group(nodes.key(), nodes, groupDescription(nodes, clusterName)));
        }
        Map<String, CloudPlan.Rule<Fields>> rules = new LinkedHashMap<>();
        for (FirewallRule rule : policy.rules()) {
            if (rule.direction() == Direction.EGRESS && egress == EgressMode.ALLOW_ALL) {
                continue;
            }
            requireExpressible(rule);
            add(rules, new CloudPlan.Rule<>(rule.key(), rule.target().key(), rule.direction(),
                    new Fields(ipProtocol(rule.protocol()), fromPort(rule), toPort(rule)), Optional.of(rule.peer()),
                    rule.description()));
        }
        if (egress == EgressMode.ALLOW_ALL) {
            for (IpFamily family : policy.spec().ipStack().families()) {
                Peer anywhere = Peer.cidr(Cidr.anywhere(family));
                add(rules, new CloudPlan.Rule<>("all-nodes-out-all-" + anywhere.key(), "all-nodes", Direction.EGRESS,
                        new Fields("-1", Optional.empty(), Optional.empty()), Optional.of(anywhere),
                        "All traffic to " + anywhere.displayName() + ": egress mode allow-all"));
            }
        }
        CloudPlan<Fields> plan = new CloudPlan<>(groups, List.copyOf(rules.values()));
        checkQuotas(plan, policy, limits);
        return plan;
    }

    /** AWS has no address groups: refuse, naming the rule, rather than drop it. */
    private static void requireExpressible(FirewallRule rule) {
        if (rule.peer() instanceof Peer.Remote remote && remote.binding().kind() == Binding.Kind.ADDRESS_GROUP) {
            throw new IllegalArgumentException("AWS cannot express rule " + rule.key() + ": " + rule.peerLabel()
                    + " is an address group, which only OpenStack has; bind a prefix list instead");
        }
    }

    /** Entries one rule takes in its family's quota: a reference counts in both families, a prefix list its maximum. */
    static int entries(CloudPlan.Rule<Fields> rule, IpFamily family) {
        Peer peer = rule.remote().orElseThrow();
        if (peer instanceof Peer.Remote remote) {
            Binding binding = remote.binding();
            return switch (binding.kind()) {
                case IPV4_CIDR -> family == IpFamily.IPV4 ? 1 : 0;
                case IPV6_CIDR -> family == IpFamily.IPV6 ? 1 : 0;
                case PREFIX_LIST -> binding.maxEntries().orElse(1);
                case SECURITY_GROUP, ADDRESS_GROUP -> 1;
            };
        }
        return 1;
    }

    /** Entries per group, direction and family, counted as AWS does. Keys look like {@code server inbound IPv4}. */
    static ImmutableSortedMap<String, Integer> entryCounts(CloudPlan<Fields> plan) {
        Map<String, Integer> counts = new TreeMap<>();
        for (CloudPlan.Group group : plan.groups()) {
            for (Direction direction : Direction.values()) {
                for (IpFamily family : IpFamily.values()) {
                    int n = plan.rules().stream().filter(r -> r.groupKey().equals(group.key()) && r.direction() == direction)
                            .mapToInt(r -> entries(r, family)).sum();
                    counts.put(group.key() + " " + (direction == Direction.INGRESS ? "inbound" : "outbound") + " "
                            + family.label(), n);
                }
            }
        }
        return ImmutableSortedMap.copyOf(counts);
    }

    /** {@code server in 4/4 out 1/0} per group: IPv4/IPv6 entries per direction. */
    static String countsSummary(CloudPlan<Fields> plan) {
        Map<String, Integer> counts = entryCounts(plan);
        return plan.groups().stream().map(g -> g.key() + " in " + counts.get(g.key() + " inbound IPv4") + "/"
                        + counts.get(g.key() + " inbound IPv6") + " out " + counts.get(g.key() + " outbound IPv4") + "/"
                        + counts.get(g.key() + " outbound IPv6"))
                .collect(Collectors.joining(", ")) + " (IPv4/IPv6)";
    }

    private static void checkQuotas(CloudPlan<Fields> plan, FirewallPolicy policy, QuotaLimits limits) {
        Map<String, Integer> over = entryCounts(plan).entrySet().stream()
                .filter(e -> e.getValue() > limits.entriesPerGroupPerDirection())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        if (!over.isEmpty()) {
            throw new IllegalArgumentException("security group quota exceeded: " + over.entrySet().stream()
                    .map(e -> e.getKey() + " has " + e.getValue() + " entries")
                    .collect(Collectors.joining(", "))
                    + " (limit " + limits.entriesPerGroupPerDirection() + " per group, direction and IP family). "
                    + "All counts: " + countsSummary(plan) + ". Ways out: bind fewer or wider CIDRs (a prefix list counts its "
                    + "max entries), use egress allow-all, disable options you do not need, or raise the limit after AWS "
                    + "raised your 'Inbound or outbound rules per security group' quota");
        }
        // Worst case: one node holding every role (an RKE1 node may be etcd, controlplane and worker).
        int roles = policy.spec().blueprint().roles().size();
        int worst = 1 + roles + limits.extraGroupsPerInterface();
        if (worst > limits.groupsPerInterface()) {
            throw new IllegalArgumentException("security groups per network interface exceeded: a node holding every "
                    + "role carries " + worst + " groups (all-nodes, " + roles + " role groups, "
                    + limits.extraGroupsPerInterface() + " of your own); the limit is " + limits.groupsPerInterface()
                    + ". Ways out: give nodes fewer roles, carry fewer groups of your own, or raise the limit after AWS "
                    + "raised your 'Security groups per network interface' quota");
        }
    }

    private static void add(Map<String, CloudPlan.Rule<Fields>> rules, CloudPlan.Rule<Fields> rule) {
        CloudPlan.Rule<Fields> previous = rules.putIfAbsent(rule.key(), rule);
        if (previous != null && !previous.equals(rule)) {
            throw new IllegalStateException("two different rules share the name " + rule.key());
        }
    }

    /** Forces replacement of the group when changed, so it depends on the cluster and role only. */
    static String groupDescription(Peer.Nodes nodes, String clusterName) {
        return (nodes instanceof Peer.AllNodes ? "All" : nodes.key()) + " nodes of cluster " + clusterName + " (Portcullis)";
    }

    /** AWS's protocol names: tcp, udp, icmp, icmpv6, -1 for all, or the IANA number. */
    static String ipProtocol(Protocol protocol) {
        if (protocol instanceof Protocol.Icmp icmp) {
            return icmp.ipFamily() == IpFamily.IPV4 ? "icmp" : "icmpv6";
        }
        if (protocol.equals(Protocol.ALL)) {
            return "-1";
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
}
