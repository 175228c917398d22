package dev.portcullis.audit;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import dev.portcullis.core.Cidr;
import dev.portcullis.core.Direction;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.FirewallRule;
import dev.portcullis.core.InternetExposure;
import dev.portcullis.core.NodeAddressing;
import dev.portcullis.core.NodeRole;
import dev.portcullis.core.Peer;
import dev.portcullis.core.PolicyCompiler;
import dev.portcullis.core.Protocol;
import dev.portcullis.core.Requirement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live rules of the mapped groups, and the questions every group check asks of them: which
 * nodes a rule applies to, whom a live source stands for, and what a rule admits of a protocol.
 *
 * <p>Ports are Guava ranges, half-open; a protocol without ports is the single token {@code [0,1)},
 * so one algorithm serves both.
 */
final class LiveGroups {
    static final Range<Integer> TOKEN = Range.closedOpen(0, 1);

    final FirewallPolicy policy;
    final GroupAudit.Settings settings;
    final ImmutableList<NodeRole> roles;
    /** Live rules of mapped groups only. */
    final ImmutableList<LiveRule> rules;
    private final Map<NodeRole, ImmutableList<LiveRule>> byRole = new HashMap<>();

    LiveGroups(FirewallPolicy policy, GroupAudit.Settings settings, List<LiveRule> all) {
        this.policy = policy;
        this.settings = settings;
        this.roles = policy.spec().blueprint().roles();
        this.rules = all.stream().filter(r -> settings.groups().scopes().containsKey(r.groupId()))
                .collect(ImmutableList.toImmutableList());
        for (NodeRole role : roles) {
            List<String> carried = settings.groups().carriedBy(role);
            byRole.put(role, rules.stream().filter(r -> carried.contains(r.groupId())).collect(ImmutableList.toImmutableList()));
        }
    }

    /** Whether some live group is mapped to this role or to all nodes. */
    boolean checked(NodeRole role) {
        return !settings.groups().carriedBy(role).isEmpty();
    }

    /** The live rules a node of this role is subject to, in one direction. */
    List<LiveRule> on(NodeRole role, Direction direction) {
        return byRole.get(role).stream().filter(r -> r.direction() == direction).toList();
    }

    ImmutableList<NodeRole> rolesOf(Peer.Nodes nodes) {
        return nodes instanceof Peer.RolePeer role ? ImmutableList.of(role.role()) : roles;
    }

    /** The cluster nodes a live source stands for: a mapped group's, a node CIDR's (all), or none. */
    ImmutableList<NodeRole> nodeSources(LiveRule rule) {
        if (rule.peer() instanceof LivePeer.Group group && settings.groups().scopes().containsKey(group.id())) {
            return rolesOf(settings.groups().scopes().get(group.id()));
        }
        if (rule.peer() instanceof LivePeer.Network network && isNodeCidr(network.cidr())) {
            return roles;
        }
        return ImmutableList.of();
    }

    /** Whether the live source admits traffic from (to) nodes of role {@code peer}. */
    boolean coversNode(LiveRule rule, NodeRole peer) {
        if (rule.peer() instanceof LivePeer.Group group) {
            Peer.Nodes scope = settings.groups().scopes().get(group.id());
            // A reference matches private addresses only: useless where nodes talk over public ones.
            return scope != null && settings.addressing() == NodeAddressing.PRIVATE
                    && (scope instanceof Peer.AllNodes || scope.equals(Peer.role(peer)));
        }
        if (rule.peer() instanceof LivePeer.Network network) {
            return isNodeCidr(network.cidr()) || InternetExposure.isInternetWide(List.of(network.cidr()));
        }
        return false;
    }

    /** Whether the live source admits the policy's outside peer (any outside party, if it is unbound). */
    boolean coversOutside(LiveRule rule, Peer policyPeer) {
        LivePeer live = rule.peer();
        boolean cluster = live instanceof LivePeer.Group group && settings.groups().scopes().containsKey(group.id());
        if (policyPeer instanceof Peer.ExternalPeer) {
            return !cluster;
        }
        if (policyPeer instanceof Peer.Remote remote) {
            java.util.Optional<String> value = remote.binding().value();
            return switch (remote.binding().kind()) {
                case IPV4_CIDR, IPV6_CIDR -> live instanceof LivePeer.Network network && remote.cidr().isPresent()
                        && Cidrs.contains(network.cidr(), remote.cidr().get());
                case PREFIX_LIST -> live instanceof LivePeer.PrefixList l && value.map(l.id()::equals).orElse(false);
                case SECURITY_GROUP -> live instanceof LivePeer.Group g && value.map(g.id()::equals).orElse(false);
                case ADDRESS_GROUP -> false; // live Neutron rules name address groups only by id, which bindings here do not carry
            };
        }
        return false;
    }

    /**
     * Whether the policy's outside peer may be the live rule's outside source: any source may stand
     * for a peer left unbound; a bound one must contain it.
     */
    boolean policyAllowsOutside(Peer policyPeer, LiveRule rule) {
        LivePeer live = rule.peer();
        if (policyPeer instanceof Peer.ExternalPeer) {
            return true;
        }
        if (policyPeer instanceof Peer.Remote remote && remote.cidr().isPresent()) {
            return live instanceof LivePeer.Network network && Cidrs.contains(remote.cidr().get(), network.cidr());
        }
        return coversOutside(rule, policyPeer);
    }

    /**
     * A CIDR that holds cluster nodes: one overlapping a {@code --node-cidr}, or without any, a
     * private-use range under private addressing.
     */
    boolean isNodeCidr(Cidr cidr) {
        if (InternetExposure.isInternetWide(List.of(cidr))) {
            return false;
        }
        if (!settings.nodeCidrs().isEmpty()) {
            return settings.nodeCidrs().stream().anyMatch(n -> Cidrs.contains(cidr, n) || Cidrs.contains(n, cidr));
        }
        return settings.addressing() == NodeAddressing.PRIVATE && Cidrs.isPrivateUse(cidr);
    }

    /** What the live rule admits of the policy's protocol: ports, the token, or nothing. */
    static Range<Integer> admits(LiveRule rule, Protocol wanted) {
        if (wanted.usesPorts()) {
            return rule.portsFor(wanted);
        }
        return protocolCovers(rule.protocol(), wanted) ? TOKEN : Range.closedOpen(0, 0);
    }

    /** What the policy rule requires: its ports, or the token. */
    static Range<Integer> required(FirewallRule rule) {
        return rule.ports().map(p -> Range.closedOpen(p.from(), p.to() + 1)).orElse(TOKEN);
    }

    /** Whether {@code broad} admits every packet of {@code narrow} (ports aside). */
    static boolean protocolCovers(Protocol broad, Protocol narrow) {
        if (broad.equals(Protocol.ALL) || broad.equals(narrow)) {
            return true;
        }
        if (broad instanceof Protocol.Icmp b && narrow instanceof Protocol.Icmp n && b.ipFamily() == n.ipFamily()) {
            return b.type().isAny() || (b.type().type().equals(n.type().type())
                    && (b.type().code().isEmpty() || b.type().code().equals(n.type().code())));
        }
        return false;
    }

    /** The TCP or UDP ports the catalog marks public by design on this role's nodes. */
    RangeSet<Integer> publicPorts(NodeRole role, Protocol protocol) {
        RangeSet<Integer> ports = TreeRangeSet.create();
        for (Requirement requirement : publicRequirements(role, protocol)) {
            requirement.ports().ifPresent(p -> ports.add(Range.closedOpen(p.from(), p.to() + 1)));
        }
        return ports;
    }

    List<Requirement> publicRequirements(NodeRole role, Protocol protocol) {
        return PolicyCompiler.activeRequirements(policy.spec()).stream()
                .filter(r -> r.publicClients() && r.protocol().equals(protocol)
                        && (r.destination() instanceof Peer.AllNodes || r.destination().equals(Peer.role(role))))
                .toList();
    }

    /** The policy rules on this role's nodes in one direction. */
    List<FirewallRule> policyOn(NodeRole role, Direction direction) {
        return policy.rules().stream().filter(r -> r.direction() == direction
                && (r.target() instanceof Peer.AllNodes || r.target().equals(Peer.role(role)))).toList();
    }

    /** {@code sg-1 (control-plane)}, for messages. */
    String group(String id) {
        return id + " (" + settings.groups().scopes().get(id).key() + ")";
    }

    /** Live group ids standing for these nodes, to say where a missing rule goes. */
    String groupsFor(Peer.Nodes nodes) {
        List<String> ids = settings.groups().idsOf(nodes);
        if (ids.isEmpty() && nodes instanceof Peer.AllNodes) {
            return "each role's group";
        }
        return ids.isEmpty() ? "the " + nodes.key() + " group" : String.join(" or ", ids);
    }

    Optional<String> anyInputName() {
        return rules.stream().map(r -> r.location().input()).findFirst();
    }
}
