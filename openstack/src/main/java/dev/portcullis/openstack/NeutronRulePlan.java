package dev.portcullis.openstack;

import dev.portcullis.component.CloudPlan;
import dev.portcullis.core.Binding;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a compiled policy becomes in Neutron, decided without Pulumi: one group per role plus the
 * all-nodes group, every group created without Neutron's default egress rules (they would cost two
 * rules of the project's quota per group), and one rule per (source, IP family): Neutron's remote
 * groups and address groups match one ethertype at a time.
 */
final class NeutronRulePlan {
    /** Neutron's fields of a rule; an absent protocol means any. */
    record Fields(IpFamily ethertype, Optional<String> protocol, Optional<Integer> portRangeMin,
            Optional<Integer> portRangeMax) {}

    private NeutronRulePlan() {}

    static CloudPlan<Fields> of(FirewallPolicy policy, EgressMode egress, ProjectQuota quota, String clusterName) {
        policy.requireBound("CIDRs, address groups or security group ids");
        List<CloudPlan.Group> groups = new ArrayList<>();
        for (Peer.Nodes nodes : policy.groups()) {
            groups.add(new CloudPlan.Group(nodes.key(), nodes, (nodes instanceof Peer.AllNodes ? "All" : nodes.key())
                    + " nodes of cluster " + clusterName + " (Portcullis)"));
        }
        Map<String, CloudPlan.Rule<Fields>> rules = new LinkedHashMap<>();
        List<IpFamily> families = policy.spec().ipStack().families().asList();
        for (FirewallRule rule : policy.rules()) {
            if (rule.direction() == Direction.EGRESS && egress == EgressMode.ALLOW_ALL) {
                continue;
            }
            requireExpressible(rule);
            for (IpFamily family : families) {
                if (rule.protocol().family().map(f -> f != family).orElse(false)
                        || rule.peer().family().map(f -> f != family).orElse(false)) {
                    continue;
                }
                // Every Neutron rule input replaces the rule, so the description is what the rule
                // admits (stable under its name), not the purposes an option may add to it.
                add(rules, new CloudPlan.Rule<>(rule.key() + "-" + suffix(family), rule.target().key(), rule.direction(),
                        new Fields(family, protocol(rule.protocol()), portMin(rule), portMax(rule)), Optional.of(rule.peer()),
                        rule.summary()));
            }
        }
        if (egress == EgressMode.ALLOW_ALL) {
            for (IpFamily family : families) {
                add(rules, new CloudPlan.Rule<>("all-nodes-out-any-" + suffix(family), "all-nodes", Direction.EGRESS,
                        new Fields(family, Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty(),
                        "All " + family.label() + " traffic out: egress mode allow-all"));
            }
        }
        CloudPlan<Fields> plan = new CloudPlan<>(groups, List.copyOf(rules.values()));
        checkQuota(plan, quota);
        return plan;
    }

    /** Neutron has no prefix lists: refuse, naming the rule, rather than drop it. */
    private static void requireExpressible(FirewallRule rule) {
        if (rule.peer() instanceof Peer.Remote remote && remote.binding().kind() == Binding.Kind.PREFIX_LIST) {
            throw new IllegalArgumentException("Neutron cannot express rule " + rule.key() + ": " + rule.peerLabel()
                    + " is a prefix list, which only AWS has; bind an address group instead");
        }
    }

    private static void checkQuota(CloudPlan<Fields> plan, ProjectQuota quota) {
        int groups = plan.groups().size();
        int rules = plan.rules().size();
        int groupsAfter = quota.groupsInUse() + groups;
        int rulesAfter = quota.rulesInUse() + rules;
        if (groupsAfter > quota.maxGroups() || rulesAfter > quota.maxRules()) {
            throw new IllegalArgumentException("Neutron project quota exceeded: this cluster needs " + groups
                    + " security groups and " + rules + " rules; with " + quota.groupsInUse() + " groups and "
                    + quota.rulesInUse() + " rules already in the project that makes " + groupsAfter + "/" + quota.maxGroups()
                    + " groups and " + rulesAfter + "/" + quota.maxRules() + " rules. Ways out: ask for a larger "
                    + "security_group / security_group_rule quota and set maxSecurityGroups / maxSecurityGroupRules, "
                    + "use ipFamily ipv4 (dual-stack doubles node-to-node rules), bind fewer CIDRs (an address group counts "
                    + "once per family), or disable options you do not need");
        }
    }

    /** Neutron's protocol names: tcp, udp, icmp, ipv6-icmp, or the IANA number; absent for all traffic. */
    static Optional<String> protocol(Protocol protocol) {
        if (protocol instanceof Protocol.Icmp icmp) {
            return Optional.of(icmp.ipFamily() == IpFamily.IPV4 ? "icmp" : "ipv6-icmp");
        }
        if (protocol.equals(Protocol.ALL)) {
            return Optional.empty();
        }
        return Optional.of(protocol.usesPorts() ? protocol.key() : Integer.toString(protocol.ianaNumber()));
    }

    /** Ports; for ICMP Neutron puts the type in port_range_min and the code in port_range_max. */
    private static Optional<Integer> portMin(FirewallRule rule) {
        if (rule.protocol() instanceof Protocol.Icmp icmp) {
            return icmp.type().type().isPresent() ? Optional.of(icmp.type().type().getAsInt()) : Optional.empty();
        }
        return rule.ports().map(p -> p.from());
    }

    private static Optional<Integer> portMax(FirewallRule rule) {
        if (rule.protocol() instanceof Protocol.Icmp icmp) {
            return icmp.type().code().isPresent() ? Optional.of(icmp.type().code().getAsInt()) : Optional.empty();
        }
        return rule.ports().map(p -> p.to());
    }

    static String suffix(IpFamily family) {
        return family.label().toLowerCase(Locale.ROOT);
    }

    private static void add(Map<String, CloudPlan.Rule<Fields>> rules, CloudPlan.Rule<Fields> rule) {
        CloudPlan.Rule<Fields> previous = rules.putIfAbsent(rule.key(), rule);
        if (previous != null && !previous.equals(rule)) {
            throw new IllegalStateException("two different rules share the name " + rule.key());
        }
    }
}
