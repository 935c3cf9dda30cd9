package jp.hyoka.server.forms;

/**
 * What jsoup makes of the markup the published exports write, without parsing: lists with a {@code style}
 * ({@code <ul style="list-style-type: none">}), which the exporter never closes, and text in angle brackets that
 * is no tag ({@code <システム連携基盤における措置>}, {@code < 取りまとめ機関における措置 >}). Rich-text answers of
 * published documents are mostly these; jsoup parsed each of them in full (the bulk-import profile: a tenth of reading).
 *
 * <p>The rewrite keeps what the HTML parser builds and the sanitiser's safelist lets through, step by step: a list's
 * attributes go (the safelist allows none on lists and they change nothing the parser does); a '<' that starts no tag
 * (not followed by an ASCII letter, '/', '!' or '?') is text to the tokenizer and is written {@code &lt;}; a '>' in text
 * is written {@code &gt;}; and lists still open at the end get their closing tags (the parser leaves them open there,
 * so they close where the text ends). The result must then be in the form jsoup writes ({@link SanitisedHtml}, which
 * also rules out every tag that would switch the tokenizer out of text, so the rewrite's view of the text is the
 * tokenizer's); anything else answers null and goes through jsoup. {@code ExportMarkupTest} compares it with jsoup
 * on every rich-text value of the samples and the published test documents, and on random soups.
 */
final class ExportMarkup {

    private static final String LIST_STYLE = " style=\"";

    private ExportMarkup() {
    }

    /**
     * {@code html} as jsoup's sanitiser writes it, or null when the text has markup this does not cover. Text already
     * in jsoup's form ({@link SanitisedHtml#isSanitised}) comes back as it is: nothing in it is rewritten.
     *
     * <p>One pass rewrites and checks at once: each token is checked as written, by the same {@link
     * SanitisedHtml.Nesting} a check of the whole written text would run (a tag is copied as it is, so its check reads
     * the same characters; a rewritten '&lt;' or '&gt;' is a reference jsoup writes, allowed wherever text is), and
     * the text is copied only from the first rewrite on.
     */
    static String asJsoupWrites(String html) {
        SanitisedHtml.Nesting nesting = new SanitisedHtml.Nesting();
        StringBuilder out = null;                           // null until something is rewritten
        int copied = 0;                                     // html[0, copied) is in out
        int length = html.length();
        for (int i = 0; i < length; ) {
            char c = html.charAt(i);
            if (c != '<' && c != '>') {
                i = nesting.text(html, i);
                if (i < 0) {
                    return null;
                }
                continue;
            }
            String escaped = c == '>' ? "&gt;" : i + 1 == length || !startsTag(html.charAt(i + 1)) ? "&lt;" : null;
            if (escaped != null) {
                if (!nesting.textAllowed()) {
                    return null;
                }
                out = upTo(out, html, copied, i).append(escaped);
                copied = ++i;
                continue;
            }
            int end = html.indexOf('>', i);
            if (end < 0 || html.charAt(i + 1) == '!' || html.charAt(i + 1) == '?') {
                return null;                                // a comment, a declaration, a tag cut off: jsoup's
            }
            int styled = styledList(html, i, end);
            if (styled > 0) {                               // "<ul style=…>" as "<ul>"
                if (!nesting.opened(html.charAt(i + 1) == 'u' ? SanitisedHtml.UL : SanitisedHtml.OL)) {
                    return null;
                }
                out = upTo(out, html, copied, styled).append('>');
                copied = i = end + 1;
                continue;
            }
            i = nesting.tag(html, i);                       // as it is: its end is the '>' at end
            if (i < 0) {
                return null;
            }
        }
        int depth = nesting.depth();
        if (depth == 0) {
            return out == null ? html : upTo(out, html, copied, length).toString();
        }
        out = upTo(out, html, copied, length);
        for (int level = depth - 1; level >= 0; level--) {
            int element = nesting.openAt(level);
            if (element != SanitisedHtml.UL && element != SanitisedHtml.OL) {
                return null;                                // only the lists the exporter leaves open
            }
            out.append(SanitisedHtml.endTag(element));
        }
        return out.toString();
    }

    /** {@code out} (made when null) with {@code html[from, to)} appended. */
    private static StringBuilder upTo(StringBuilder out, String html, int from, int to) {
        StringBuilder written = out != null ? out : new StringBuilder(html.length() + 16);
        return written.append(html, from, to);
    }

    /** What makes the tokenizer leave text at a '<': a tag's name, an end tag, a comment or a declaration. */
    private static boolean startsTag(char next) {
        return next >= 'a' && next <= 'z' || next >= 'A' && next <= 'Z' || next == '/' || next == '!' || next == '?';
    }

    /**
     * For {@code <ul style="…">} or {@code <ol style="…">} from {@code at} to the '>' at {@code end} (a value without
     * quotes, angle brackets or references), the end of the element's name ("<ul"); else -1.
     */
    private static int styledList(String html, int at, int end) {
        boolean list = html.startsWith("<ul", at) || html.startsWith("<ol", at);
        int name = at + 3;
        if (!list || !html.startsWith(LIST_STYLE, name) || html.charAt(end - 1) != '"') {
            return -1;
        }
        for (int i = name + LIST_STYLE.length(); i < end - 1; i++) {
            char c = html.charAt(i);
            if (c == '"' || c == '<' || c == '&') {
                return -1;
            }
        }
        return end - 1 > name + LIST_STYLE.length() - 1 ? name : -1;
    }
}
