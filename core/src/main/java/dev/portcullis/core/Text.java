package dev.portcullis.core;

import com.google.common.base.CharMatcher;
import java.util.Objects;

/**
 * Checks for text a user supplies (descriptions, names, labels, tags). Control characters are
 * refused at input: a newline in a description could otherwise end a comment in an nftables
 * ruleset, a table row in Markdown, or a line of a plan, and start something else.
 */
public final class Text {
    /** C0 and C1 controls, DEL, line and paragraph separators, and bidirectional overrides. */
    private static final CharMatcher UNSAFE = CharMatcher.javaIsoControl()
            .or(CharMatcher.anyOf("\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"));

    private Text() {}

    /**
     * @return {@code value}
     * @throws IllegalArgumentException naming {@code field} if the value holds a control character
     */
    public static String requirePrintable(String field, String value) {
        Objects.requireNonNull(value, field);
        int bad = UNSAFE.indexIn(value);
        if (bad >= 0) {
            throw new IllegalArgumentException(field + " holds a control character (U+"
                    + String.format("%04X", (int) value.charAt(bad)) + " at index " + bad
                    + "): use printable text on one line");
        }
        return value;
    }

    /** The text with every control character replaced by a space: for rendering, as a second line of defence. */
    public static String printable(String value) {
        return UNSAFE.replaceFrom(value, ' ');
    }
}
