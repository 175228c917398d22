package dev.portcullis.core;

import com.google.common.base.CharMatcher;
import com.google.common.collect.ImmutableSortedSet;
import java.net.URI;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One normalized rule of a compiled policy: on the group of {@code target} nodes, admit traffic in
 * {@code direction} to or from {@code peer} over a protocol and, for TCP and UDP, one port range.
 *
 * <p>{@link #identity()} excludes the purposes, references and origins: two rules that admit the same
 * traffic are the same rule, whatever they are called.
 *
 * @param origins for a remote peer, the named peers it was bound from ({@code admins}), or
 *     {@code publicAddresses.<role>}, or {@code extraRules} for a remote a user's rule names directly
 */
public record FirewallRule(
        Peer.Nodes target,
        Direction direction,
        Peer peer,
        Protocol protocol,
        Optional<PortRange> ports,
        ImmutableSortedSet<String> purposes,
        ImmutableSortedSet<URI> references,
        ImmutableSortedSet<String> origins) implements Comparable<FirewallRule> {

    /** What a rule admits, without the words about it. */
    public record Identity(Peer.Nodes target, Direction direction, Peer peer, Protocol protocol, Optional<PortRange> ports) {}

    private static final Comparator<Optional<PortRange>> PORTS =
            Comparator.comparing(p -> p.orElse(null), Comparator.nullsFirst(Comparator.naturalOrder()));
    private static final Comparator<FirewallRule> ORDER = Comparator.comparing(FirewallRule::target, Peer::compareTo)
            .thenComparing(FirewallRule::direction)
            .thenComparing(FirewallRule::protocol)
            .thenComparing(FirewallRule::ports, PORTS)
            .thenComparing(FirewallRule::peer);
    /** Characters AWS and Neutron both accept in a rule description. */
    private static final CharMatcher DESCRIPTION_CHARS = CharMatcher.inRange('a', 'z')
            .or(CharMatcher.inRange('A', 'Z')).or(CharMatcher.inRange('0', '9')).or(CharMatcher.anyOf(" ._-:/()#,@[]+=&;{}!$*"));
    private static final int MAX_DESCRIPTION = 255;

    public FirewallRule {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(ports, "ports");
        purposes = ImmutableSortedSet.copyOf(purposes);
        references = ImmutableSortedSet.copyOf(references);
        origins = ImmutableSortedSet.copyOf(origins);
        purposes.forEach(p -> Text.requirePrintable("purpose", p));
        if (purposes.isEmpty()) {
            throw new IllegalArgumentException("purposes of rule " + target.key() + " " + direction + " are empty: say why it exists");
        }
        if (protocol.usesPorts() != ports.isPresent()) {
            throw new IllegalArgumentException("ports " + ports.map(PortRange::toString).orElse("(none)")
                    + " do not fit protocol " + protocol.displayName());
        }
    }

    public Identity identity() {
        return new Identity(target, direction, peer, protocol, ports);
    }

    /**
     * A stable name fragment derived from what the rule admits, never from its position:
     * {@code server-in-tcp-6443-all-nodes}, {@code all-nodes-out-udp-8472-all-nodes}.
     */
    public String key() {
        return target.key() + "-" + (direction == Direction.INGRESS ? "in" : "out") + "-" + protocol.key()
                + ports.map(p -> "-" + p).orElse("") + "-" + peer.key();
    }

    /**
     * The one human description of a rule, safe for AWS and Neutron (restricted characters, at most
     * 255): {@code TCP 6443 from all nodes: Kubernetes API; RKE2 supervisor}.
     */
    public String description() {
        return cloudSafe(summary() + ": " + String.join("; ", purposes));
    }

    /** Who the peer is, by the name the user gave it and its value: {@code admins (10.0.0.0/24)}. */
    public String peerLabel() {
        if (!(peer instanceof Peer.Remote remote) || origins.isEmpty()) {
            return peer.displayName();
        }
        return String.join(", ", origins) + " (" + (remote.owner().isPresent() ? remote.binding().effectiveLabel() + ": " : "")
                + remote.binding().displayValue() + ")";
    }

    /**
     * What the rule admits, without why: {@code TCP 6443 from all nodes}. It changes only when the
     * rule's identity does, so a cloud whose rules are replaced on any change (Neutron) can carry it.
     */
    public String summary() {
        return cloudSafe(service() + (direction == Direction.INGRESS ? " from " : " to ") + peer.displayName());
    }

    /** Text as AWS and Neutron accept it in a description: restricted characters, at most 255. */
    public static String cloudSafe(String text) {
        String safe = DESCRIPTION_CHARS.negate().replaceFrom(text, ' ');
        return safe.length() <= MAX_DESCRIPTION ? safe : safe.substring(0, MAX_DESCRIPTION - 3) + "...";
    }

    /** {@code TCP 6443}, {@code UDP 30000-32767}, {@code ICMP 8/0}. */
    public String service() {
        return protocol.displayName() + ports.map(p -> " " + p).orElse("");
    }

    @Override
    public int compareTo(FirewallRule other) {
        return ORDER.compare(this, other);
    }
}
