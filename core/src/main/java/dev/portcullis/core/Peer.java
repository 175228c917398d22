package dev.portcullis.core;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The other end of a flow: nodes of a role, every node of the cluster, a CIDR, a cloud prefix list,
 * an existing cloud group, a <em>named external peer</em> that the user binds when instantiating a
 * blueprint, or the node itself.
 *
 * <p>Catalogs speak in roles, "all nodes", named peers and "self"; bindings speak in CIDRs, prefix
 * lists and groups. A compiled policy holds no named peer once it is bound.
 */
public sealed interface Peer extends Comparable<Peer>
        permits Peer.Nodes, Peer.CidrPeer, Peer.PrefixListPeer, Peer.GroupPeer, Peer.ExternalPeer, Peer.SelfPeer {

    /** A set of the cluster's own nodes: one role, or all of them. Rules attach to these. */
    sealed interface Nodes extends Peer permits RolePeer, AllNodes {}

    /** A short stable token for resource names: {@code server}, {@code all-nodes}, {@code 10.0.0.0_16}. */
    String key();

    /** How a reader names it: {@code server nodes}, {@code all nodes}, {@code 10.0.0.0/16}. */
    String displayName();

    /** The IP family, for peers that have exactly one. */
    default Optional<IpFamily> family() {
        return Optional.empty();
    }

    /** The kind, as JSON names it: {@code role}, {@code all-nodes}, {@code cidr}, {@code prefix-list}, {@code group}, {@code external}, {@code self}. */
    String kind();

    /** Sort order among kinds: nodes first, then the outside world, then "self". */
    int kindOrder();

    /** Kinds in {@link #kindOrder()} order; CIDRs numerically within their kind, the rest by key. */
    @Override
    default int compareTo(Peer other) {
        int byKind = Integer.compare(kindOrder(), other.kindOrder());
        if (byKind != 0) {
            return byKind;
        }
        if (this instanceof CidrPeer a && other instanceof CidrPeer b) {
            return a.cidr().compareTo(b.cidr());
        }
        return key().compareTo(other.key());
    }

    static RolePeer role(NodeRole role) {
        return new RolePeer(role);
    }

    static RolePeer role(String role) {
        return new RolePeer(NodeRole.of(role));
    }

    static AllNodes allNodes() {
        return AllNodes.INSTANCE;
    }

    static CidrPeer cidr(String cidr) {
        return new CidrPeer(Cidr.parse(cidr));
    }

    static CidrPeer cidr(Cidr cidr) {
        return new CidrPeer(cidr);
    }

    static PrefixListPeer prefixList(String id) {
        return new PrefixListPeer(id);
    }

    static GroupPeer group(String id) {
        return new GroupPeer(id);
    }

    static ExternalPeer external(String name) {
        return new ExternalPeer(name);
    }

    static SelfPeer self() {
        return SelfPeer.INSTANCE;
    }

    /** Nodes that carry one role. */
    record RolePeer(NodeRole role) implements Nodes {
        public RolePeer {
            Objects.requireNonNull(role, "role");
        }
        @Override public String key() { return role.name(); }
        @Override public String displayName() { return role.name() + " nodes"; }
        @Override public String kind() { return "role"; }
        @Override public int kindOrder() { return 1; }
        @Override public String toString() { return displayName(); }
    }

    /** Every node of the cluster, whatever its roles. */
    record AllNodes() implements Nodes {
        static final AllNodes INSTANCE = new AllNodes();
        @Override public String key() { return "all-nodes"; }
        @Override public String displayName() { return "all nodes"; }
        @Override public String kind() { return "all-nodes"; }
        @Override public int kindOrder() { return 0; }
        @Override public String toString() { return displayName(); }
    }

    /** An IPv4 or IPv6 network. */
    record CidrPeer(Cidr cidr) implements Peer {
        public CidrPeer {
            Objects.requireNonNull(cidr, "cidr");
        }
        @Override public String key() { return cidr.toString().replace('/', '_').replace(':', '.'); }
        @Override public String displayName() { return cidr.toString(); }
        @Override public Optional<IpFamily> family() { return Optional.of(cidr.family()); }
        @Override public String kind() { return "cidr"; }
        @Override public int kindOrder() { return 3; }
        @Override public String toString() { return displayName(); }
    }

    /** A cloud-managed prefix list, such as an AWS managed prefix list id. */
    record PrefixListPeer(String id) implements Peer {
        public PrefixListPeer {
            requireCloudId("prefix list id", id);
        }
        @Override public String key() { return id; }
        @Override public String displayName() { return "prefix list " + id; }
        @Override public String kind() { return "prefix-list"; }
        @Override public int kindOrder() { return 4; }
        @Override public String toString() { return displayName(); }
    }

    /** An existing security group outside the cluster, such as a load balancer's. */
    record GroupPeer(String id) implements Peer {
        public GroupPeer {
            requireCloudId("group id", id);
        }
        @Override public String key() { return id; }
        @Override public String displayName() { return "group " + id; }
        @Override public String kind() { return "group"; }
        @Override public int kindOrder() { return 5; }
        @Override public String toString() { return displayName(); }
    }

    /**
     * A named party outside the cluster ({@code admins}, {@code load-balancers}, {@code rancher}…),
     * bound to CIDRs, prefix lists or groups when the blueprint is instantiated.
     */
    record ExternalPeer(String name) implements Peer {
        private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

        public ExternalPeer {
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("external peer name '" + name
                        + "' is invalid: expected a lower-case label matching " + NAME.pattern());
            }
        }
        @Override public String key() { return name; }
        @Override public String displayName() { return name; }
        @Override public String kind() { return "external"; }
        @Override public int kindOrder() { return 2; }
        @Override public String toString() { return displayName(); }
    }

    /** The node itself: traffic that never leaves the host. */
    record SelfPeer() implements Peer {
        static final SelfPeer INSTANCE = new SelfPeer();
        @Override public String key() { return "self"; }
        @Override public String displayName() { return "the node itself"; }
        @Override public String kind() { return "self"; }
        @Override public int kindOrder() { return 6; }
        @Override public String toString() { return displayName(); }
    }

    private static void requireCloudId(String field, String id) {
        Objects.requireNonNull(id, field);
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._:/-]{0,254}")) {
            throw new IllegalArgumentException(field + " '" + id
                    + "' is invalid: expected letters, digits and . _ : / - (e.g. sg-0123abcd, pl-0123abcd)");
        }
    }
}
