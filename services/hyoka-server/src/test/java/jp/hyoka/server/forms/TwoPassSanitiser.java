package jp.hyoka.server.forms;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sanitiser's shortcut as it was before the one-pass rewrite (main of 2026-12-07, sixth pass): the text taken as
 * it is when {@link #isSanitised}, else {@link #asJsoupWrites} (a rewrite, then two structural scans of its result).
 * Kept here only as the definition {@code OnePassSanitiserTest} compares the one-pass {@link ExportMarkup} with.
 */
final class TwoPassSanitiser {

    private TwoPassSanitiser() {
    }

    /** What the sanitiser answered without jsoup, or null where it ran jsoup. */
    static String withoutJsoup(String html) {
        return isSanitised(html) ? html : asJsoupWrites(html);
    }

    private static final String LIST_STYLE = " style=\"";

    /** {@code html} as jsoup's sanitiser writes it, or null when the text has markup this does not cover. */
    static String asJsoupWrites(String html) {
        StringBuilder out = new StringBuilder(html.length() + 16);
        int length = html.length();
        for (int i = 0; i < length; i++) {
            char c = html.charAt(i);
            if (c == '>') {
                out.append("&gt;");
            } else if (c != '<') {
                out.append(c);
            } else if (i + 1 == length || !startsTag(html.charAt(i + 1))) {
                out.append("&lt;");
            } else {
                int end = html.indexOf('>', i);
                if (end < 0 || html.charAt(i + 1) == '!' || html.charAt(i + 1) == '?') {
                    return null;                            // a comment, a declaration, a tag cut off: jsoup's
                }
                int styled = styledList(html, i, end);
                if (styled > 0) {
                    out.append(html, i, styled).append('>');    // "<ul style=…>" as "<ul>"
                } else {
                    out.append(html, i, end + 1);
                }
                i = end;
            }
        }
        String[] open = openAtEnd(out.toString());
        if (open == null) {
            return null;
        }
        for (int k = open.length - 1; k >= 0; k--) {
            if (!open[k].equals("ul") && !open[k].equals("ol")) {
                return null;                                // only the lists the exporter leaves open
            }
            out.append("</").append(open[k]).append('>');
        }
        String written = out.toString();
        return isSanitised(written) ? written : null;
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

    /** Deeper nesting is left to jsoup (its parser bounds some scope searches). */
    private static final int MAX_DEPTH = 32;
    private static final Set<String> PHRASING = Set.of("strong", "em", "u", "s", "sub", "sup");
    private static final Set<String> FLOW = Set.of("p", "ul", "ol", "table", "br", "strong", "em", "u", "s", "sub",
            "sup");
    private static final Set<String> IN_PHRASING = Set.of("br", "strong", "em", "u", "s", "sub", "sup");
    /** The children each element may have (the root is "", a document body); "#text" for text. */
    private static final Map<String, Set<String>> CHILDREN = Map.ofEntries(
            Map.entry("", with(FLOW, "#text")),
            Map.entry("li", with(FLOW, "#text")),
            Map.entry("td", with(FLOW, "#text")),
            Map.entry("th", with(FLOW, "#text")),
            Map.entry("ul", with(FLOW, "#text", "li")),
            Map.entry("ol", with(FLOW, "#text", "li")),
            Map.entry("p", with(IN_PHRASING, "#text")),
            Map.entry("strong", with(IN_PHRASING, "#text")),
            Map.entry("em", with(IN_PHRASING, "#text")),
            Map.entry("u", with(IN_PHRASING, "#text")),
            Map.entry("s", with(IN_PHRASING, "#text")),
            Map.entry("sub", with(IN_PHRASING, "#text")),
            Map.entry("sup", with(IN_PHRASING, "#text")),
            Map.entry("table", Set.of("thead", "tbody")),
            Map.entry("thead", Set.of("tr")),
            Map.entry("tbody", Set.of("tr")),
            Map.entry("tr", Set.of("td", "th")));
    private static final String[] REFERENCES = {"&amp;", "&lt;", "&gt;", "&nbsp;"};


    private static Set<String> with(Set<String> base, String... more) {
        Set<String> all = new HashSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    /** Whether sanitising {@code html} would give it back as it is (false: not known, let jsoup decide). */
    static boolean isSanitised(String html) {
        String[] open = openAtEnd(html);
        return open != null && open.length == 0;
    }

    /**
     * The elements {@code html} leaves open at its end, outermost first, when everything before is as jsoup writes it
     * (as {@link #isSanitised}, but for the closing tags of those elements); null when it is not. The HTML parser
     * leaves unclosed elements open at the end of the text, so appending their closing tags, innermost first, changes
     * nothing of what it builds: {@link ExportMarkup} uses this for the lists the exporter never closes.
     */
    static String[] openAtEnd(String html) {
        String[] open = new String[MAX_DEPTH];
        int depth = 0;
        int i = 0;
        int length = html.length();
        while (i < length) {
            char c = html.charAt(i);
            String parent = depth == 0 ? "" : open[depth - 1];
            if (c == '<') {
                boolean closing = i + 1 < length && html.charAt(i + 1) == '/';
                int nameStart = i + (closing ? 2 : 1);
                int nameEnd = nameStart;
                while (nameEnd < length && html.charAt(nameEnd) >= 'a' && html.charAt(nameEnd) <= 'z') {
                    nameEnd++;
                }
                String name = html.substring(nameStart, nameEnd);
                if (closing) {
                    if (depth == 0 || !open[depth - 1].equals(name) || nameEnd >= length
                            || html.charAt(nameEnd) != '>') {
                        return null;
                    }
                    depth--;
                    i = nameEnd + 1;
                    continue;
                }
                Set<String> allowed = CHILDREN.get(parent);
                if (!allowed.contains(name)) {
                    return null;
                }
                int end = attributes(html, nameEnd, name.equals("td") || name.equals("th"));
                if (end < 0) {
                    return null;
                }
                i = end;
                if (!name.equals("br")) {
                    if (depth == MAX_DEPTH) {
                        return null;
                    }
                    open[depth++] = name;
                }
                continue;
            }
            if (!CHILDREN.get(parent).contains("#text")) {
                return null;
            }
            if (c == '&') {
                int reference = reference(html, i);
                if (reference < 0) {
                    return null;
                }
                i = reference;
                continue;
            }
            if (c == '>' || c == '\u00A0' || c == '\uFFFF' || Character.isSurrogate(c)
                    || (c < ' ' && c != '\t' && c != '\n' && c != '\r')) {
                return null;                               // jsoup would escape or re-encode it
            }
            i++;
        }
        return java.util.Arrays.copyOf(open, depth);
    }

    /**
     * The end (after '>') of a start tag's attributes from {@code at}: none, or on a cell {@code colspan} and
     * {@code rowspan} once each, as {@code  name="digits"}; -1 for anything else.
     */
    private static int attributes(String html, int at, boolean cell) {
        boolean colspan = false;
        boolean rowspan = false;
        int i = at;
        while (i < html.length() && html.charAt(i) == ' ' && cell) {
            String rest = html.substring(i + 1, Math.min(html.length(), i + 10));
            boolean isColspan = rest.startsWith("colspan=\"");
            boolean isRowspan = rest.startsWith("rowspan=\"");
            if (!isColspan && !isRowspan || isColspan && colspan || isRowspan && rowspan) {
                return -1;
            }
            colspan |= isColspan;
            rowspan |= isRowspan;
            int digits = i + 1 + "colspan=\"".length();
            int end = digits;
            while (end < html.length() && end - digits < 3 && html.charAt(end) >= '0' && html.charAt(end) <= '9') {
                end++;
            }
            if (end == digits || end >= html.length() || html.charAt(end) != '"') {
                return -1;
            }
            i = end + 1;
        }
        return i < html.length() && html.charAt(i) == '>' ? i + 1 : -1;
    }

    /** The end of the character reference at {@code at}, one of those jsoup writes; -1 for any other '&'. */
    private static int reference(String html, int at) {
        for (String reference : REFERENCES) {
            if (html.startsWith(reference, at)) {
                return at + reference.length();
            }
        }
        return -1;
    }
}
