package dev.portcullis.core;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The other end of a flow: nodes of a role, every node of the cluster, a <em>named external peer</em>
 * that the user binds when instantiating a blueprint, what such a peer is bound to (a
 * {@linkplain Remote remote}: a CIDR, a cloud group, a prefix list, an address group), or the node
 * itself.
 *
 * <p>Catalogs speak in roles, "all nodes", named peers and "self"; bindings speak in remotes. A
 * compiled policy holds no named peer once it is bound.
 */
public sealed interface Peer extends Comparable<Peer>
        permits Peer.Nodes, Peer.Remote, Peer.ExternalPeer, Peer.SelfPeer {

    /** A set of the cluster's own nodes: one role, or all of them. Rules attach to these. */
    sealed interface Nodes extends Peer permits RolePeer, AllNodes {}

    /**
     * A short stable token for resource names, injective over peers: {@code server}, {@code all-nodes},
     * {@code 10.0.0.0_16}, {@code group-sg-0123abcd}, {@code ingress-clients.alb}.
     */
    String key();

    /** How a reader names it: {@code server nodes}, {@code all nodes}, {@code 10.0.0.0/16}. */
    String displayName();

    /** The IP family, for peers that have exactly one. */
    default Optional<IpFamily> family() {
        return Optional.empty();
    }

    /** The kind, as JSON names it: {@code role}, {@code all-nodes}, {@code external}, {@code self}, or a binding kind's token. */
    String kind();

    /** Sort order among kinds: nodes first, then the outside world, then "self". */
    int kindOrder();

    /** Kinds in {@link #kindOrder()} order; among remotes, known CIDRs first and numerically; then by key. */
    @Override
    default int compareTo(Peer other) {
        int byKind = Integer.compare(kindOrder(), other.kindOrder());
        if (byKind != 0) {
            return byKind;
        }
        if (this instanceof Remote a && other instanceof Remote b) {
            if (a.cidr().isPresent() != b.cidr().isPresent()) {
                return a.cidr().isPresent() ? -1 : 1; // known CIDRs first
            }
            int byAddress = a.cidr().isPresent() ? a.cidr().get().compareTo(b.cidr().get()) : 0;
            if (byAddress != 0) {
                return byAddress;
            }
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

    /** A literal CIDR, such as a user's rule names directly. */
    static Remote cidr(String cidr) {
        return cidr(Cidr.parse(cidr));
    }

    static Remote cidr(Cidr cidr) {
        return new Remote(Optional.empty(), Binding.cidr(cidr));
    }

    /**
     * What the named peer {@code owner} is bound to. A literal binding (known value, no label) is the
     * same remote whoever binds it; any other is the owner's, named by its label.
     */
    static Remote remote(String owner, Binding binding) {
        return new Remote(binding.isLiteral() ? Optional.empty() : Optional.of(owner), binding);
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

    /**
     * An address set outside the cluster's own groups, as a named peer is bound to it.
     *
     * @param owner the named peer, present exactly when the binding is not a literal (its name then
     *     comes from the owner and the label, since its value may be unknown)
     */
    record Remote(Optional<String> owner, Binding binding) implements Peer {
        public Remote {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(binding, "binding");
            if (owner.isPresent() == binding.isLiteral()) {
                throw new IllegalArgumentException("remote " + binding + (owner.isPresent()
                        ? " is a literal (known value, no label): it has no owner" : " needs the named peer that owns it"));
            }
            owner.ifPresent(ExternalPeer::requireName);
        }

        /** {@code 10.0.0.0_16}, {@code group-sg-0123abcd} for literals; {@code owner.label} otherwise. */
        @Override public String key() {
            return owner.map(o -> o + "." + binding.effectiveLabel()).orElseGet(binding::literalKey);
        }
        /** {@code 10.0.0.0/16} for a literal; {@code admins/office} otherwise, never the value, which may be unknown. */
        @Override public String displayName() {
            return owner.map(o -> o + "/" + binding.effectiveLabel()).orElseGet(binding::displayValue);
        }
        @Override public Optional<IpFamily> family() { return binding.family(); }
        @Override public String kind() { return binding.kind().token(); }
        @Override public int kindOrder() { return 3; }
        @Override public String toString() { return displayName(); }

        /** The CIDR, when this is a CIDR with a known value. */
        public Optional<Cidr> cidr() {
            return binding.cidr();
        }
    }

    /**
     * A named party outside the cluster ({@code admins}, {@code load-balancers}, {@code rancher}…),
     * bound to remotes when the blueprint is instantiated.
     */
    record ExternalPeer(String name) implements Peer {
        private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

        public ExternalPeer {
            requireName(name);
        }

        static void requireName(String name) {
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("external peer name '" + Text.printable(name)
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
}
