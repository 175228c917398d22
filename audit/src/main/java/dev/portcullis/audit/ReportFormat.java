package dev.portcullis.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a report is printed. */
public enum ReportFormat {
    /** Plain text for a terminal. */
    TABLE,
    /** A pull-request comment. */
    MARKDOWN,
    /** The documented JSON contract (docs/audit.md). */
    JSON,
    /** SARIF 2.1.0, for GitHub code scanning. */
    SARIF;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String render(AuditReport report) {
        return switch (this) {
            case TABLE -> TableReport.render(report);
            case MARKDOWN -> MarkdownReport.render(report);
            case JSON -> JsonReport.render(report);
            case SARIF -> SarifReport.render(report);
        };
    }

    /** @throws IllegalArgumentException naming the allowed values */
    public static ReportFormat parse(String text) {
        for (ReportFormat format : values()) {
            if (format.label().equalsIgnoreCase(text)) {
                return format;
            }
        }
        throw new IllegalArgumentException("format '" + text + "' is unknown: allowed values are "
                + Arrays.stream(values()).map(ReportFormat::label).collect(Collectors.joining(", ")));
    }
}
