package dev.portcullis.core;

import com.google.common.net.InetAddresses;
import java.util.Collection;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Parsing of the plain strings that components and configuration receive (Pulumi config, args
 * from other languages). Every error names the field it came from.
 */
public final class TextInputs {
    /** Neutron ids (groups, address groups) are UUIDs. */
    private static final Pattern NEUTRON_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern CLUSTER_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9-]{0,62}");

    private TextInputs() {}

    /**
     * A cluster name as both clouds accept it in group names and tags.
     *
     * @throws IllegalArgumentException naming {@code clusterName} if it is missing or malformed
     */
    public static String clusterName(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("clusterName is missing: expected letters, digits and '-', at most 63 characters, "
                    + "starting with a letter or digit (it names the groups and tags them)");
        }
        if (!CLUSTER_NAME.matcher(text).matches()) {
            throw new IllegalArgumentException("clusterName '" + text
                    + "' is invalid: expected letters, digits and '-', at most 63 characters, starting with a letter or digit");
        }
        return text;
    }

    /**
     * What a named peer is bound to: a CIDR ({@code 10.0.0.0/16}), a prefix list id ({@code pl-…})
     * or an existing group id (anything else, e.g. {@code sg-…} or a Neutron UUID).
     *
     * @throws IllegalArgumentException prefixed with {@code field}
     */
    public static Peer binding(String field, String text) {
        Objects.requireNonNull(text, field);
        try {
            if (text.contains("/")) {
                return Peer.cidr(text.trim());
            }
            if (text.startsWith("pl-")) {
                return Peer.prefixList(text.trim());
            }
            return Peer.group(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }

    /**
     * One end of a user's rule: {@code all-nodes}, a role of the blueprint, a named external peer, or
     * anything {@link #binding} accepts.
     */
    public static Peer endpoint(String field, String text, Blueprint blueprint, Collection<String> namedPeers) {
        if (text == null) {
            throw unknownEndpoint(field + " is missing", blueprint);
        }
        if (text.equals("all-nodes")) {
            return Peer.allNodes();
        }
        if (blueprint.roles().stream().anyMatch(r -> r.name().equals(text))) {
            return Peer.role(text);
        }
        if (namedPeers.contains(text) || blueprint.externalPeers().containsKey(text)) {
            return Peer.external(text);
        }
        if (!text.contains("/") && !text.startsWith("pl-") && !text.startsWith("sg-") && !NEUTRON_ID.matcher(text).matches()) {
            throw unknownEndpoint(field + " '" + text + "' is unknown", blueprint);
        }
        return binding(field, text);
    }

    private static IllegalArgumentException unknownEndpoint(String problem, Blueprint blueprint) {
        return new IllegalArgumentException(problem + ": expected all-nodes, a role ("
                + String.join(", ", blueprint.roles().stream().map(NodeRole::name).toList())
                + "), a named peer, a CIDR, a prefix list id (pl-…) or a security group id (sg-… or a Neutron UUID)");
    }

    /** A host address as a /32 or /128, or a CIDR as given. */
    public static Cidr address(String field, String text) {
        Objects.requireNonNull(text, field);
        String trimmed = text.trim();
        try {
            if (!trimmed.contains("/") && InetAddresses.isInetAddress(trimmed)) {
                String bits = trimmed.contains(":") ? "/128" : "/32";
                return Cidr.parse(InetAddresses.toAddrString(InetAddresses.forString(trimmed)) + bits);
            }
            return Cidr.parse(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }

    /** A user's rule from plain strings. */
    public static Requirement requirement(String field, Blueprint blueprint, Collection<String> namedPeers,
            String from, String to, String protocol, String ports, String description) {
        try {
            Protocol parsed = Protocol.parse(protocol);
            Requirement.Builder builder = parsed.usesPorts()
                    ? (parsed.equals(Protocol.TCP) ? Requirement.tcp(requirePorts(ports, protocol))
                            : Requirement.udp(requirePorts(ports, protocol)))
                    : Requirement.of(parsed);
            if (!parsed.usesPorts() && ports != null) {
                throw new IllegalArgumentException("ports '" + ports + "' are not allowed: " + parsed.displayName()
                        + " has no ports (only tcp and udp do)");
            }
            return builder.from(endpoint("from", from, blueprint, namedPeers))
                    .to(endpoint("to", to, blueprint, namedPeers))
                    .purpose(description == null || description.isBlank() ? "user rule" : description)
                    .reference(Requirement.USER)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }

    private static String requirePorts(String ports, String protocol) {
        if (ports == null) {
            throw new IllegalArgumentException("ports are missing: " + protocol + " needs a port or a range such as 8000-8100");
        }
        return ports;
    }
}
