package jp.hyoka.server.forms;

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
 *
 * <p>The scan is a {@link Nesting}: the open elements as small codes and, for the innermost, a bit set of the children
 * it may have, so a text character costs a bit test, not a look-up of the parent's name ({@link ExportMarkup} runs the
 * same nesting while it rewrites the exports' markup, in the same pass).
 */
final class SanitisedHtml {

    /** Deeper nesting is left to jsoup (its parser bounds some scope searches). */
    private static final int MAX_DEPTH = 32;
    /** The safe elements; an element's code is its index here. */
    private static final String[] ELEMENTS = {"p", "br", "ul", "ol", "li", "table", "thead", "tbody", "tr", "td",
            "th", "strong", "em", "u", "s", "sub", "sup"};
    static final int UL = 2;
    static final int OL = 3;
    private static final int BR = 1;
    private static final int TD = 9;
    private static final int TH = 10;
    /** The bit of text among an element's allowed children. */
    private static final int TEXT = 1 << ELEMENTS.length;
    private static final int IN_PHRASING = bits("br", "strong", "em", "u", "s", "sub", "sup");
    private static final int FLOW = IN_PHRASING | bits("p", "ul", "ol", "table");
    /** The children each element may have, by code; the root (a document body) last. */
    private static final int[] CHILDREN = new int[ELEMENTS.length + 1];
    private static final int ROOT = ELEMENTS.length;

    static {
        for (String flow : new String[]{"li", "td", "th"}) {
            CHILDREN[code(flow)] = FLOW | TEXT;
        }
        CHILDREN[ROOT] = FLOW | TEXT;
        CHILDREN[UL] = FLOW | TEXT | bits("li");
        CHILDREN[OL] = FLOW | TEXT | bits("li");
        for (String phrasing : new String[]{"p", "strong", "em", "u", "s", "sub", "sup"}) {
            CHILDREN[code(phrasing)] = IN_PHRASING | TEXT;
        }
        CHILDREN[code("table")] = bits("thead", "tbody");
        CHILDREN[code("thead")] = bits("tr");
        CHILDREN[code("tbody")] = bits("tr");
        CHILDREN[code("tr")] = bits("td", "th");
    }

    private static final String[] REFERENCES = {"&amp;", "&lt;", "&gt;", "&nbsp;"};

    private SanitisedHtml() {
    }

    private static int code(String name) {
        for (int i = 0; i < ELEMENTS.length; i++) {
            if (ELEMENTS[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static int bits(String... names) {
        int bits = 0;
        for (String name : names) {
            bits |= 1 << code(name);
        }
        return bits;
    }

    /** Whether sanitising {@code html} would give it back as it is (false: not known, let jsoup decide). */
    static boolean isSanitised(String html) {
        Nesting nesting = new Nesting();
        int length = html.length();
        for (int i = 0; i < length; ) {
            i = html.charAt(i) == '<' ? nesting.tag(html, i) : nesting.text(html, i);
            if (i < 0) {
                return false;
            }
        }
        return nesting.depth() == 0;
    }

    /**
     * The elements open at a point of a scan of text as jsoup writes it. Each step reads one token at an index and
     * answers the index after it, or -1 when the token is not as jsoup writes it there.
     */
    static final class Nesting {
        private final int[] open = new int[MAX_DEPTH];
        private int depth;
        /** The children the innermost open element (or the root) may have. */
        private int allowed = CHILDREN[ROOT];

        int depth() {
            return depth;
        }

        /** The code of the element open at {@code level} (0: outermost). */
        int openAt(int level) {
            return open[level];
        }

        /** Whether text may stand here (a table, a row group or a row takes none). */
        boolean textAllowed() {
            return (allowed & TEXT) != 0;
        }

        /**
         * One character of text at {@code at} (not a '<'), or a character reference: the index after it, or -1 where
         * no text may stand, for a reference jsoup does not write, or a character jsoup would escape or re-encode.
         */
        int text(String html, int at) {
            if ((allowed & TEXT) == 0) {
                return -1;
            }
            char c = html.charAt(at);
            if (c == '&') {
                return reference(html, at);
            }
            if (c == '>' || c == '\u00A0' || c == '\uFFFF' || Character.isSurrogate(c)
                    || (c < ' ' && c != '\t' && c != '\n' && c != '\r')) {
                return -1;                                  // jsoup would escape or re-encode it
            }
            return at + 1;
        }

        /** The tag starting with the '<' at {@code at}: the index after its '>', or -1. */
        int tag(String html, int at) {
            int length = html.length();
            boolean closing = at + 1 < length && html.charAt(at + 1) == '/';
            int nameStart = at + (closing ? 2 : 1);
            int nameEnd = nameStart;
            while (nameEnd < length && html.charAt(nameEnd) >= 'a' && html.charAt(nameEnd) <= 'z') {
                nameEnd++;
            }
            int element = element(html, nameStart, nameEnd);
            if (closing) {
                if (depth == 0 || element < 0 || open[depth - 1] != element || nameEnd >= length
                        || html.charAt(nameEnd) != '>') {
                    return -1;
                }
                close();
                return nameEnd + 1;
            }
            if (element < 0 || (allowed & 1 << element) == 0) {
                return -1;
            }
            int end = attributes(html, nameEnd, element == TD || element == TH);
            return end < 0 || !opened(element) ? -1 : end;
        }

        /** An element opened (as a start tag without attributes, or with the cell attributes already read). */
        boolean opened(int element) {
            if ((allowed & 1 << element) == 0) {
                return false;
            }
            if (element == BR) {
                return true;
            }
            if (depth == MAX_DEPTH) {
                return false;
            }
            open[depth++] = element;
            allowed = CHILDREN[element];
            return true;
        }

        private void close() {
            depth--;
            allowed = CHILDREN[depth == 0 ? ROOT : open[depth - 1]];
        }
    }

    /** The end tag of an element by its code ("</ul>"). */
    static String endTag(int element) {
        return "</" + ELEMENTS[element] + ">";
    }

    /** The code of the safe element named by {@code html[from, to)}, or -1. */
    private static int element(String html, int from, int to) {
        int length = to - from;
        for (int i = 0; i < ELEMENTS.length; i++) {
            if (ELEMENTS[i].length() == length && html.startsWith(ELEMENTS[i], from)) {
                return i;
            }
        }
        return -1;
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
            boolean isColspan = html.startsWith("colspan=\"", i + 1);
            boolean isRowspan = html.startsWith("rowspan=\"", i + 1);
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
