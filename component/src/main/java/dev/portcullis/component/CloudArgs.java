package dev.portcullis.component;

/**
 * A cloud's component args: its own fields, and the cluster every cloud describes alike. The
 * cluster is a nested object rather than a base class, because Pulumi's component provider fills
 * only a class's own fields from another language's inputs.
 */
public interface CloudArgs {
    /** The cluster: distribution, CNI, options, peers, user rules… */
    ClusterArgs cluster();
}
