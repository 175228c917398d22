package dev.portcullis.core.render;

import dev.portcullis.core.Direction;
import dev.portcullis.core.Exclusion;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.FirewallRule;
import dev.portcullis.core.IcmpType;
import dev.portcullis.core.IpFamily;
import dev.portcullis.core.NodeRole;
import dev.portcullis.core.Peer;
import dev.portcullis.core.Protocol;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A host firewall for the nodes of one role, as an nftables ruleset: stateful (established and
 * related traffic accepted), input dropped by default, loopback accepted (local-only requirements
 * stay on the node). The cluster's node groups and unbound named peers become named sets the
 * operator (or automation) fills; bound peers appear as their CIDRs.
 *
 * <p>Rules on the all-nodes group and on the role's group both apply, as on a cloud. Prefix lists,
 * address groups and cloud groups have no host-firewall meaning, nor has a CIDR not known yet:
 * they are refused, naming the rule. Text a user wrote reaches the ruleset only inside comments,
 * reduced to printable ASCII without quotes, so it can neither end a comment nor add a rule.
 */
public final class NftablesRuleset {
    private NftablesRuleset() {}

    /** @throws IllegalArgumentException if the role is unknown or a rule's peer is a prefix list or cloud group */
    public static String render(FirewallPolicy policy, NodeRole role) {
        List<Peer.Nodes> groups = policy.groupsFor(List.of(role));
        List<IpFamily> families = policy.spec().ipStack().families().asList();
        List<FirewallRule> inbound = policy.rules(Direction.INGRESS).stream()
                .filter(r -> groups.contains(r.target())).toList();

        Map<String, Peer> sets = new LinkedHashMap<>();
        for (FirewallRule rule : inbound) {
            if (rule.peer() instanceof Peer.Remote remote) {
                if (remote.cidr().isEmpty()) {
                    throw new IllegalArgumentException("nftables cannot express rule " + rule.key() + ": its peer "
                            + rule.peerLabel() + " is not a known CIDR; bind the peer to CIDRs for a host firewall");
                }
            } else {
                sets.put(setName(rule.peer()), rule.peer());
            }
        }

        StringBuilder out = new StringBuilder();
        out.append("#!/usr/sbin/nft -f\n")
                .append("# Portcullis host firewall: ").append(policy.spec().distribution()).append(' ').append(role)
                .append(" nodes (cni ").append(policy.spec().cni()).append(", options ")
                .append(policy.spec().options().isEmpty() ? "none" : String.join(",", policy.spec().options()))
                .append(", ").append(policy.spec().ipStack().configName()).append(")\n")
                .append("# Fill the node sets with your nodes' addresses, e.g.\n")
                .append("#   nft add element inet portcullis all_nodes_v4 '{ 198.18.0.10 }'\n")
                .append("table inet portcullis\n")
                .append("delete table inet portcullis\n")
                .append("table inet portcullis {\n");
        for (Map.Entry<String, Peer> set : sets.entrySet()) {
            for (IpFamily family : families) {
                out.append("  set ").append(set.getKey()).append('_').append(suffix(family)).append(" {\n")
                        .append("    type ").append(family == IpFamily.IPV4 ? "ipv4_addr" : "ipv6_addr").append("\n")
                        .append("    flags interval\n")
                        .append("    comment \"").append(comment(set.getValue().displayName())).append("\"\n")
                        .append("  }\n");
            }
        }
        out.append("  chain input {\n")
                .append("    type filter hook input priority filter; policy drop;\n")
                .append("    ct state established,related accept\n")
                .append("    ct state invalid drop\n")
                .append("    iif \"lo\" accept comment \"local-only traffic stays on the node\"\n");
        if (families.contains(IpFamily.IPV6)) {
            out.append("    icmpv6 type { nd-neighbor-solicit, nd-neighbor-advert, nd-router-advert } accept")
                    .append(" comment \"IPv6 neighbour discovery\"\n");
        }
        for (Exclusion exclusion : policy.exclusions()) {
            out.append("    # not opened: ").append(exclusion.requirement().service()).append(' ')
                    .append(comment(exclusion.requirement().purpose())).append(" (").append(comment(exclusion.reason()))
                    .append(")\n");
        }
        for (FirewallRule rule : inbound) {
            for (IpFamily family : families) {
                if (rule.protocol().family().map(f -> f != family).orElse(false)
                        || rule.peer().family().map(f -> f != family).orElse(false)) {
                    continue;
                }
                String match = rule.protocol() instanceof Protocol.AllTraffic ? "" : " " + match(rule.protocol(), rule);
                out.append("    ").append(source(rule.peer(), family)).append(match)
                        .append(" accept comment \"").append(comment(rule.description())).append("\"\n");
            }
        }
        out.append("  }\n")
                .append("  chain forward {\n")
                .append("    type filter hook forward priority filter; policy accept;\n")
                .append("  }\n")
                .append("  chain output {\n")
                .append("    type filter hook output priority filter; policy accept;\n")
                .append("  }\n")
                .append("}\n");
        return out.toString();
    }

    /** {@code all_nodes}, {@code server}, {@code admins}: nft identifiers take no hyphens. */
    static String setName(Peer peer) {
        return peer.key().replace('-', '_');
    }

    private static String source(Peer peer, IpFamily family) {
        String saddr = family == IpFamily.IPV4 ? "ip saddr " : "ip6 saddr ";
        if (peer instanceof Peer.Remote remote) {
            return saddr + remote.cidr().orElseThrow();
        }
        return saddr + "@" + setName(peer) + "_" + suffix(family);
    }

    private static String match(Protocol protocol, FirewallRule rule) {
        if (protocol.usesPorts()) {
            return protocol.key() + " dport " + rule.ports().orElseThrow().toString();
        }
        if (protocol instanceof Protocol.Icmp icmp) {
            String name = icmp.ipFamily() == IpFamily.IPV4 ? "icmp" : "icmpv6";
            IcmpType type = icmp.type();
            if (type.isAny()) {
                return "meta l4proto " + name;
            }
            String match = name + " type " + type.type().getAsInt();
            return type.code().isPresent() ? match + " " + name + " code " + type.code().getAsInt() : match;
        }
        return "meta l4proto " + protocol.ianaNumber();
    }

    private static String suffix(IpFamily family) {
        return family == IpFamily.IPV4 ? "v4" : "v6";
    }

    /**
     * Text for a {@code #} line or a quoted {@code comment}: one line of printable ASCII without quotes
     * or backslashes, at most 120 bytes (nft allows 128).
     */
    static String comment(String text) {
        StringBuilder clean = new StringBuilder();
        for (char c : text.toCharArray()) {
            clean.append(c == '"' ? '\'' : c == '\\' ? '/' : (c >= 0x20 && c < 0x7f) ? c : '?');
        }
        return clean.length() <= 120 ? clean.toString() : clean.substring(0, 117) + "...";
    }
}
