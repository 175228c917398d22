package dev.portcullis.core;

import com.google.common.net.InetAddresses;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parsing of the plain strings that components and configuration receive (Pulumi config, args
 * from other languages). Every error names the field it came from.
 */
public final class TextInputs {
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
            throw new IllegalArgumentException("clusterName '" + Text.printable(text)
                    + "' is invalid: expected letters, digits and '-', at most 63 characters, starting with a letter or digit");
        }
        return text;
    }

    /**
     * One end of a user's rule: {@code all-nodes}, a role of the blueprint, a named external peer, or
     * a literal the cloud's {@link BindingSyntax} accepts (a CIDR, a group id…).
     */
    public static Peer endpoint(String field, String text, Blueprint blueprint, Collection<String> namedPeers,
            BindingSyntax syntax) {
        if (text == null) {
            throw unknownEndpoint(field + " is missing", blueprint, syntax);
        }
        Text.requirePrintable(field, text);
        if (text.equals("all-nodes")) {
            return Peer.allNodes();
        }
        if (blueprint.roles().stream().anyMatch(r -> r.name().equals(text))) {
            return Peer.role(text);
        }
        if (namedPeers.contains(text) || blueprint.externalPeers().containsKey(text)) {
            return Peer.external(text);
        }
        try {
            return new Peer.Remote(Optional.empty(), syntax.parse(field, text));
        } catch (BindingSyntax.UnknownForm e) {
            throw unknownEndpoint(field + " '" + Text.printable(text) + "' is unknown", blueprint, syntax);
        }
    }

    private static IllegalArgumentException unknownEndpoint(String problem, Blueprint blueprint, BindingSyntax syntax) {
        return new IllegalArgumentException(problem + ": expected all-nodes, a role ("
                + String.join(", ", blueprint.roles().stream().map(NodeRole::name).toList())
                + "), a named peer, " + syntax.forms());
    }

    /** A host address as a /32 or /128, or a CIDR as given. */
    public static Cidr address(String field, String text) {
        Objects.requireNonNull(text, field);
        Text.requirePrintable(field, text);
        String trimmed = text.trim();
        try {
            if (!trimmed.contains("/") && !trimmed.contains("%") && InetAddresses.isInetAddress(trimmed)) {
                java.net.InetAddress host = InetAddresses.forString(trimmed);
                String bits = host instanceof java.net.Inet4Address ? "/32" : "/128";
                return Cidr.parse(InetAddresses.toAddrString(host) + bits);
            }
            return Cidr.parse(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }

    /** A user's rule from plain strings. */
    public static Requirement requirement(String field, Blueprint blueprint, Collection<String> namedPeers,
            BindingSyntax syntax, String from, String to, String protocol, String ports, String description) {
        try {
            Protocol parsed = Protocol.parse(protocol);
            Requirement.Builder builder = parsed.usesPorts()
                    ? (parsed.equals(Protocol.TCP) ? Requirement.tcp(requirePorts(ports, protocol))
                            : Requirement.udp(requirePorts(ports, protocol)))
                    : Requirement.of(parsed);
            if (!parsed.usesPorts() && ports != null) {
                throw new IllegalArgumentException("ports '" + Text.printable(ports) + "' are not allowed: " + parsed.displayName()
                        + " has no ports (only tcp and udp do)");
            }
            return builder.from(endpoint("from", from, blueprint, namedPeers, syntax))
                    .to(endpoint("to", to, blueprint, namedPeers, syntax))
                    .purpose(description == null || description.isBlank() ? "user rule"
                            : Text.requirePrintable("description", description).strip())
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
