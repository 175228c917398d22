package dev.portcullis.core;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;

/**
 * Whether a set of source CIDRs amounts to "the internet", decided by address arithmetic rather than
 * by prefix length: the union of the sources, minus special-purpose space (RFC 1918, CGNAT,
 * loopback, link-local, ULA, documentation and benchmarking ranges, multicast and the rest of the
 * IANA special-purpose registries), measured against the globally routable space of its family.
 *
 * <p>A set is internet-wide when it covers at least {@link #IPV4_THRESHOLD} routable IPv4 addresses
 * (the size of a /9) or {@link #IPV6_THRESHOLD} routable IPv6 addresses (the size of a /20): any
 * fully routable block of /9 or wider is, as are 0.0.0.0/1 + 128.0.0.0/1, four /2 blocks and
 * 2000::/3. An organisation that really holds a /8 (17.0.0.0/8) binds it and names its peer in {@code allowInternet}.
 */
public final class InternetExposure {
    /** 2^23 routable IPv4 addresses: a /9's worth, 0.2% of the IPv4 space. */
    public static final BigInteger IPV4_THRESHOLD = BigInteger.ONE.shiftLeft(23);
    /** 2^108 routable IPv6 addresses: a /20's worth, 1/2^17 of global unicast space 2000::/3. */
    public static final BigInteger IPV6_THRESHOLD = BigInteger.ONE.shiftLeft(108);

    /**
     * IANA IPv4 Special-Purpose Address Registry (RFC 6890 and updates) plus multicast (RFC 5771):
     * https://www.iana.org/assignments/iana-ipv4-special-registry/
     */
    static final ImmutableList<Cidr> IPV4_SPECIAL = cidrs(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24", "192.88.99.0/24", "192.168.0.0/16",
            "192.175.48.0/24", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4");

    /**
     * IANA IPv6 Special-Purpose Address Registry (RFC 6890 and updates, including 3fff::/20 of RFC 9637
     * and 5f00::/16 of RFC 9602): https://www.iana.org/assignments/iana-ipv6-special-registry/
     * IPv4-mapped ::ffff:0:0/96 is absent: such addresses parse as IPv4 and are judged as IPv4.
     */
    static final ImmutableList<Cidr> IPV6_SPECIAL = cidrs(
            "::1/128", "::/128", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23",
            "2001:db8::/32", "2002::/16", "2620:4f:8000::/48", "3fff::/20", "5f00::/16", "fc00::/7", "fe80::/10",
            "ff00::/8");

    /** Globally routable space: all of IPv4, and IPv6's global unicast 2000::/3, each minus the special ranges. */
    private static final RangeSet<BigInteger> IPV4_ROUTABLE = routable(Cidr.parse("0.0.0.0/0"), IPV4_SPECIAL);
    private static final RangeSet<BigInteger> IPV6_ROUTABLE = routable(Cidr.parse("2000::/3"), IPV6_SPECIAL);

    private InternetExposure() {}

    /** Whether the union of these sources is internet-wide in either family. */
    public static boolean isInternetWide(Collection<Cidr> sources) {
        for (IpFamily family : IpFamily.values()) {
            List<Cidr> ofFamily = sources.stream().filter(c -> c.family() == family).toList();
            // The sizes' sum bounds the routable space covered: most sets are far below the threshold.
            BigInteger bound = ofFamily.stream().map(c -> c.toRange().upperEndpoint().subtract(c.toRange().lowerEndpoint()))
                    .reduce(BigInteger.ZERO, BigInteger::add);
            if (bound.compareTo(threshold(family)) >= 0 && routableCovered(ofFamily, family).compareTo(threshold(family)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** How many globally routable addresses of the family the union of these sources covers. */
    public static BigInteger routableCovered(Collection<Cidr> sources, IpFamily family) {
        RangeSet<BigInteger> union = TreeRangeSet.create();
        sources.stream().filter(c -> c.family() == family).forEach(c -> union.add(c.toRange()));
        RangeSet<BigInteger> routable = TreeRangeSet.create(family == IpFamily.IPV4 ? IPV4_ROUTABLE : IPV6_ROUTABLE);
        routable.removeAll(union.complement());
        return size(routable);
    }

    /** The share of the family's routable space covered, in percent, for messages. */
    public static double percentOfRoutable(Collection<Cidr> sources, IpFamily family) {
        BigInteger all = size(family == IpFamily.IPV4 ? IPV4_ROUTABLE : IPV6_ROUTABLE);
        return routableCovered(sources, family).multiply(BigInteger.valueOf(100_000)).divide(all).doubleValue() / 1000;
    }

    public static BigInteger threshold(IpFamily family) {
        return family == IpFamily.IPV4 ? IPV4_THRESHOLD : IPV6_THRESHOLD;
    }

    private static RangeSet<BigInteger> routable(Cidr space, List<Cidr> special) {
        RangeSet<BigInteger> out = TreeRangeSet.create();
        out.add(space.toRange());
        special.forEach(c -> out.remove(c.toRange()));
        return out;
    }

    private static BigInteger size(RangeSet<BigInteger> set) {
        BigInteger total = BigInteger.ZERO;
        for (Range<BigInteger> range : set.asRanges()) {
            total = total.add(range.upperEndpoint().subtract(range.lowerEndpoint()));
        }
        return total;
    }

    private static ImmutableList<Cidr> cidrs(String... texts) {
        ImmutableList.Builder<Cidr> out = ImmutableList.builder();
        for (String text : texts) {
            out.add(Cidr.parse(text));
        }
        return out.build();
    }
}
