package dev.portcullis.core;

import java.util.Locale;

/**
 * Which addresses nodes use to reach each other. A security-group reference (AWS) or remote group
 * (Neutron) matches only traffic from the <em>private</em> (fixed) addresses of instances carrying
 * the group: a packet sent to a node's public, elastic or floating IP arrives from the sender's
 * public address and matches no reference.
 */
public enum NodeAddressing {
    /** Nodes talk over private VPC addresses: group references carry every node-to-node flow. */
    PRIVATE,
    /** Nodes talk over public, elastic or floating IPs: each role's addresses get /32 (/128) rules as well. */
    PUBLIC;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the allowed values */
    public static NodeAddressing parse(String value) {
        for (NodeAddressing mode : values()) {
            if (mode.configName().equalsIgnoreCase(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("nodeAddressing '" + value + "' is unknown: allowed values are private, public");
    }
}
