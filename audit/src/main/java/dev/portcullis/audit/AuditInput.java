package dev.portcullis.audit;

import java.util.Objects;

/**
 * One input of an audit: one node's socket listing, or one cloud listing.
 *
 * @param name how reports and SARIF locations name it: a path, or {@code -} for standard input
 */
public record AuditInput(String name, String text) {
    public AuditInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }

    /** The name as finding ids carry it: {@code stdin} for {@code -}. */
    String idName() {
        return name.equals("-") ? "stdin" : name;
    }
}
