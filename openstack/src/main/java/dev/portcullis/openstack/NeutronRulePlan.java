package dev.portcullis.openstack;

import com.google.common.collect.ImmutableList;
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
record NeutronRulePlan(ImmutableList<PlannedGroup> groups, ImmutableList<PlannedRule> rules) {

    record PlannedGroup(String key, String description) {}

    /** Exactly one of the remote fields is set, or none for "any address of the family". */
    record PlannedRule(String key, String groupKey, Direction direction, IpFamily ethertype,
            Optional<String> protocol, Optional<Integer> portRangeMin, Optional<Integer> portRangeMax,
            Optional<String> remoteGroupKey, Optional<String> remoteGroupId, Optional<String> remoteIpPrefix,
            Optional<String> remoteAddressGroupId, String description) {}

    record Settings(EgressMode egress, ProjectQuota quota, String clusterName) {}

    static NeutronRulePlan of(FirewallPolicy policy, Settings settings) {
        policy.requireBound("CIDRs, address groups or security group ids");
        List<PlannedGroup> groups = new ArrayList<>();
        for (Peer.Nodes nodes : policy.groups()) {
            groups.add(new PlannedGroup(nodes.key(), (nodes instanceof Peer.AllNodes ? "All" : nodes.key())
                    + " nodes of cluster " + settings.clusterName() + " (Portcullis)"));
        }

        Map<String, PlannedRule> rules = new LinkedHashMap<>();
        List<IpFamily> families = policy.spec().ipStack().families().asList();
        for (FirewallRule rule : policy.rules()) {
            if (rule.direction() == Direction.EGRESS && settings.egress() == EgressMode.ALLOW_ALL) {
                continue;
            }
            for (IpFamily family : families) {
                if (rule.protocol().family().map(f -> f != family).orElse(false)
                        || rule.peer().family().map(f -> f != family).orElse(false)) {
                    continue;
                }
                // Every Neutron rule input replaces the rule, so the description is what the rule
                // admits (stable under its name), not the purposes an option may add to it.
                add(rules, planned(rule, family, rule.key() + "-" + suffix(family), rule.summary()));
            }
        }
        if (settings.egress() == EgressMode.ALLOW_ALL) {
            for (IpFamily family : families) {
                String key = "all-nodes-out-any-" + suffix(family);
                add(rules, new PlannedRule(key, "all-nodes", Direction.EGRESS, family, Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        "All " + family.label() + " traffic out: egress mode allow-all"));
            }
        }
        NeutronRulePlan plan = new NeutronRulePlan(ImmutableList.copyOf(groups), ImmutableList.copyOf(rules.values()));
        plan.checkQuota(settings.quota());
        return plan;
    }

    private void checkQuota(ProjectQuota quota) {
        int groupsAfter = quota.groupsInUse() + groups.size();
        int rulesAfter = quota.rulesInUse() + rules.size();
        if (groupsAfter > quota.maxGroups() || rulesAfter > quota.maxRules()) {
            throw new IllegalArgumentException("Neutron project quota exceeded: this cluster needs " + groups.size()
                    + " security groups and " + rules.size() + " rules; with " + quota.groupsInUse() + " groups and "
                    + quota.rulesInUse() + " rules already in the project that makes " + groupsAfter + "/" + quota.maxGroups()
                    + " groups and " + rulesAfter + "/" + quota.maxRules() + " rules. Ways out: ask for a larger "
                    + "security_group / security_group_rule quota and set maxSecurityGroups / maxSecurityGroupRules, "
                    + "use ipFamily ipv4 (dual-stack doubles node-to-node rules), bind fewer CIDRs (an address group counts "
                    + "once per family), or disable options you do not need");
        }
    }

    private static PlannedRule planned(FirewallRule rule, IpFamily family, String key, String description) {
        Optional<String> remoteGroupKey = Optional.empty();
        Optional<String> remoteGroupId = Optional.empty();
        Optional<String> remoteIpPrefix = Optional.empty();
        Optional<String> remoteAddressGroupId = Optional.empty();
        if (rule.peer() instanceof Peer.Nodes nodes) {
            remoteGroupKey = Optional.of(nodes.key());
        } else if (rule.peer() instanceof Peer.Remote remote) {
            Binding binding = remote.binding();
            Optional<String> value = Optional.of(binding.value().orElseThrow(
                    () -> new IllegalStateException("rule " + rule.key() + ": value unknown")));
            // A switch expression: a new binding kind fails compilation here until Neutron's form is decided.
            String field = switch (binding.kind()) {
                case IPV4_CIDR, IPV6_CIDR -> "remoteIpPrefix";
                case SECURITY_GROUP -> "remoteGroupId";
                case ADDRESS_GROUP -> "remoteAddressGroupId";
                case PREFIX_LIST -> throw new IllegalArgumentException("Neutron cannot express rule " + rule.key() + ": "
                        + rule.peerLabel() + " is a prefix list, which only AWS has; bind an address group instead");
            };
            remoteIpPrefix = field.equals("remoteIpPrefix") ? value : Optional.empty();
            remoteGroupId = field.equals("remoteGroupId") ? value : Optional.empty();
            remoteAddressGroupId = field.equals("remoteAddressGroupId") ? value : Optional.empty();
        } else {
            throw new IllegalStateException("rule " + rule.key() + " has an unbound peer " + rule.peer());
        }
        Optional<String> protocol = rule.protocol() instanceof Protocol.AllTraffic ? Optional.empty() // absent = any
                : Optional.of(protocol(rule.protocol()));
        return new PlannedRule(key, rule.target().key(), rule.direction(), family, protocol,
                portMin(rule), portMax(rule), remoteGroupKey, remoteGroupId, remoteIpPrefix, remoteAddressGroupId, description);
    }

    /** Neutron's protocol names: tcp, udp, icmp, ipv6-icmp, or the IANA number. */
    static String protocol(Protocol protocol) {
        if (protocol instanceof Protocol.Icmp icmp) {
            return icmp.ipFamily() == IpFamily.IPV4 ? "icmp" : "ipv6-icmp";
        }
        return protocol.usesPorts() ? protocol.key() : Integer.toString(protocol.ianaNumber());
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

    private static String suffix(IpFamily family) {
        return family.label().toLowerCase(Locale.ROOT);
    }

    private static void add(Map<String, PlannedRule> rules, PlannedRule rule) {
        PlannedRule previous = rules.putIfAbsent(rule.key(), rule);
        if (previous != null && !previous.equals(rule)) {
            throw new IllegalStateException("two different rules share the name " + rule.key());
        }
    }


}
