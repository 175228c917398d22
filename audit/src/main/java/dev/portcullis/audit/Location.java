package dev.portcullis.audit;

import java.util.Objects;

/**
 * Where in an input a finding comes from.
 *
 * @param input the input's name as given ({@code -} is standard input)
 * @param line 1-based, or 0 when unknown (a flow missing from the whole input)
 */
public record Location(String input, int line) {
    public Location {
        Objects.requireNonNull(input, "input");
        if (line < 0) {
            throw new IllegalArgumentException("line " + line + " is negative: lines start at 1 (0 = unknown)");
        }
    }
}
