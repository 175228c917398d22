package dev.portcullis.core;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One flow a distribution needs: traffic from {@code source} to {@code destination} over a protocol
 * (and ports, for TCP and UDP), why it is needed, when, and the official page that says so.
 *
 * <p>At least one end is the cluster's own nodes. A requirement whose end is {@link Peer#self()}, or
 * that is marked {@linkplain #localOnly() local-only} (a port bound to loopback), never crosses the
 * network: compilation keeps it out of firewall rules and reports it with the reason.
 *
 * @param publicClients whether the flow is public by design: the port exists to serve clients anywhere
 *     (Ingress, NodePorts, VPN) or the flow reaches public services (DNS, NTP, registries); the
 *     {@link ExposureGate} then lets internet-wide sources reach it, and the port documents say so
 */
public record Requirement(
        Peer source,
        Peer destination,
        Protocol protocol,
        Optional<PortRange> ports,
        String purpose,
        Condition condition,
        Optional<String> localOnly,
        boolean publicClients,
        URI reference) {

    /** @throws IllegalArgumentException if the ends, protocol and ports do not make a flow */
    public Requirement {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(localOnly, "localOnly");
        Objects.requireNonNull(reference, "reference");
        if (purpose.isBlank()) {
            throw new IllegalArgumentException("purpose is blank: say why the flow is needed");
        }
        Text.requirePrintable("purpose", purpose);
        if (protocol.usesPorts() && ports.isEmpty()) {
            throw new IllegalArgumentException("ports are missing: " + protocol.displayName()
                    + " requirement '" + purpose + "' needs a port or a port range");
        }
        if (!protocol.usesPorts() && ports.isPresent()) {
            throw new IllegalArgumentException("ports " + ports.get() + " are not allowed: "
                    + protocol.displayName() + " has no ports (only TCP and UDP do)");
        }
        if (!(source instanceof Peer.Nodes) && !(destination instanceof Peer.Nodes)
                && !(source instanceof Peer.SelfPeer)) {
            throw new IllegalArgumentException("requirement '" + purpose + "' runs from " + source.displayName()
                    + " to " + destination.displayName() + ": one end must be the cluster's nodes (a role or all nodes)");
        }
        if (!"https".equals(reference.getScheme()) && !USER.equals(reference)) {
            throw new IllegalArgumentException("reference '" + reference
                    + "' is invalid: expected an https URL (or " + USER + " for a user's own rule)");
        }
    }

    /** The reference of a rule the user adds, which no official page backs. */
    public static final URI USER = URI.create("urn:portcullis:user-rule");

    /** Starts a TCP requirement on one port or a range such as {@code "30000-32767"}. */
    public static Builder tcp(String ports) {
        return new Builder(Protocol.TCP, Optional.of(PortRange.parse(ports)));
    }

    public static Builder tcp(int port) {
        return new Builder(Protocol.TCP, Optional.of(PortRange.single(port)));
    }

    public static Builder udp(String ports) {
        return new Builder(Protocol.UDP, Optional.of(PortRange.parse(ports)));
    }

    public static Builder udp(int port) {
        return new Builder(Protocol.UDP, Optional.of(PortRange.single(port)));
    }

    /** Starts a requirement for a protocol without ports (ICMP, ICMPv6, IP-in-IP…). */
    public static Builder of(Protocol protocol) {
        return new Builder(protocol, Optional.empty());
    }

    /** Whether the flow stays on the node (its own end is {@link Peer#self()} or it is marked local-only). */
    public boolean isLocal() {
        return localOnly.isPresent() || source instanceof Peer.SelfPeer || destination instanceof Peer.SelfPeer;
    }

    /** {@code TCP 6443}, {@code ICMP 8/0}. */
    public String service() {
        return protocol.displayName() + ports.map(p -> " " + p).orElse("");
    }

    /** A builder; {@code from}, {@code to}, {@code purpose} and {@code reference} are required. */
    public static final class Builder {
        private final Protocol protocol;
        private final Optional<PortRange> ports;
        private Peer source;
        private Peer destination;
        private String purpose;
        private Condition condition = Condition.ALWAYS;
        private Optional<String> localOnly = Optional.empty();
        private boolean publicClients;
        private URI reference;

        private Builder(Protocol protocol, Optional<PortRange> ports) {
            this.protocol = protocol;
            this.ports = ports;
        }

        public Builder from(Peer source) {
            this.source = source;
            return this;
        }

        public Builder to(Peer destination) {
            this.destination = destination;
            return this;
        }

        public Builder purpose(String purpose) {
            this.purpose = purpose;
            return this;
        }

        public Builder when(Condition condition) {
            this.condition = condition;
            return this;
        }

        /** Marks the flow as never crossing nodes, for the given reason (e.g. "bound to 127.0.0.1"). */
        public Builder localOnly(String reason) {
            this.localOnly = Optional.of(reason);
            return this;
        }

        public Builder publicClients() {
            this.publicClients = true;
            return this;
        }

        public Builder reference(String url) {
            this.reference = URI.create(url);
            return this;
        }

        public Builder reference(URI url) {
            this.reference = url;
            return this;
        }

        /** @throws IllegalArgumentException naming the first missing or invalid field */
        public Requirement build() {
            require(source, "from");
            require(destination, "to");
            require(purpose, "purpose");
            require(reference, "reference");
            return new Requirement(source, destination, protocol, ports, purpose, condition, localOnly,
                    publicClients, reference);
        }

        private static void require(Object value, String field) {
            if (value == null) {
                throw new IllegalArgumentException("requirement field '" + field + "' is missing");
            }
        }
    }
}
