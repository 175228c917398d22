package dev.portcullis.bench;

import dev.portcullis.component.testing.RecordingMocks;
import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestResult;
import dev.portcullis.core.Blueprint;
import dev.portcullis.core.Direction;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.FirewallRule;
import dev.portcullis.core.IpFamily;
import dev.portcullis.core.IpStack;
import dev.portcullis.core.catalog.Catalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rules each plan registers against the exact minimum for its group structure: per destination
 * group, direction, source and protocol, the number of maximal contiguous port intervals (times the
 * IP families a Neutron rule must be repeated for), plus the allow-all egress rules. Also the
 * quota headroom and the dependency depth of what was registered.
 */
final class RuleEconomy {
    /** One row of the table. */
    record Row(String distribution, String cni, String cloud, IpStack stack, int groups, int rules, int minimum,
            String quota, int depth) {}

    private RuleEconomy() {}

    static List<Row> all() {
        List<Row> rows = new ArrayList<>();
        for (Blueprint blueprint : Catalog.all()) {
            for (String cloud : List.of("aws", "openstack")) {
                for (IpStack stack : IpStack.values()) {
                    rows.add(row(blueprint, cloud, stack));
                }
            }
        }
        return rows;
    }

    static Row row(Blueprint blueprint, String cloud, IpStack stack) {
        Map<String, List<String>> peers = new HashMap<>();
        List<String> cidrs = new ArrayList<>();
        if (stack.includes(IpFamily.IPV4)) {
            cidrs.add("198.51.100.0/24");
        }
        if (stack.includes(IpFamily.IPV6)) {
            cidrs.add("2001:db8::/48");
        }
        blueprint.externalPeers().keySet().forEach(peer -> peers.put(peer, cidrs));
        RecordingMocks recorder = new RecordingMocks();
        AtomicReference<FirewallPolicy> policy = new AtomicReference<>();
        TestResult result;
        try {
            result = PulumiTest.withMocks(recorder).runTest(ctx -> {
                if (cloud.equals("aws")) {
                    var args = dev.portcullis.aws.ClusterSecurityGroupsArgs.builder().vpcId("vpc-00000001").clusterName("c")
                            .distribution(blueprint.distribution()).ipFamily(stack.configName()).peers(peers);
                    policy.set(new dev.portcullis.aws.ClusterSecurityGroups("c", args.build(), null).policy());
                } else {
                    var args = dev.portcullis.openstack.ClusterSecurityGroupsArgs.builder().clusterName("c")
                            .distribution(blueprint.distribution()).ipFamily(stack.configName()).peers(peers)
                            .maxSecurityGroupRules(10_000);
                    policy.set(new dev.portcullis.openstack.ClusterSecurityGroups("c", args.build(), null).policy());
                }
            });
            result.throwOnError();
        } finally {
            PulumiTest.cleanup();
        }
        List<RegisteredRule> rules = recorder.registered().stream().filter(r -> r.type.contains("Rule"))
                .map(r -> new RegisteredRule(r.name, r.inputs)).toList();
        int groups = (int) recorder.registered().stream()
                .filter(r -> r.type.equals("aws:ec2/securityGroup:SecurityGroup") || r.type.equals("openstack:networking/secGroup:SecGroup"))
                .count();
        int minimum = minimum(policy.get(), cloud.equals("openstack"));
        String quota = cloud.equals("aws") ? awsQuota(rules) : (rules.size() + 4) + "/100 rules, " + (groups + 1) + "/10 groups";
        return new Row(blueprint.distribution(), policy.get().spec().cni(), cloud, stack, groups, rules.size(), minimum,
                quota, depth(recorder));
    }

    /** The inputs of one registered rule. */
    record RegisteredRule(String name, Map<String, Object> inputs) {}

    /** Maximal intervals per (group, direction, source, protocol), per family on Neutron; allow-all egress per family. */
    static int minimum(FirewallPolicy policy, boolean perFamily) {
        Map<List<Object>, RangeSet<Integer>> slots = new HashMap<>();
        for (FirewallRule rule : policy.rules(Direction.INGRESS)) {
            slots.computeIfAbsent(List.of(rule.target(), rule.peer(), rule.protocol()), k -> TreeRangeSet.create())
                    .add(rule.ports().map(p -> Range.closedOpen(p.from(), p.to() + 1)).orElse(Range.closedOpen(0, 1)));
        }
        int families = policy.spec().ipStack().families().size();
        int minimum = families; // allow-all egress, one per family
        for (Map.Entry<List<Object>, RangeSet<Integer>> slot : slots.entrySet()) {
            int copies = 1;
            if (perFamily) {
                var peer = (dev.portcullis.core.Peer) slot.getKey().get(1);
                var protocol = (dev.portcullis.core.Protocol) slot.getKey().get(2);
                copies = peer.family().isPresent() || protocol.family().isPresent() ? 1 : families;
            }
            minimum += slot.getValue().asRanges().size() * copies;
        }
        return minimum;
    }

    /** The fullest group's inbound entries per family, against AWS's 60. */
    private static String awsQuota(List<RegisteredRule> rules) {
        Map<String, Integer> counts = new HashMap<>();
        for (RegisteredRule rule : rules) {
            if (!rule.name().contains("-in-")) {
                continue;
            }
            String group = String.valueOf(rule.inputs().get("securityGroupId"));
            boolean v4 = !rule.inputs().containsKey("cidrIpv6");
            boolean v6 = !rule.inputs().containsKey("cidrIpv4");
            if (v4) {
                counts.merge(group + " IPv4", 1, Integer::sum);
            }
            if (v6) {
                counts.merge(group + " IPv6", 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> e.getValue() + "/60 (" + e.getKey().replaceFirst("^c-", "") + " inbound)").orElse("0/60");
    }

    /** The longest chain of references between registered resources (ids equal names under the mocks). */
    static int depth(RecordingMocks recorder) {
        Map<String, Map<String, Object>> byName = new HashMap<>();
        recorder.registered().forEach(r -> byName.put(r.name, r.inputs));
        Map<String, Integer> memo = new HashMap<>();
        int max = 0;
        for (String name : byName.keySet()) {
            max = Math.max(max, depth(name, byName, memo));
        }
        return max;
    }

    private static int depth(String name, Map<String, Map<String, Object>> byName, Map<String, Integer> memo) {
        Integer known = memo.get(name);
        if (known != null) {
            return known;
        }
        int deepest = 0;
        for (String field : List.of("securityGroupId", "referencedSecurityGroupId", "remoteGroupId")) {
            Object ref = byName.get(name).get(field);
            if (ref instanceof String other && byName.containsKey(other) && !other.equals(name)) {
                deepest = Math.max(deepest, depth(other, byName, memo));
            }
        }
        memo.put(name, deepest + 1);
        return deepest + 1;
    }
}
