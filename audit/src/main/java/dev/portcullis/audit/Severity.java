package dev.portcullis.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How much a finding matters, most severe first. */
public enum Severity {
    CRITICAL("error", 9.5),
    HIGH("error", 8.0),
    MEDIUM("warning", 5.5),
    LOW("note", 3.0),
    INFO("note", 0.0);

    private final String sarifLevel;
    private final double securitySeverity;

    Severity(String sarifLevel, double securitySeverity) {
        this.sarifLevel = sarifLevel;
        this.securitySeverity = securitySeverity;
    }

    /** {@code critical}, {@code high}, {@code medium}, {@code low}, {@code info}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** SARIF 2.1.0 §3.27.10 {@code level}: critical and high are errors, medium a warning, the rest notes. */
    public String sarifLevel() {
        return sarifLevel;
    }

    /**
     * GitHub code scanning's {@code security-severity} score (0.0 to 10.0), which it shows as
     * critical over 9.0, high from 7.0 to 8.9, medium from 4.0 to 6.9 and low below; 0 for info,
     * which SARIF output then leaves out.
     */
    public double securitySeverity() {
        return securitySeverity;
    }

    /** Whether this is as severe as {@code threshold} or more. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /**
     * Parses a label, ignoring case.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static Severity parse(String text) {
        for (Severity severity : values()) {
            if (severity.label().equalsIgnoreCase(text)) {
                return severity;
            }
        }
        throw new IllegalArgumentException("severity '" + text + "' is unknown: allowed values are "
                + Arrays.stream(values()).map(Severity::label).collect(Collectors.joining(", ")));
    }
}
