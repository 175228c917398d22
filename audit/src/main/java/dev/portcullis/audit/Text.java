package dev.portcullis.audit;

/**
 * Makes text that came from an input (a process name, a rule description, a file name) safe for
 * each output: one line, no terminal escapes, nothing that breaks a Markdown table or opens HTML.
 * JSON and SARIF go through Gson, which escapes for JSON itself.
 */
final class Text {
    private Text() {}

    /** Control characters and line separators shown as escapes: {@code \n}, {@code \u001b}. */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append(' ');
            } else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * For a Markdown table cell or paragraph (GitHub flavour): one line, Markdown punctuation
     * backslash-escaped, HTML characters as entities (so {@code <!--} cannot hide the rest), and
     * {@code @} as an entity so a process name cannot mention anyone.
     */
    static String markdown(String text) {
        String line = oneLine(text);
        StringBuilder out = new StringBuilder(line.length() + 16);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '@' -> out.append("&#64;");
                case '\\', '`', '*', '_', '[', ']', '|', '~' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A fence longer than any run of backticks in {@code content}, at least three. */
    static String fence(String content) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < content.length(); i++) {
            run = content.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "`".repeat(Math.max(3, longest + 1));
    }
}
