package dev.portcullis.core;

import java.net.URI;
import java.util.Objects;

/**
 * Where a catalog departs from the port table it started from (a seed excerpt, a vendor page, a
 * cloud guide), and why: the record a reviewer checks a catalog against.
 *
 * @param source the table that says otherwise ({@code seed 004}, {@code Talos "Network connectivity"})
 * @param row what that table says, as it says it
 * @param decision what the catalog does instead
 * @param reference the official page or code that backs the decision
 */
public record SourceDeviation(String source, String row, String decision, URI reference) {
    public SourceDeviation {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reference, "reference");
        if (source.isBlank() || row.isBlank() || decision.isBlank()) {
            throw new IllegalArgumentException("deviation from '" + source + "' needs a source, the row and the decision");
        }
        if (!"https".equals(reference.getScheme())) {
            throw new IllegalArgumentException("reference '" + reference + "' of a deviation is invalid: expected an https URL");
        }
    }
}
