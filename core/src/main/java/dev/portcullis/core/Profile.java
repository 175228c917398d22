package dev.portcullis.core;

import java.util.Locale;

/** How node-to-node flows become rules. */
public enum Profile {
    /** One rule per port range, protocol and peer: what the distribution needs and nothing more. */
    LEAST_PRIVILEGE,
    /**
     * One rule admitting all traffic between the cluster's nodes, as several popular modules do by
     * default; flows from and to the outside world stay per port. For projects with tight quotas:
     * it admits every port and protocol between nodes, including those nothing listens on.
     */
    COMPACT;

    /** {@code least-privilege} or {@code compact}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException naming the allowed values */
    public static Profile parse(String value) {
        for (Profile profile : values()) {
            if (profile.configName().equalsIgnoreCase(value)) {
                return profile;
            }
        }
        throw new IllegalArgumentException("profile '" + value + "' is unknown: allowed values are least-privilege, compact");
    }
}
