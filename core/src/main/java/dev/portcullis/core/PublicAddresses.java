package dev.portcullis.core;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Each role's public (elastic, floating) addresses, for clusters whose nodes reach each other over
 * them ({@link NodeAddressing#PUBLIC}); the compiler adds a host rule per address next to each
 * group reference, since no reference matches traffic from a public address.
 */
public record PublicAddresses(ImmutableMap<NodeRole, ImmutableList<Cidr>> byRole) {
    public PublicAddresses {
        Objects.requireNonNull(byRole, "byRole");
    }

    /**
     * @throws IllegalArgumentException naming the roles whose nodes are peers of some rule but have no address
     */
    void requireFor(FirewallPolicy policy) {
        List<String> missing = new ArrayList<>();
        for (NodeRole role : policy.spec().blueprint().roles()) {
            boolean isPeer = policy.rules().stream()
                    .anyMatch(r -> r.peer().equals(Peer.role(role)) || r.peer() instanceof Peer.AllNodes);
            if (isPeer && byRole.getOrDefault(role, ImmutableList.of()).isEmpty()) {
                missing.add(role.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("publicAddresses are missing for roles " + missing
                    + ": with nodeAddressing public, nodes reach each other from their public (elastic, floating) IPs"
                    + ", which no group reference matches; list each role's addresses, or use nodeAddressing private");
        }
    }
}
