package dev.portcullis.core;

import java.util.Comparator;
import java.util.OptionalInt;

/**
 * Which ICMP messages a rule admits: every message, every code of one type, or one type and code.
 * ICMP has no ports, so this never hides in a {@link PortRange}.
 */
public record IcmpType(OptionalInt type, OptionalInt code) implements Comparable<IcmpType> {
    /** Every ICMP message. */
    public static final IcmpType ANY = new IcmpType(OptionalInt.empty(), OptionalInt.empty());

    private static final Comparator<OptionalInt> ABSENT_FIRST =
            Comparator.comparingInt((OptionalInt o) -> o.isPresent() ? o.getAsInt() : -1);

    /** @throws IllegalArgumentException if a value is outside 0..255 or a code is given without a type */
    public IcmpType {
        check("type", type);
        check("code", code);
        if (code.isPresent() && type.isEmpty()) {
            throw new IllegalArgumentException("ICMP code " + code.getAsInt() + " needs a type: set the type too");
        }
    }

    public static IcmpType of(int type) {
        return new IcmpType(OptionalInt.of(type), OptionalInt.empty());
    }

    public static IcmpType of(int type, int code) {
        return new IcmpType(OptionalInt.of(type), OptionalInt.of(code));
    }

    /** Echo request: type 8 code 0 for ICMP, type 128 code 0 for ICMPv6. */
    public static IcmpType echoRequest(IpFamily family) {
        return family == IpFamily.IPV4 ? of(8, 0) : of(128, 0);
    }

    public boolean isAny() {
        return type.isEmpty();
    }

    /** {@code any}, {@code 8} or {@code 8/0}. */
    @Override
    public String toString() {
        if (type.isEmpty()) {
            return "any";
        }
        return code.isEmpty() ? Integer.toString(type.getAsInt()) : type.getAsInt() + "/" + code.getAsInt();
    }

    @Override
    public int compareTo(IcmpType other) {
        return Comparator.comparing(IcmpType::type, ABSENT_FIRST)
                .thenComparing(IcmpType::code, ABSENT_FIRST)
                .compare(this, other);
    }

    private static void check(String field, OptionalInt value) {
        if (value.isPresent() && (value.getAsInt() < 0 || value.getAsInt() > 255)) {
            throw new IllegalArgumentException("ICMP " + field + " " + value.getAsInt()
                    + " is out of range: allowed 0..255");
        }
    }
}
