package dev.portcullis.core.render;

import dev.portcullis.core.Blueprint;
import dev.portcullis.core.ClusterSpec;
import dev.portcullis.core.Cni;
import dev.portcullis.core.FirewallPolicy;
import dev.portcullis.core.Option;
import dev.portcullis.core.PolicyCompiler;
import dev.portcullis.core.Requirement;
import dev.portcullis.core.SourceDeviation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The generated {@code docs/ports/<distribution>.md}: the blueprint's vocabulary (roles, CNIs,
 * options, named peers), its default policy as a diagram and a port matrix, and every requirement
 * of the catalog with its condition and source.
 */
public final class PortDocument {
    /** How to regenerate; printed in every document and in the staleness test's message. */
    public static final String REGENERATE = "mvn -q -pl core compile exec:java -Dexec.args=\"docs docs/ports\"";

    private PortDocument() {}

    /**
     * {@code docs/ports/README.md}: every distribution with its roles, CNIs and document, so nothing
     * else in the repository lists the distributions by hand.
     */
    public static String index(List<Blueprint> blueprints) {
        StringBuilder out = new StringBuilder("# Supported distributions\n\n<!-- Generated from Portcullis's cited catalog; "
                + "do not edit. Regenerate with: " + REGENERATE + " -->\n\nEvery distribution works on AWS and OpenStack "
                + "and in every plan format. Default CNI and default options first.\n\n"
                + "| Distribution | Roles | CNIs | Default options | Official source | Ports |\n|---|---|---|---|---|---|\n");
        for (Blueprint blueprint : blueprints) {
            PortMatrix.markdownRow(out, Markdown.text(blueprint.title()) + " (" + Markdown.code(blueprint.distribution()) + ")",
                    Markdown.text(blueprint.roles().stream().map(r -> r.name()).collect(Collectors.joining(", "))),
                    Markdown.text(blueprint.defaultCni() + blueprint.cnis().stream().map(Cni::name)
                            .filter(c -> !c.equals(blueprint.defaultCni())).map(c -> ", " + c).collect(Collectors.joining())),
                    Markdown.text(String.join(", ", blueprint.defaultOptions(blueprint.defaultCni()))),
                    PortMatrix.links(List.of(blueprint.reference())),
                    "[" + blueprint.distribution() + ".md](" + blueprint.distribution() + ".md)");
        }
        return out.toString();
    }

    public static String render(Blueprint blueprint) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(blueprint.title()).append(": ports\n\n")
                .append("<!-- Generated from Portcullis's cited catalog; do not edit. Regenerate with: ")
                .append(REGENERATE).append(" -->\n\n")
                .append("Official source: ").append(blueprint.reference()).append("\n\n")
                .append("Roles: ").append(blueprint.roles().stream().map(r -> "`" + r + "`").collect(Collectors.joining(", ")))
                .append(". Default CNI: `").append(blueprint.defaultCni()).append("`.\n\n");

        out.append("## CNIs\n\n| CNI | Default | What | Source |\n|---|---|---|---|\n");
        for (Cni cni : blueprint.cnis()) {
            PortMatrix.markdownRow(out, Markdown.code(cni.name()), cni.name().equals(blueprint.defaultCni()) ? "yes" : "",
                    Markdown.text(cni.description()), PortMatrix.links(List.of(cni.reference())));
        }
        out.append("\n## Options\n\nThe default option set is what the distribution's documentation calls required or "
                + "makes the default; everything else is opt-in by name. Options in one group are alternatives.\n\n"
                + "| Option | CNI | Default | Group | What | Source |\n|---|---|---|---|---|---|\n");
        for (Option option : blueprint.options()) {
            PortMatrix.markdownRow(out, Markdown.code(option.name()),
                    Markdown.text(option.cnis().isEmpty() ? "any" : String.join(", ", option.cnis())),
                    option.enabledByDefault() ? "yes" : "", Markdown.text(option.exclusiveGroup().orElse("")),
                    Markdown.text(option.description()), PortMatrix.links(List.of(option.reference())));
        }
        if (!blueprint.externalPeers().isEmpty()) {
            out.append("\n## Named external peers\n\nBound to CIDRs, prefix lists or groups when a cluster is "
                    + "instantiated; a peer bound to an empty list gets nothing opened.\n\n| Peer | Who |\n|---|---|\n");
            blueprint.externalPeers().forEach((name, who) -> PortMatrix.markdownRow(out, Markdown.code(name), Markdown.text(who)));
        }

        ClusterSpec defaults = ClusterSpec.documentation(blueprint, blueprint.defaultCni(),
                blueprint.defaultOptions(blueprint.defaultCni()));
        FirewallPolicy policy = PolicyCompiler.compile(defaults);
        out.append("\n## Default policy\n\nCNI `").append(defaults.cni()).append("`, options ")
                .append(defaults.options().isEmpty() ? "none" : defaults.options().stream().map(o -> "`" + o + "`")
                        .collect(Collectors.joining(", ")))
                .append(", IPv4. Named peers stay symbolic.\n\n```mermaid\n").append(MermaidDiagram.render(policy))
                .append("```\n\n").append(PortMatrix.render(policy));

        out.append("## Every requirement in the catalog\n\n"
                + "*Internet* marks flows that are public by design: their peer may be bound to the whole internet "
                + "(clients of Ingress or NodePorts, public DNS, NTP or registries). Every other port refuses an "
                + "internet-wide binding unless you allow it for that peer.\n\n"
                + "| From | To | Protocol | Ports | Purpose | When | Internet | Source |\n|---|---|---|---|---|---|---|---|\n");
        for (Requirement r : blueprint.requirements()) {
            PortMatrix.markdownRow(out, Markdown.text(r.source().displayName()), Markdown.text(r.destination().displayName()),
                    Markdown.text(r.protocol().displayName()), Markdown.text(r.ports().map(Object::toString).orElse("—")),
                    Markdown.text(r.purpose() + r.localOnly().map(why -> " (local only: " + why + ")").orElse("")),
                    Markdown.text(r.condition().toString()), r.publicClients() ? "public by design" : "",
                    PortMatrix.links(List.of(r.reference())));
        }
        if (!blueprint.deviations().isEmpty()) {
            out.append("\n## Where this catalog departs from its sources\n\n"
                    + "| Source | What it says | What the catalog does, and why | Backed by |\n|---|---|---|---|\n");
            for (SourceDeviation d : blueprint.deviations()) {
                PortMatrix.markdownRow(out, Markdown.text(d.source()), Markdown.text(d.row()), Markdown.text(d.decision()),
                        PortMatrix.links(List.of(d.reference())));
            }
        }
        return out.toString();
    }

}
