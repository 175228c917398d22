package dev.portcullis.examples;

import dev.portcullis.core.Text;
import dev.portcullis.core.render.Markdown;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A plan as a terminal table or as Markdown for a pull-request comment: a header, warnings, then per
 * security group its inbound and outbound rules with each peer named, then every resource. Whatever
 * came from the program or its config is escaped for the format.
 */
final class PlanText {
    private PlanText() {}

    /** @param header lines about what was planned (distribution, program…), already plain text */
    static String table(List<String> header, List<String> warnings, FirewallView view, Plan plan) {
        StringBuilder out = new StringBuilder();
        header.forEach(line -> out.append(Text.printable(line)).append('\n'));
        out.append(summary(plan)).append('\n');
        warnings.forEach(w -> out.append("WARNING: ").append(Text.printable(w)).append('\n'));
        for (FirewallView.Group group : view.groups()) {
            out.append('\n').append("Security group ").append(Text.printable(group.name()))
                    .append(group.owner().map(o -> " (made by Portcullis component " + Text.printable(o) + ")").orElse(" (yours)"))
                    .append('\n');
            section(out, "Inbound", group.inbound());
            section(out, "Outbound", group.outbound());
        }
        out.append("\nResources:\n");
        List<String[]> rows = new ArrayList<>();
        plan.resources().forEach(r -> rows.add(new String[] {"+", Text.printable(r.type()), Text.printable(r.name())}));
        return out.append(columns(rows)).toString();
    }

    private static void section(StringBuilder out, String title, List<FirewallView.Rule> rules) {
        out.append("  ").append(title).append(":\n");
        if (rules.isEmpty()) {
            out.append("    (none)\n");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rules.forEach(r -> rows.add(new String[] {r.protocol(), r.ports(), (r.direction() == dev.portcullis.core.Direction.INGRESS
                ? "from " : "to ") + Text.printable(r.peer()), Text.printable(r.why())}));
        columns(rows).lines().forEach(line -> out.append("  ").append(line).append('\n'));
    }

    /** @param diagram a Mermaid diagram to show first, or empty */
    static String markdown(String title, List<String> header, List<String> warnings, String diagram, FirewallView view, Plan plan) {
        StringBuilder out = new StringBuilder("### ").append(Markdown.text(title)).append("\n\n");
        header.forEach(line -> out.append(Markdown.text(line)).append("  \n"));
        out.append(Markdown.text(summary(plan))).append("\n\n");
        warnings.forEach(w -> out.append("> [!WARNING]\n> ").append(Markdown.text(w)).append("\n\n"));
        if (!diagram.isEmpty()) {
            out.append("```mermaid\n").append(diagram).append("```\n\n");
        }
        for (FirewallView.Group group : view.groups()) {
            out.append("#### ").append(Markdown.code(group.name()))
                    .append(group.owner().map(o -> " (Portcullis component " + Markdown.code(o) + ")").orElse(" (yours)"))
                    .append("\n\n| Direction | Protocol | Ports | Peer | Why |\n|---|---|---|---|---|\n");
            List<FirewallView.Rule> rules = new ArrayList<>(group.inbound());
            rules.addAll(group.outbound());
            if (rules.isEmpty()) {
                out.append("| — | | | | no rule |\n");
            }
            rules.forEach(r -> out.append("| ").append(r.direction() == dev.portcullis.core.Direction.INGRESS ? "inbound" : "outbound")
                    .append(" | ").append(Markdown.text(r.protocol())).append(" | ").append(Markdown.text(r.ports()))
                    .append(" | ").append(Markdown.text(r.peer())).append(" | ").append(Markdown.text(r.why())).append(" |\n"));
            out.append('\n');
        }
        out.append("<details><summary>Resources</summary>\n\n| Type | Name |\n|---|---|\n");
        plan.resources().forEach(r -> out.append("| ").append(Markdown.code(r.type())).append(" | ").append(Markdown.code(r.name()))
                .append(" |\n"));
        return out.append("\n</details>\n").toString();
    }

    static String summary(Plan plan) {
        Map<String, Long> byType = plan.resources().stream()
                .collect(Collectors.groupingBy(Plan.Resource::type, TreeMap::new, Collectors.counting()));
        return plan.resources().size() + " resources to create: " + byType.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().substring(e.getKey().lastIndexOf(':') + 1))
                .collect(Collectors.joining(", ")) + ".";
    }

    static String columns(List<String[]> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            out.append(' ');
            for (int i = 0; i < row.length; i++) {
                out.append(' ').append(i + 1 < row.length ? String.format("%-" + widths[i] + "s", row[i]) : row[i]);
            }
            out.append('\n');
        }
        return out.toString().replaceAll(" +\n", "\n");
    }
}
