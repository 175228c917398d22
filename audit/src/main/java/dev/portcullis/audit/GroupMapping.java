package dev.portcullis.audit;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.portcullis.core.Blueprint;
import dev.portcullis.core.NodeRole;
import dev.portcullis.core.Peer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which live security group stands for which of the policy's groups: a role's, or the one every
 * node carries ({@code all-nodes}). Every node of a role is taken to carry every group mapped to
 * that role, and every node carries the {@code all-nodes} groups.
 *
 * @param scopes group id → the nodes that carry it, in the order given
 */
public record GroupMapping(ImmutableMap<String, Peer.Nodes> scopes) {
    public GroupMapping {
        Objects.requireNonNull(scopes, "scopes");
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("--group is missing: map at least one live group to a role, as ROLE=ID");
        }
    }

    /**
     * Parses {@code ROLE=ID} entries ({@code control-plane=sg-0abc1234}, {@code all-nodes=sg-0def5678}).
     *
     * @throws IllegalArgumentException if an entry is malformed, names an unknown role, has an id not
     *     of the cloud's form (the id ends up in shell commands), or maps one id twice
     */
    public static GroupMapping parse(Cloud cloud, Blueprint blueprint, List<String> entries) {
        List<String> allowed = new ArrayList<>(List.of("all-nodes"));
        blueprint.roles().forEach(r -> allowed.add(r.name()));
        Map<String, Peer.Nodes> scopes = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq < 1 || eq == entry.length() - 1) {
                throw new IllegalArgumentException("--group '" + entry + "' is malformed: expected ROLE=ID with ROLE one of "
                        + String.join(", ", allowed));
            }
            String role = entry.substring(0, eq).strip();
            String id = entry.substring(eq + 1).strip();
            if (!allowed.contains(role)) {
                throw new IllegalArgumentException("--group role '" + role + "' is unknown for " + blueprint.distribution()
                        + ": allowed values are " + String.join(", ", allowed));
            }
            cloud.requireGroupId("--group " + role, id);
            Peer.Nodes scope = role.equals("all-nodes") ? Peer.allNodes() : Peer.role(NodeRole.of(role));
            Peer.Nodes previous = scopes.putIfAbsent(id, scope);
            if (previous != null && !previous.equals(scope)) {
                throw new IllegalArgumentException("--group id '" + id + "' is mapped to " + previous.key() + " and to "
                        + scope.key() + ": map it once (all-nodes=" + id + " if every node carries it)");
            }
        }
        return new GroupMapping(ImmutableMap.copyOf(scopes));
    }

    /** The groups a node of {@code role} carries: those mapped to it and to all nodes. */
    ImmutableList<String> carriedBy(NodeRole role) {
        return scopes.entrySet().stream()
                .filter(e -> e.getValue() instanceof Peer.AllNodes || e.getValue().equals(Peer.role(role)))
                .map(Map.Entry::getKey).collect(ImmutableList.toImmutableList());
    }

    /** The groups mapped to exactly these nodes ({@code all-nodes} or one role). */
    ImmutableList<String> idsOf(Peer.Nodes nodes) {
        return scopes.entrySet().stream().filter(e -> e.getValue().equals(nodes)).map(Map.Entry::getKey)
                .collect(ImmutableList.toImmutableList());
    }

    /** {@code control-plane=sg-1, all-nodes=sg-2}. */
    String describe() {
        return String.join(", ", scopes.entrySet().stream().map(e -> e.getValue().key() + "=" + e.getKey()).toList());
    }
}
