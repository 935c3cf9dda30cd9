package jp.hyoka.server.forms;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells, by one scan and without parsing, that a text is already in the form {@link JsoupRichTextSanitizer} gives
 * (jsoup's output for the safe subset), so that sanitising it would give it back unchanged. An import sanitises every
 * rich-text answer when it reads the file and the decider checks the answer again (the import profile found jsoup
 * twice per answer); the second time the text is the sanitiser's own output and passes this test.
 *
 * <p>A text passes only when re-parsing cannot restructure it: only the safe tags, written as jsoup writes them
 * (lower case, {@code colspan}/{@code rowspan} with digits on cells only, every element closed but {@code br}),
 * well nested, each where the HTML parser itself would leave it: phrasing (text, {@code br}, {@code strong},
 * {@code em}, {@code u}, {@code s}, {@code sub}, {@code sup}) only inside paragraphs and phrasing, {@code li} only in
 * lists, tables as table, row group, row, cell with no text between them; text with only the character references
 * jsoup writes ({@code &amp; &lt; &gt; &nbsp;}) and no character jsoup would escape. Anything else, however harmless,
 * is left to jsoup. {@code SanitisedHtmlTest} checks the claim against jsoup on random and published markup.
 */
final class SanitisedHtml {

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

    private SanitisedHtml() {
    }

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
