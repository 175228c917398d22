package dev.portcullis.core;

import com.google.common.collect.ImmutableMap;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An IP protocol a rule admits. TCP and UDP carry ports; ICMP and ICMPv6 carry an {@link IcmpType};
 * any other protocol is named by its IANA number (4 for IP-in-IP, 50 for ESP).
 */
public sealed interface Protocol extends Comparable<Protocol>
        permits Protocol.Tcp, Protocol.Udp, Protocol.Icmp, Protocol.IpNumber, Protocol.AllTraffic {

    Protocol TCP = new Tcp();
    Protocol UDP = new Udp();
    /**
     * Every protocol and port: the compact profile between the cluster's nodes, a routed pod network,
     * and users' rules that say {@code all}.
     */
    Protocol ALL = new AllTraffic();

    /** The IANA protocol number: 6, 17, 1, 58, or the number itself. */
    int ianaNumber();

    /** Whether rules of this protocol are scoped by ports. */
    default boolean usesPorts() {
        return false;
    }

    /** The IP family this protocol exists in, if only one (ICMP is IPv4's, ICMPv6 is IPv6's). */
    default Optional<IpFamily> family() {
        return Optional.empty();
    }

    /** A short stable token used in resource names and JSON: {@code tcp}, {@code icmp-8-0}, {@code ip-4}. */
    String key();

    /** How a reader names it: {@code TCP}, {@code ICMPv6 128/0}, {@code IP-in-IP (4)}. */
    String displayName();

    @Override
    default int compareTo(Protocol other) {
        return Comparator.comparingInt(Protocol::ianaNumber)
                .thenComparing(Protocol::key)
                .compare(this, other);
    }

    static Protocol icmp(IcmpType type) {
        return new Icmp(IpFamily.IPV4, type);
    }

    static Protocol icmpv6(IcmpType type) {
        return new Icmp(IpFamily.IPV6, type);
    }

    /** Echo request (ping) in the given family. */
    static Protocol echoRequest(IpFamily family) {
        return new Icmp(family, IcmpType.echoRequest(family));
    }

    static Protocol number(int number) {
        return new IpNumber(number);
    }

    /**
     * Parses {@code tcp}, {@code udp}, {@code icmp}, {@code icmpv6} (any message), {@code all} or an IANA number.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    static Protocol parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("protocol is missing: allowed tcp, udp, icmp, icmpv6, all or an IP protocol number 0..255");
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "tcp": return TCP;
            case "udp": return UDP;
            case "icmp": return icmp(IcmpType.ANY);
            case "icmpv6": case "ipv6-icmp": return icmpv6(IcmpType.ANY);
            case "all": return ALL;
            default:
                try {
                    int n = Integer.parseInt(t);
                    switch (n) {
                        case 6: return TCP;
                        case 17: return UDP;
                        case 1: return icmp(IcmpType.ANY);
                        case 58: return icmpv6(IcmpType.ANY);
                        default: return number(n);
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("protocol '" + Text.printable(text)
                            + "' is unknown: allowed tcp, udp, icmp, icmpv6, all or an IP protocol number 0..255");
                }
        }
    }

    /** TCP: ports required. */
    record Tcp() implements Protocol {
        @Override public int ianaNumber() { return 6; }
        @Override public boolean usesPorts() { return true; }
        @Override public String key() { return "tcp"; }
        @Override public String displayName() { return "TCP"; }
        @Override public String toString() { return displayName(); }
    }

    /** UDP: ports required. */
    record Udp() implements Protocol {
        @Override public int ianaNumber() { return 17; }
        @Override public boolean usesPorts() { return true; }
        @Override public String key() { return "udp"; }
        @Override public String displayName() { return "UDP"; }
        @Override public String toString() { return displayName(); }
    }

    /** ICMP (IPv4) or ICMPv6, narrowed to a type and code or not. */
    record Icmp(IpFamily ipFamily, IcmpType type) implements Protocol {
        public Icmp {
            Objects.requireNonNull(ipFamily, "ipFamily");
            Objects.requireNonNull(type, "type");
        }
        @Override public int ianaNumber() { return ipFamily == IpFamily.IPV4 ? 1 : 58; }
        @Override public Optional<IpFamily> family() { return Optional.of(ipFamily); }
        @Override public String key() {
            String base = ipFamily == IpFamily.IPV4 ? "icmp" : "icmpv6";
            return type.isAny() ? base : base + "-" + type.toString().replace('/', '-');
        }
        @Override public String displayName() {
            String base = ipFamily == IpFamily.IPV4 ? "ICMP" : "ICMPv6";
            return type.isAny() ? base : base + " " + type;
        }
        @Override public String toString() { return displayName(); }
    }

    /** All traffic. It has no IANA number; {@link #ianaNumber()} is -1, as AWS spells "all". */
    record AllTraffic() implements Protocol {
        @Override public int ianaNumber() { return -1; }
        @Override public String key() { return "all"; }
        @Override public String displayName() { return "all traffic"; }
        @Override public String toString() { return displayName(); }
    }

    /** Any other IP protocol, by IANA number (not 1, 6, 17 or 58, which have their own types). */
    record IpNumber(int number) implements Protocol {
        private static final ImmutableMap<Integer, String> NAMES = ImmutableMap.of(
                4, "IP-in-IP", 41, "IPv6 encapsulation", 47, "GRE", 50, "ESP", 51, "AH", 112, "VRRP", 132, "SCTP");

        public IpNumber {
            if (number < 0 || number > 255) {
                throw new IllegalArgumentException("IP protocol number " + number + " is out of range: allowed 0..255");
            }
            if (number == 1 || number == 6 || number == 17 || number == 58) {
                throw new IllegalArgumentException("IP protocol number " + number
                        + " has its own type: use Protocol.TCP, Protocol.UDP, Protocol.icmp or Protocol.icmpv6");
            }
        }
        @Override public int ianaNumber() { return number; }
        @Override public String key() { return "ip-" + number; }
        @Override public String displayName() {
            String name = NAMES.get(number);
            return name == null ? "IP protocol " + number : name + " (" + number + ")";
        }
        @Override public String toString() { return displayName(); }
    }
}
