package dev.portcullis.core;

/** Which way a firewall rule looks at traffic, seen from the node group it is attached to. */
public enum Direction {
    /** Traffic arriving at the group's nodes from the peer. */
    INGRESS,
    /** Traffic leaving the group's nodes towards the peer. */
    EGRESS
}
