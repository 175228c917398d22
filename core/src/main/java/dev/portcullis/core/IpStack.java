package dev.portcullis.core;

import com.google.common.collect.ImmutableSet;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The IP families a cluster's nodes use: IPv4 only, IPv6 only, or both (dual-stack). */
public enum IpStack {
    IPV4(ImmutableSet.of(IpFamily.IPV4)),
    IPV6(ImmutableSet.of(IpFamily.IPV6)),
    DUAL(ImmutableSet.of(IpFamily.IPV4, IpFamily.IPV6));

    private final ImmutableSet<IpFamily> families;

    IpStack(ImmutableSet<IpFamily> families) {
        this.families = families;
    }

    /** The enabled families, IPv4 first. */
    public ImmutableSet<IpFamily> families() {
        return families;
    }

    public boolean includes(IpFamily family) {
        return families.contains(family);
    }

    /** The name used in configuration: {@code ipv4}, {@code ipv6}, {@code dual}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code ipv4}, {@code ipv6} or {@code dual}, ignoring case.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static IpStack parse(String value) {
        for (IpStack stack : values()) {
            if (stack.configName().equalsIgnoreCase(value)) {
                return stack;
            }
        }
        throw new IllegalArgumentException("ipFamily '" + value + "' is unknown: allowed values are "
                + Arrays.stream(values()).map(IpStack::configName).collect(Collectors.joining(", ")));
    }
}
