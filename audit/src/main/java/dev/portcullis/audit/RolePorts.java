package dev.portcullis.audit;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import dev.portcullis.core.ClusterSpec;
import dev.portcullis.core.Direction;
import dev.portcullis.core.Exclusion;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.FirewallRule;
import dev.portcullis.core.NodeRole;
import dev.portcullis.core.Option;
import dev.portcullis.core.Peer;
import dev.portcullis.core.PolicyCompiler;
import dev.portcullis.core.PortRange;
import dev.portcullis.core.Protocol;
import dev.portcullis.core.Requirement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One role's share of a compiled policy, indexed by protocol and port: what a node of that role
 * must open, what the catalog keeps local, what it opens on other roles only, and what options
 * that are off would open.
 */
final class RolePorts {
    final FirewallPolicy policy;
    final NodeRole role;
    /** TCP and UDP ingress rules on the groups a node of the role carries. */
    final ImmutableList<FirewallRule> inbound;
    /** Ingress rules of every protocol and port (compact profile, pod network). */
    final ImmutableList<FirewallRule> allTraffic;
    final ImmutableList<Exclusion> local;
    final ImmutableList<Requirement> otherRoles;
    final ImmutableList<Requirement> active;
    final ImmutableList<Requirement> inactive;

    RolePorts(FirewallPolicy policy, NodeRole role) {
        this.policy = policy;
        this.role = role;
        ImmutableList<Peer.Nodes> groups = policy.groupsFor(List.of(role)); // rejects a role the blueprint lacks
        ClusterSpec spec = policy.spec();
        List<FirewallRule> ingress = policy.rules().stream()
                .filter(r -> r.direction() == Direction.INGRESS && groups.contains(r.target())).toList();
        this.inbound = ingress.stream().filter(r -> r.protocol().usesPorts()).collect(ImmutableList.toImmutableList());
        this.allTraffic = ingress.stream().filter(r -> r.protocol().equals(Protocol.ALL)).collect(ImmutableList.toImmutableList());
        this.local = policy.exclusions().stream()
                .filter(e -> e.requirement().isLocal() && reaches(e.requirement()) && e.requirement().ports().isPresent())
                .collect(ImmutableList.toImmutableList());
        ImmutableList<Requirement> activeRequirements = PolicyCompiler.activeRequirements(spec);
        this.active = activeRequirements.stream()
                .filter(r -> !r.isLocal() && reaches(r) && r.ports().isPresent())
                .collect(ImmutableList.toImmutableList());
        this.otherRoles = activeRequirements.stream()
                .filter(r -> !r.isLocal() && r.ports().isPresent() && r.destination() instanceof Peer.RolePeer other
                        && !other.role().equals(role))
                .collect(ImmutableList.toImmutableList());
        this.inactive = Stream.concat(spec.blueprint().requirements().stream(), spec.extraRequirements().stream())
                .filter(r -> !r.condition().holds(spec.cni(), spec.options())
                        && r.condition().cni().map(spec.cni()::equals).orElse(true)
                        && !r.isLocal() && reaches(r) && r.ports().isPresent())
                .collect(ImmutableList.toImmutableList());
    }

    /** Whether the requirement's destination is this role's nodes (the role, or all nodes). */
    private boolean reaches(Requirement requirement) {
        return requirement.destination() instanceof Peer.AllNodes
                || requirement.destination().equals(Peer.role(role));
    }

    ImmutableList<FirewallRule> rulesAdmitting(String protocol, int port) {
        return inbound.stream().filter(r -> r.protocol().key().equals(protocol) && contains(r.ports(), port))
                .collect(ImmutableList.toImmutableList());
    }

    ImmutableList<Exclusion> localOnly(String protocol, int port) {
        return local.stream().filter(e -> matches(e.requirement(), protocol, port)).collect(ImmutableList.toImmutableList());
    }

    ImmutableList<Requirement> onOtherRoles(String protocol, int port) {
        return otherRoles.stream().filter(r -> matches(r, protocol, port)).collect(ImmutableList.toImmutableList());
    }

    /** Requirements an option that is off would add here, with the options it lacks. */
    ImmutableList<Requirement> inactiveAt(String protocol, int port) {
        return inactive.stream().filter(r -> matches(r, protocol, port)).collect(ImmutableList.toImmutableList());
    }

    /** The options a requirement needs that are not enabled. */
    ImmutableSortedSet<String> missingOptions(Requirement requirement) {
        return requirement.condition().options().stream().filter(o -> !policy.spec().options().contains(o))
                .collect(ImmutableSortedSet.toImmutableSortedSet(String::compareTo));
    }

    Optional<Option> option(String name) {
        return policy.spec().blueprint().option(name);
    }

    static boolean matches(Requirement requirement, String protocol, int port) {
        return requirement.protocol().key().equals(protocol) && contains(requirement.ports(), port);
    }

    private static boolean contains(Optional<PortRange> ports, int port) {
        return ports.map(p -> p.from() <= port && port <= p.to()).orElse(false);
    }
}
