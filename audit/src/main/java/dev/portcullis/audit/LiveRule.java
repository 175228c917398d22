package dev.portcullis.audit;

import com.google.common.collect.Range;
import dev.portcullis.core.Direction;
import dev.portcullis.core.PortRange;
import dev.portcullis.core.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One rule of a live security group, in the policy's vocabulary.
 *
 * @param id the cloud's rule id ({@code sgr-…}, a Neutron UUID), or one built from the rule's content
 *     where the listing has none ({@code describe-security-groups})
 * @param cloudId whether {@code id} is the cloud's own, so {@code pulumi import} can use it
 * @param ports for TCP and UDP; empty for every other protocol (which has no ports) and for all traffic
 */
record LiveRule(String id, boolean cloudId, String groupId, Direction direction, Protocol protocol,
        Optional<PortRange> ports, LivePeer peer, String description, Location location) {

    /**
     * What differs between this rule and {@code other}, wherever each was listed: {@code ports},
     * {@code description}… (empty when they are the same rule).
     */
    List<String> differences(LiveRule other) {
        List<String> out = new ArrayList<>();
        if (cloudId != other.cloudId) {
            out.add("id kind");
        }
        if (!groupId.equals(other.groupId)) {
            out.add("group");
        }
        if (direction != other.direction) {
            out.add("direction");
        }
        if (!protocol.equals(other.protocol)) {
            out.add("protocol");
        }
        if (!ports.equals(other.ports)) {
            out.add("ports");
        }
        if (!peer.equals(other.peer)) {
            out.add(direction == Direction.INGRESS ? "source" : "destination");
        }
        if (!description.equals(other.description)) {
            out.add("description");
        }
        return out;
    }

    /** Every TCP or UDP port, half-open as Guava ranges are kept here. */
    static final Range<Integer> ALL_PORTS = Range.closedOpen(1, 65536);

    LiveRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(location, "location");
        if (ports.isPresent() != protocol.usesPorts()) {
            throw new IllegalArgumentException("ports " + ports + " do not fit protocol " + protocol.displayName());
        }
    }

    /** The TCP or UDP ports this rule admits for {@code protocol}, or an empty range. */
    Range<Integer> portsFor(Protocol wanted) {
        if (protocol.equals(Protocol.ALL) && wanted.usesPorts()) {
            return ALL_PORTS;
        }
        if (protocol.equals(wanted) && ports.isPresent()) {
            return Range.closedOpen(ports.get().from(), ports.get().to() + 1);
        }
        return Range.closedOpen(0, 0);
    }

    /** {@code TCP 10250}, {@code all traffic}, {@code ICMP 8/0}. */
    String service() {
        return protocol.displayName() + ports.map(p -> " " + p).orElse("");
    }

    /** {@code sgr-0abc (sg-0123 inbound TCP 10250 from 0.0.0.0/0)}. */
    String summary() {
        return id + " (" + groupId + " " + (direction == Direction.INGRESS ? "inbound " : "outbound ") + service()
                + (direction == Direction.INGRESS ? " from " : " to ") + peer.displayName() + ")";
    }
}
