package dev.portcullis.audit;

import java.util.Locale;
import java.util.stream.Collectors;

/** Plain text for a terminal: a heading, one block per finding, notes, then the adoption steps. */
final class TableReport {
    private TableReport() {}

    static String render(AuditReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Portcullis audit of ").append(report.command()).append(": ").append(Text.oneLine(context(report))).append('\n')
                .append("Findings: ").append(report.summary()).append('\n');
        for (Finding f : report.findings()) {
            out.append('\n').append('[').append(f.severity().label().toUpperCase(Locale.ROOT)).append("] ")
                    .append(f.check().id()).append("  ").append(f.protocol()).append(f.ports().isEmpty() ? "" : " " + Text.oneLine(f.ports()))
                    .append("  ").append(Text.oneLine(f.subject())).append('\n')
                    .append("  ").append(Text.oneLine(f.message())).append('\n')
                    .append("  policy: ").append(Text.oneLine(f.policy().entry())).append(": ").append(Text.oneLine(f.policy().text()));
            if (!f.policy().references().isEmpty()) {
                out.append(" <").append(f.policy().references().stream().map(Object::toString).collect(Collectors.joining(">, <")))
                        .append('>');
            }
            out.append('\n').append("  fix:    ").append(Text.oneLine(f.fix())).append('\n');
            if (!f.locations().isEmpty()) {
                out.append("  at:     ").append(f.locations().stream()
                        .map(l -> Text.oneLine(l.input()) + (l.line() > 0 ? ":" + l.line() : "")).collect(Collectors.joining(", ")))
                        .append('\n');
            }
            out.append("  id:     ").append(Text.oneLine(f.id())).append('\n');
        }
        if (!report.notes().isEmpty()) {
            out.append("\nNotes:\n");
            report.notes().forEach(n -> out.append("  - ").append(Text.oneLine(n)).append('\n'));
        }
        report.remediation().ifPresent(r -> {
            out.append("\nBring the groups under management. A Portcullis program:\n\n");
            // Its values are escaped as Java literals already; each line goes through oneLine as well,
            // so nothing in it can reach the terminal as a control character.
            r.program().lines().forEach(line -> out.append(Text.oneLine(line)).append('\n'));
            out.append("\nOr adopt the live groups and rules as they are:\n\n");
            r.imports().forEach(c -> out.append("  ").append(Text.oneLine(c)).append('\n'));
        });
        return out.toString();
    }

    /** {@code kubeadm, role control-plane, cni none, options (none), ipv4, 1 node}. */
    static String context(AuditReport report) {
        return report.context().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
