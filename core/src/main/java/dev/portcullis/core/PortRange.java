package dev.portcullis.core;

import com.google.common.collect.Range;
import java.util.Comparator;

/** An inclusive TCP/UDP port range {@code [from..to]}; both ends in 1..65535. */
public record PortRange(int from, int to) implements Comparable<PortRange> {
    private static final Comparator<PortRange> ORDER =
            Comparator.comparingInt(PortRange::from).thenComparingInt(PortRange::to);

    /** @throws IllegalArgumentException if an end is outside 1..65535 or the range is reversed */
    public PortRange {
        requirePort("from", from);
        requirePort("to", to);
        if (from > to) {
            throw new IllegalArgumentException("port range " + from + "-" + to
                    + " is reversed: from must be <= to (write " + to + "-" + from + ")");
        }
    }

    public static PortRange single(int port) {
        return new PortRange(port, port);
    }

    public static PortRange of(int from, int to) {
        return new PortRange(from, to);
    }

    /**
     * Parses {@code 6443} or {@code 30000-32767}.
     *
     * @throws IllegalArgumentException if the text is not a port or a range of ports
     */
    public static PortRange parse(String text) {
        String[] ends = text.trim().split("-", -1);
        try {
            if (ends.length == 1) {
                return single(Integer.parseInt(ends[0].trim()));
            }
            if (ends.length == 2) {
                return of(Integer.parseInt(ends[0].trim()), Integer.parseInt(ends[1].trim()));
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("ports '" + Text.printable(text)
                + "' is invalid: expected a port (6443) or a range (30000-32767) within 1..65535");
    }

    /** The same ports as a Guava range, half-open so that adjacent ranges coalesce. */
    Range<Integer> toRange() {
        return Range.closedOpen(from, to + 1);
    }

    static PortRange fromRange(Range<Integer> range) {
        return of(range.lowerEndpoint(), range.upperEndpoint() - 1);
    }

    public int size() {
        return to - from + 1;
    }

    @Override
    public int compareTo(PortRange other) {
        return ORDER.compare(this, other);
    }

    /** {@code 6443} or {@code 30000-32767}. */
    @Override
    public String toString() {
        return from == to ? Integer.toString(from) : from + "-" + to;
    }

    private static void requirePort(String field, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(field + " port " + port + " is out of range: allowed 1..65535");
        }
    }
}
