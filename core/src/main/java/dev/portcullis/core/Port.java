package dev.portcullis.core;

import java.util.Objects;
import java.util.Optional;

/**
 * What a rule admits on the wire, in the AWS CDK's words: {@code Port.tcp(8443)},
 * {@code Port.udpRange(30000, 32767)}, {@code Port.allTraffic()}. ICMP carries no port.
 */
public record Port(Protocol protocol, Optional<PortRange> range) {
    /**
     * @throws IllegalArgumentException if ports are given for a protocol without ports, or missing for TCP or
     *     UDP, or an ICMP type is narrowed (a user's rule, which a port becomes, admits any ICMP message)
     */
    public Port {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(range, "range");
        if (protocol.usesPorts() != range.isPresent()) {
            throw new IllegalArgumentException("port " + range.map(PortRange::toString).orElse("(none)") + " does not fit "
                    + protocol.displayName() + ": only TCP and UDP have ports, and they need one");
        }
        if (protocol instanceof Protocol.Icmp icmp && !icmp.type().equals(IcmpType.ANY)) {
            throw new IllegalArgumentException("port " + protocol.displayName() + " is narrowed to one ICMP type, which a "
                    + "rule of your own cannot express: use Port.icmp() (any ICMP message)");
        }
    }

    public static Port tcp(int port) {
        return new Port(Protocol.TCP, Optional.of(PortRange.single(port)));
    }

    public static Port tcpRange(int from, int to) {
        return new Port(Protocol.TCP, Optional.of(new PortRange(from, to)));
    }

    public static Port udp(int port) {
        return new Port(Protocol.UDP, Optional.of(PortRange.single(port)));
    }

    public static Port udpRange(int from, int to) {
        return new Port(Protocol.UDP, Optional.of(new PortRange(from, to)));
    }

    /** Any ICMP (IPv4) message. */
    public static Port icmp() {
        return new Port(Protocol.icmp(IcmpType.ANY), Optional.empty());
    }

    /** Every protocol and port. */
    public static Port allTraffic() {
        return new Port(Protocol.ALL, Optional.empty());
    }

    /** The protocol as a user's rule writes it: {@code tcp}, {@code udp}, {@code icmp}, or the IANA number. */
    public String protocolText() {
        if (protocol.usesPorts()) {
            return protocol.key();
        }
        if (protocol instanceof Protocol.Icmp icmp) {
            return icmp.ipFamily() == IpFamily.IPV4 ? "icmp" : "icmpv6";
        }
        return protocol.equals(Protocol.ALL) ? "all" : Integer.toString(protocol.ianaNumber());
    }

    /** {@code 8443}, {@code 30000-32767}, or empty. */
    public Optional<String> portsText() {
        return range.map(PortRange::toString);
    }

    @Override
    public String toString() {
        return protocol.displayName() + range.map(r -> " " + r).orElse("");
    }
}
