package dev.portcullis.audit;

import com.google.common.collect.ImmutableList;
import com.google.common.net.InetAddresses;
import dev.portcullis.core.Cidr;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Address arithmetic the audit needs beyond {@link Cidr}. */
final class Cidrs {
    /**
     * Private-use space: RFC 1918 §3 (https://www.rfc-editor.org/rfc/rfc1918#section-3), RFC 6598
     * shared space (https://www.rfc-editor.org/rfc/rfc6598#section-7) and RFC 4193 unique local
     * addresses (https://www.rfc-editor.org/rfc/rfc4193#section-3.1). Without {@code --node-cidr},
     * a rule's CIDR inside it is taken to hold the cluster's nodes.
     */
    static final ImmutableList<Cidr> PRIVATE_USE = ImmutableList.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("172.16.0.0/12"),
            Cidr.parse("192.168.0.0/16"), Cidr.parse("100.64.0.0/10"), Cidr.parse("fc00::/7"));

    private Cidrs() {}

    /**
     * Reads a cloud's CIDR leniently: a bare address is a host route, and host bits are masked, as
     * the clouds themselves store what they were given.
     *
     * @throws IllegalArgumentException if the text is no address
     */
    static Cidr lenient(String field, String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        if (!InetAddresses.isInetAddress(address)) {
            throw new IllegalArgumentException(field + " '" + text + "' is no CIDR: expected an IPv4 or IPv6 network "
                    + "such as 10.0.0.0/16 or 2001:db8::/32");
        }
        byte[] bytes = InetAddresses.forString(address).getAddress();
        int bits = bytes.length * 8;
        int length;
        try {
            length = slash < 0 ? bits : Integer.parseInt(trimmed.substring(slash + 1));
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length < 0 || length > bits) {
            throw new IllegalArgumentException(field + " '" + text + "' has an invalid prefix length: allowed /0../" + bits);
        }
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.max(0, Math.min(8, length - i * 8));
            bytes[i] &= (byte) (0xff << (8 - keep));
        }
        try {
            return new Cidr(InetAddress.getByAddress(bytes), length);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4- or 16-byte address was rejected", e);
        }
    }

    /** Whether every address of {@code inner} is in {@code outer}. */
    static boolean contains(Cidr outer, Cidr inner) {
        if (outer.family() != inner.family() || outer.prefixLength() > inner.prefixLength()) {
            return false;
        }
        int bits = outer.network().getAddress().length * 8;
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - outer.prefixLength()).subtract(BigInteger.ONE));
        BigInteger innerNetwork = new BigInteger(1, inner.network().getAddress());
        return innerNetwork.and(mask).equals(new BigInteger(1, outer.network().getAddress()));
    }

    static boolean isPrivateUse(Cidr cidr) {
        return PRIVATE_USE.stream().anyMatch(space -> contains(space, cidr));
    }
}
