package dev.portcullis.audit;

import java.util.stream.Collectors;

/**
 * Markdown for a pull-request comment: a summary line, one table row per finding at or above the
 * shown threshold (the rest counted), notes and the adoption steps folded away. Everything taken
 * from an input is escaped ({@link Text#markdown}).
 */
final class MarkdownReport {
    private MarkdownReport() {}

    static String render(AuditReport report) {
        StringBuilder out = new StringBuilder();
        out.append("### Portcullis audit: ").append(report.command()).append("\n\n")
                .append(report.counts().entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey().label())
                        .map(count -> count.startsWith("0 ") || !(count.endsWith("critical") || count.endsWith("high"))
                                ? count : "**" + count + "**")
                        .collect(Collectors.joining(", ")))
                .append(" · ").append(report.context().entrySet().stream()
                        .map(e -> e.getKey() + " " + Text.markdown(e.getValue())).collect(Collectors.joining(", ")))
                .append("\n\n");
        if (report.findings().isEmpty()) {
            out.append("No findings.\n");
        } else {
            out.append("| Severity | Check | Port | Subject | Finding | Policy entry | Fix |\n|---|---|---|---|---|---|---|\n");
            for (Finding f : report.findings()) {
                out.append("| ").append(f.severity().label())
                        .append(" | ").append(f.check().id())
                        .append(" | ").append(Text.markdown(f.protocol() + (f.ports().isEmpty() ? "" : " " + f.ports())))
                        .append(" | ").append(Text.markdown(f.subject()))
                        .append(" | ").append(Text.markdown(f.message()))
                        .append(" | ").append(Text.markdown(f.policy().entry())).append(": ").append(Text.markdown(f.policy().text()))
                        .append(f.policy().references().stream().map(u -> " [source](" + u.toASCIIString()
                                .replace("(", "%28").replace(")", "%29") + ")").collect(Collectors.joining()))
                        .append(" | ").append(Text.markdown(f.fix()))
                        .append(" |\n");
            }
        }
        if (!report.notes().isEmpty()) {
            out.append("\n<details><summary>Notes</summary>\n\n");
            report.notes().forEach(n -> out.append("- ").append(Text.markdown(n)).append('\n'));
            out.append("\n</details>\n");
        }
        report.remediation().ifPresent(r -> {
            String imports = String.join("\n", r.imports());
            out.append("\n<details><summary>Bring the groups under management</summary>\n\nA Portcullis program:\n\n")
                    .append(Text.fence(r.program())).append("java\n").append(r.program()).append(Text.fence(r.program())).append("\n\n")
                    .append("Or adopt the live groups and rules as they are:\n\n")
                    .append(Text.fence(imports)).append("sh\n").append(imports).append('\n').append(Text.fence(imports))
                    .append("\n\n</details>\n");
        });
        return out.toString();
    }
}
