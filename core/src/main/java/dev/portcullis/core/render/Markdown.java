package dev.portcullis.core.render;

import com.google.common.base.CharMatcher;
import dev.portcullis.core.Text;

/**
 * Escaping for GitHub-flavoured Markdown, used for every text that did not come from Portcullis
 * itself (purposes and descriptions, peer names, values, resource names): such text can neither
 * open raw HTML ({@code <!--}, {@code </details>}), nor a code span, nor a Markdown link, nor end a
 * table cell or a line, so a pull-request comment shows every rule it carries; nor notify anyone
 * ({@code @team}) or cross-reference an issue ({@code #12}): a word joiner (U+2060) follows each
 * {@code @} and {@code #}, invisible, but GitHub no longer sees a name. A bare URL still shows as a
 * link, as GitHub links it in any text.
 */
public final class Markdown {
    /**
     * Inline syntax: escapes, code, emphasis, links and images, strikethrough, math, table cells.
     * Block syntax ({@code #}, {@code -}, {@code 1.}) needs no escape: escaped text never starts a line.
     */
    private static final CharMatcher INLINE = CharMatcher.anyOf("\\`*_[]!~|$");

    private static final char WORD_JOINER = '\u2060';

    private Markdown() {}

    /** Text for a paragraph or a table cell. */
    public static String text(String value) {
        String flat = Text.printable(value);
        StringBuilder out = new StringBuilder(flat.length() + 8);
        for (int i = 0; i < flat.length(); i++) {
            char c = flat.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '@', '#' -> out.append(c).append(WORD_JOINER);
                default -> {
                    if (INLINE.matches(c)) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    /**
     * A code span: a fence one backtick longer than any run inside, so the text cannot close it, and
     * {@code |} escaped, which GitHub requires even inside code spans in a table.
     */
    public static String code(String value) {
        String flat = Text.printable(value).replace("|", "\\|");
        int longest = 0;
        int run = 0;
        for (char c : flat.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = flat.startsWith("`") || flat.endsWith("`") || flat.isBlank() ? " " : "";
        return fence + pad + flat + pad + fence;
    }
}
