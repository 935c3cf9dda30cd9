package jp.hyoka.domain.exporting;

/**
 * Escapes text for HTML element content and quoted attribute values. Everything an author typed as plain text goes
 * through here: a TEXT answer "&lt;script&gt;" must print as those characters, never run. The search's excerpts
 * use it too.
 */
public final class HtmlText {

    private HtmlText() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Escaped, with line breaks kept as {@code <br>}: a plain-text answer may hold several lines. */
    static String lines(String text) {
        return escape(text).replaceAll("\r\n|\r|\n", "<br>");
    }
}
