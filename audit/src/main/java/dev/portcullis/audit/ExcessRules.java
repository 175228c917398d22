package dev.portcullis.audit;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import dev.portcullis.core.Direction;
import dev.portcullis.core.EgressMode;
import dev.portcullis.core.FirewallRule;
import dev.portcullis.core.InternetExposure;
import dev.portcullis.core.NodeAddressing;
import dev.portcullis.core.NodeRole;
import dev.portcullis.core.Peer;
import dev.portcullis.core.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What each live rule admits beyond the policy, judged per node role it applies to and per source
 * it stands for: all traffic between cluster groups (the compact profile), extra ports, protocols
 * or sources, CIDRs standing for nodes, and references that public addressing defeats.
 */
final class ExcessRules {
    private static final int TCP_AND_UDP_PORTS = 2 * 65535;

    private ExcessRules() {}

    /** What one live rule admits beyond the policy, summed over the roles and sources it covers. */
    private static final class Excess {
        final RangeSet<Integer> tcp = TreeRangeSet.create();
        final RangeSet<Integer> udp = TreeRangeSet.create();
        final RangeSet<Integer> allowedTcp = TreeRangeSet.create();
        final RangeSet<Integer> allowedUdp = TreeRangeSet.create();
        boolean otherProtocols;
        final TreeSet<String> pairs = new TreeSet<>();
        final List<FirewallRule> served = new ArrayList<>();

        boolean any() {
            return !tcp.isEmpty() || !udp.isEmpty() || otherProtocols;
        }
    }

    static List<Finding> check(LiveGroups live, Map<String, Map<String, InternetSweep.Exposure>> exposures) {
        List<Finding> findings = new ArrayList<>();
        for (LiveRule rule : live.rules) {
            if (rule.direction() == Direction.EGRESS && live.settings.egress() == EgressMode.ALLOW_ALL) {
                continue; // egress allow-all is the expected shape: nothing outbound is excess
            }
            boolean internetWide = rule.peer() instanceof LivePeer.Network n && InternetExposure.isInternetWide(List.of(n.cidr()));
            List<NodeRole> sources = live.nodeSources(rule);
            Excess excess = excess(live, rule, sources);
            Map<String, InternetSweep.Exposure> exposed = exposures.getOrDefault(rule.id(), Map.of());
            if (exposed.containsKey("tcp")) {
                excess.tcp.removeAll(exposed.get("tcp").privatePorts);
                excess.tcp.removeAll(exposed.get("tcp").publicPorts);
            }
            if (exposed.containsKey("udp")) {
                excess.udp.removeAll(exposed.get("udp").privatePorts);
                excess.udp.removeAll(exposed.get("udp").publicPorts);
            }
            boolean sweptAway = internetWide && rule.direction() == Direction.INGRESS
                    && (rule.protocol().usesPorts() || rule.protocol().equals(Protocol.ALL));
            if (excess.any() && !sweptAway) {
                findings.add(rule.protocol().equals(Protocol.ALL) && !sources.isEmpty()
                        ? compact(live, rule, excess) : extra(live, rule, excess, sources.isEmpty()));
            }
            List<FirewallRule> nodeFlows = excess.served.stream().filter(p -> p.peer() instanceof Peer.Nodes).toList();
            if (nodeFlows.isEmpty() || sources.isEmpty() || rule.direction() != Direction.INGRESS) {
                continue;
            }
            if (rule.peer() instanceof LivePeer.Network network && !internetWide
                    && live.settings.addressing() == NodeAddressing.PRIVATE) {
                findings.add(new Finding(Check.CIDR_FOR_NODES.id() + ":" + rule.id(), Check.CIDR_FOR_NODES, Severity.LOW,
                        rule.protocol().key(), rule.ports().map(Object::toString).orElse(""), rule.summary(),
                        rule.summary() + " admits cluster nodes by address: " + network.cidr() + " holds nodes, but also "
                                + "whatever else gets an address in it; a reference to the nodes' group admits exactly them",
                        Citation.of(nodeFlows), "replace the CIDR with a reference to group " + references(live, nodeFlows)
                                + " (what Portcullis creates)", ImmutableList.of(rule.location())));
            }
            if (rule.peer() instanceof LivePeer.Group && live.settings.addressing() == NodeAddressing.PUBLIC) {
                findings.add(new Finding(Check.REFERENCE_PUBLIC_ADDRESSING.id() + ":" + rule.id(),
                        Check.REFERENCE_PUBLIC_ADDRESSING, Severity.HIGH, rule.protocol().key(),
                        rule.ports().map(Object::toString).orElse(""), rule.summary(),
                        rule.summary() + " carries node-to-node flows by group reference, but nodes reach each other over "
                                + "public addresses, which no reference matches: those flows are cut",
                        Citation.of(nodeFlows), "add rules for the nodes' public addresses (/32, /128) beside the "
                                + "reference: Portcullis does with nodeAddressing public and publicAddresses",
                        ImmutableList.of(rule.location())));
            }
        }
        return findings;
    }

    /**
     * Per role the rule applies to, what it admits that no policy rule requires from any party it may
     * stand for: a cluster group's nodes; a node CIDR's nodes or whatever else is in it; an outside
     * source's named peers.
     */
    private static Excess excess(LiveGroups live, LiveRule rule, List<NodeRole> sources) {
        Excess excess = new Excess();
        Peer.Nodes scope = live.settings.groups().scopes().get(rule.groupId());
        boolean outsideToo = sources.isEmpty() || rule.peer() instanceof LivePeer.Network;
        for (NodeRole target : live.rolesOf(scope)) {
            List<FirewallRule> allowed = live.policyOn(target, rule.direction()).stream()
                    .filter(p -> p.peer() instanceof Peer.Nodes
                            ? p.peer() instanceof Peer.AllNodes ? !sources.isEmpty() : sources.stream().anyMatch(s -> p.peer().equals(Peer.role(s)))
                            : outsideToo && live.policyAllowsOutside(p.peer(), rule))
                    .toList();
            boolean beyond = false;
            for (Protocol protocol : List.of(Protocol.TCP, Protocol.UDP)) {
                Range<Integer> admitted = rule.portsFor(protocol);
                if (admitted.isEmpty()) {
                    continue;
                }
                RangeSet<Integer> open = TreeRangeSet.create();
                open.add(admitted);
                RangeSet<Integer> allowedPorts = protocol.equals(Protocol.TCP) ? excess.allowedTcp : excess.allowedUdp;
                for (FirewallRule p : allowed) {
                    Range<Integer> ports = p.protocol().equals(Protocol.ALL) ? LiveRule.ALL_PORTS
                            : p.protocol().equals(protocol) ? LiveGroups.required(p) : Range.closedOpen(0, 0);
                    if (!ports.isEmpty() && ports.isConnected(admitted) && !ports.intersection(admitted).isEmpty()) {
                        open.remove(ports);
                        allowedPorts.add(ports.intersection(admitted));
                        served(excess, p);
                    }
                }
                beyond |= !open.isEmpty();
                (protocol.equals(Protocol.TCP) ? excess.tcp : excess.udp).addAll(open);
            }
            if (!rule.protocol().usesPorts()) {
                // all traffic beyond TCP and UDP, or one port-less protocol (ICMP, IP-in-IP…)
                List<FirewallRule> covering = allowed.stream().filter(p -> rule.protocol().equals(Protocol.ALL)
                        ? p.protocol().equals(Protocol.ALL) : LiveGroups.protocolCovers(p.protocol(), rule.protocol())).toList();
                covering.forEach(p -> served(excess, p));
                if (covering.isEmpty()) {
                    excess.otherProtocols = true;
                    beyond = true;
                }
            }
            if (beyond) {
                excess.pairs.add(target + " nodes " + (rule.direction() == Direction.INGRESS ? "from " : "to ")
                        + (rule.peer() instanceof LivePeer.Group && !sources.isEmpty()
                                ? String.join(" and ", sources.stream().map(NodeRole::name).toList()) + " nodes"
                                : rule.peer().displayName()));
            }
        }
        return excess;
    }

    private static void served(Excess excess, FirewallRule rule) {
        if (!excess.served.contains(rule)) {
            excess.served.add(rule);
        }
    }

    private static Finding compact(LiveGroups live, LiveRule rule, Excess excess) {
        int required = size(excess.allowedTcp) + size(excess.allowedUdp);
        int beyond = TCP_AND_UDP_PORTS - required;
        return new Finding(Check.COMPACT_PROFILE.id() + ":" + rule.id(), Check.COMPACT_PROFILE, Severity.MEDIUM, "all", "",
                rule.summary(), "compact profile: " + beyond + " ports beyond the required. " + rule.summary()
                        + " admits every protocol and port for " + String.join(", ", excess.pairs) + ", where the policy needs "
                        + required + " TCP and UDP ports" + (excess.otherProtocols ? " and no other protocol" : ""),
                excess.served.isEmpty() ? none(live, rule) : Citation.of(excess.served),
                "replace it with the policy's per-port rules (" + excess.served.size() + " rules; see the program below), "
                        + "or accept it knowingly with profile compact", ImmutableList.of(rule.location()));
    }

    private static Finding extra(LiveGroups live, LiveRule rule, Excess excess, boolean outside) {
        List<String> parts = new ArrayList<>();
        if (!excess.tcp.isEmpty()) {
            parts.add("TCP " + InternetSweep.ports(excess.tcp));
        }
        if (!excess.udp.isEmpty()) {
            parts.add("UDP " + InternetSweep.ports(excess.udp));
        }
        if (excess.otherProtocols) {
            parts.add(rule.protocol().equals(Protocol.ALL) ? "every other protocol" : rule.protocol().displayName());
        }
        String needed = excess.served.isEmpty() ? "the policy requires none of it"
                : "the policy requires " + String.join("; ", excess.served.stream().map(FirewallRule::description).toList());
        Severity severity = outside ? Severity.MEDIUM : Severity.LOW;
        return new Finding(Check.EXCESS_RULE.id() + ":" + rule.id(), Check.EXCESS_RULE, severity, rule.protocol().key(),
                rule.ports().map(Object::toString).orElse(""), rule.summary(),
                rule.summary() + " admits " + String.join(", ", parts) + " beyond the policy for "
                        + String.join(", ", excess.pairs) + "; " + needed,
                excess.served.isEmpty() ? none(live, rule) : Citation.of(excess.served),
                excess.served.isEmpty() ? "remove it, or add it to the policy as an extra rule if it is meant"
                        : "narrow it to what the policy requires (" + String.join(", ",
                                excess.served.stream().map(FirewallRule::key).toList()) + ")",
                ImmutableList.of(rule.location()));
    }

    private static Citation none(LiveGroups live, LiveRule rule) {
        return new Citation("(none)", "no policy entry admits " + rule.service()
                + (rule.direction() == Direction.INGRESS ? " from " : " to ") + rule.peer().displayName() + " on group "
                + live.group(rule.groupId()), ImmutableList.of(live.policy.spec().blueprint().reference()));
    }

    /** The live groups standing for the peers of the policy rules a CIDR rule serves. */
    private static String references(LiveGroups live, List<FirewallRule> served) {
        TreeSet<String> groups = new TreeSet<>();
        served.stream().filter(r -> r.peer() instanceof Peer.Nodes).forEach(r -> groups.add(live.groupsFor((Peer.Nodes) r.peer())));
        return groups.isEmpty() ? "the nodes' group" : String.join(" / ", groups);
    }

    private static int size(RangeSet<Integer> ports) {
        return ports.asRanges().stream().mapToInt(r -> r.upperEndpoint() - r.lowerEndpoint()).sum();
    }
}
