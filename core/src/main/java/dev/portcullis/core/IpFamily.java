package dev.portcullis.core;

/** One IP address family. */
public enum IpFamily {
    IPV4("IPv4"),
    IPV6("IPv6");

    private final String label;

    IpFamily(String label) {
        this.label = label;
    }

    /** The family as people and clouds spell it: {@code IPv4}, {@code IPv6}. */
    public String label() {
        return label;
    }
}
