package dev.portcullis.audit.cli;

import dev.portcullis.audit.AuditReport;
import dev.portcullis.audit.ReportFormat;
import dev.portcullis.audit.Severity;
import picocli.CommandLine.Option;

/** How the report is printed and when the command fails. */
final class OutputOptions {
    @Option(names = "--format", paramLabel = "F", defaultValue = "table",
            description = "table, markdown, json or sarif (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--fail-on", paramLabel = "S", defaultValue = "high",
            description = "exit 1 when a finding is this severe or more: critical, high, medium, low, info, "
                    + "or none (default: ${DEFAULT-VALUE})")
    String failOn;

    ReportFormat reportFormat() {
        return ReportFormat.parse(format);
    }

    /** Validated before any input is read, so a typo fails fast. */
    void validate() {
        reportFormat();
        if (!failOn.equalsIgnoreCase("none")) {
            Severity.parse(failOn);
        }
    }

    int exitCode(AuditReport report) {
        return !failOn.equalsIgnoreCase("none") && report.hasAtLeast(Severity.parse(failOn)) ? 1 : 0;
    }
}
