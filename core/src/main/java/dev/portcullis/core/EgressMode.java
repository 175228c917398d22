package dev.portcullis.core;

import java.util.Locale;

/** What the node groups let out. */
public enum EgressMode {
    /** Everything, as users expect of a new AWS or Neutron group: one allow-all rule per enabled IP family. */
    ALLOW_ALL,
    /** Only the blueprint's egress requirements and the user's extra egress rules. */
    RESTRICTED;

    /** {@code allow-all} or {@code restricted}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException naming the allowed values */
    public static EgressMode parse(String value) {
        for (EgressMode mode : values()) {
            if (mode.configName().equalsIgnoreCase(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("egress '" + value + "' is unknown: allowed values are allow-all, restricted");
    }
}
