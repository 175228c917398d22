package dev.portcullis.core;

import com.google.common.net.InetAddresses;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Comparator;
import java.util.Objects;

/**
 * A canonical IPv4 or IPv6 network in CIDR notation. Non-canonical input such as {@code 10.0.0.1/16}
 * is rejected rather than masked: a typo in a firewall should fail loudly, not open a different net.
 */
public record Cidr(InetAddress network, int prefixLength) implements Comparable<Cidr> {
    private static final Comparator<Cidr> ORDER = Comparator.comparing(Cidr::family)
            .thenComparing(c -> new BigInteger(1, c.network.getAddress()))
            .thenComparingInt(Cidr::prefixLength);

    /** @throws IllegalArgumentException if the prefix length does not fit the family or host bits are set */
    public Cidr {
        Objects.requireNonNull(network, "network");
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("CIDR prefix length /" + prefixLength + " is out of range for "
                    + familyOf(network).label() + ": allowed /0../" + bits);
        }
        InetAddress masked = mask(network, prefixLength);
        if (!masked.equals(network)) {
            throw new IllegalArgumentException("CIDR " + InetAddresses.toAddrString(network) + "/" + prefixLength
                    + " is not canonical: host bits are set. Did you mean "
                    + InetAddresses.toAddrString(masked) + "/" + prefixLength + "?");
        }
    }

    /**
     * Parses {@code 10.0.0.0/16} or {@code 2001:db8::/32}; no DNS look-up.
     *
     * @throws IllegalArgumentException if the text is not a canonical CIDR
     */
    public static Cidr parse(String text) {
        Objects.requireNonNull(text, "cidr");
        int slash = text.indexOf('/');
        if (slash < 0) {
            if (!text.contains("%") && InetAddresses.isInetAddress(text)) {
                InetAddress host = InetAddresses.forString(text);
                String bits = host instanceof Inet4Address ? "/32" : "/128";
                throw new IllegalArgumentException("CIDR '" + text + "' has no prefix length: did you mean "
                        + InetAddresses.toAddrString(host) + bits + "?");
            }
            throw new IllegalArgumentException("CIDR '" + Text.printable(text)
                    + "' has no prefix length: write it as address/length (10.0.0.0/16, 2001:db8::/32)");
        }
        String address = text.substring(0, slash);
        String length = text.substring(slash + 1);
        if (address.contains("%")) { // a zone id names an interface of the machine that parses it
            throw new IllegalArgumentException("CIDR '" + Text.printable(text)
                    + "' has a zone id (%…): zone ids name a local interface and have no meaning in a firewall; remove it");
        }
        if (!InetAddresses.isInetAddress(address) || !length.matches("\\d{1,3}")) {
            throw new IllegalArgumentException("CIDR '" + Text.printable(text)
                    + "' is malformed: expected an IPv4 or IPv6 address, '/', and a prefix length (10.0.0.0/16, 2001:db8::/32)");
        }
        return new Cidr(InetAddresses.forString(address), Integer.parseInt(length));
    }

    /** The whole IPv4 or IPv6 internet. */
    public static Cidr anywhere(IpFamily family) {
        return parse(family == IpFamily.IPV4 ? "0.0.0.0/0" : "::/0");
    }

    public IpFamily family() {
        return familyOf(network);
    }

    /** The addresses it holds as a half-open range of unsigned integers {@code [first, last + 1)}. */
    public com.google.common.collect.Range<BigInteger> toRange() {
        BigInteger first = new BigInteger(1, network.getAddress());
        int bits = network.getAddress().length * 8;
        return com.google.common.collect.Range.closedOpen(first, first.add(BigInteger.ONE.shiftLeft(bits - prefixLength)));
    }

    /** Whether this covers every address of another network of the same family. */
    public boolean contains(Cidr other) {
        return family() == other.family() && toRange().encloses(other.toRange());
    }

    /** Whether this is 0.0.0.0/0 or ::/0. */
    public boolean isWholeInternet() {
        return prefixLength == 0;
    }

    @Override
    public int compareTo(Cidr other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return InetAddresses.toAddrString(network) + "/" + prefixLength;
    }

    private static IpFamily familyOf(InetAddress address) {
        return address instanceof Inet4Address ? IpFamily.IPV4 : IpFamily.IPV6;
    }

    private static InetAddress mask(InetAddress address, int prefixLength) {
        byte[] bytes = address.getAddress();
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.max(0, Math.min(8, prefixLength - i * 8));
            bytes[i] &= (byte) (0xff << (8 - keep));
        }
        try {
            return InetAddress.getByAddress(bytes); // raw bytes: no DNS
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4- or 16-byte address was rejected", e);
        }
    }
}
