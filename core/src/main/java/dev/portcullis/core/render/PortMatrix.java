package dev.portcullis.core.render;

import dev.portcullis.core.Direction;
import dev.portcullis.core.Exclusion;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.FirewallRule;
import dev.portcullis.core.Peer;
import dev.portcullis.core.Requirement;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Markdown port matrix of a compiled policy: per node group, what opens, from where, why, and
 * the official page that says so; then what nodes send outside the cluster; then what was kept out
 * of network rules and why. Made for docs and pull-request comments.
 */
public final class PortMatrix {
    private PortMatrix() {}

    public static String render(FirewallPolicy policy) {
        StringBuilder out = new StringBuilder();
        for (Peer.Nodes group : policy.groups()) {
            List<FirewallRule> inbound = policy.rulesFor(group).stream()
                    .filter(r -> r.direction() == Direction.INGRESS).toList();
            out.append("#### Inbound to ").append(group.displayName())
                    .append(group instanceof Peer.AllNodes ? " (a group every node carries)" : "").append("\n\n");
            if (inbound.isEmpty()) {
                out.append("Nothing beyond the groups above.\n\n");
                continue;
            }
            out.append("| Protocol | Ports | From | Purpose | Source |\n|---|---|---|---|---|\n");
            for (FirewallRule rule : inbound) {
                markdownRow(out, Markdown.text(rule.protocol().displayName()), Markdown.text(ports(rule)),
                        Markdown.text(rule.peerLabel()), Markdown.text(String.join("; ", rule.purposes())),
                        links(rule.references()));
            }
            out.append('\n');
        }
        List<FirewallRule> outbound = policy.rules(Direction.EGRESS).stream()
                .filter(r -> !(r.peer() instanceof Peer.Nodes)).toList();
        if (!outbound.isEmpty()) {
            out.append("#### Outbound to outside the cluster\n\n")
                    .append("| From | Protocol | Ports | To | Purpose | Source |\n|---|---|---|---|---|---|\n");
            for (FirewallRule rule : outbound) {
                markdownRow(out, Markdown.text(rule.target().displayName()), Markdown.text(rule.protocol().displayName()),
                        Markdown.text(ports(rule)), Markdown.text(rule.peerLabel()),
                        Markdown.text(String.join("; ", rule.purposes())), links(rule.references()));
            }
            out.append('\n');
        }
        if (!policy.exclusions().isEmpty()) {
            out.append("#### Kept out of network rules\n\n")
                    .append("| Service | From | To | Purpose | Why | Source |\n|---|---|---|---|---|---|\n");
            for (Exclusion exclusion : policy.exclusions()) {
                Requirement r = exclusion.requirement();
                markdownRow(out, Markdown.text(r.service()), Markdown.text(r.source().displayName()),
                        Markdown.text(r.destination().displayName()), Markdown.text(r.purpose()),
                        Markdown.text(exclusion.reason()), links(List.of(r.reference())));
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String ports(FirewallRule rule) {
        return rule.ports().map(Object::toString).orElse("—");
    }

    /** A table row of cells that are Markdown already (links, code spans made by {@link Markdown}). */
    static void markdownRow(StringBuilder out, String... cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(cell).append(" |");
        }
        out.append('\n');
    }

    /** {@code [docs.rke2.io](https://…)} per reference. */
    static String links(Collection<URI> references) {
        return references.stream()
                .map(u -> u.getHost() == null ? "your rule"
                        : "[" + Markdown.text(u.getHost()) + "](" + u.toASCIIString().replace("(", "%28").replace(")", "%29") + ")")
                .collect(Collectors.joining(", "));
    }
}
