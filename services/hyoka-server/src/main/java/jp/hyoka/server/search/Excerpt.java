package jp.hyoka.server.search;

import jp.hyoka.domain.exporting.HtmlText;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of a matching text shown with a hit: the first match with some text around it, every match inside it
 * marked. Three forms of one excerpt: {@code text} (plain text, never markup), {@code highlights} (offsets into
 * {@code text}, in UTF-16 code units as JavaScript counts them) and {@code html} ({@code text} HTML-escaped, each
 * match in {@code <mark>}): an answer's own markup never reaches it, its tags being gone before the index and any
 * {@code <} in the text escaped here.
 */
record Excerpt(String text, List<Range> highlights) {

    record Range(int start, int length) {
    }

    static final int BEFORE = 30;
    static final int AFTER = 60;
    static final String ELLIPSIS = "…";

    /**
     * {@code needle} is found ignoring case, as ILIKE found it; if case folding differs between Java and the
     * database so that it is not found here, the start of the text is shown unmarked.
     */
    static Excerpt of(String text, String needle) {
        int first = indexOf(text, needle, 0);
        int start = first < 0 ? 0 : safe(text, Math.max(0, first - BEFORE));
        int end = safe(text, Math.min(text.length(), (first < 0 ? 0 : first + needle.length()) + AFTER));
        String prefix = start > 0 ? ELLIPSIS : "";
        StringBuilder shown = new StringBuilder(prefix).append(text, start, end);
        if (end < text.length()) {
            shown.append(ELLIPSIS);
        }
        List<Range> highlights = new ArrayList<>();
        for (int at = first; at >= 0 && at + needle.length() <= end; at = indexOf(text, needle, at + needle.length())) {
            highlights.add(new Range(at - start + prefix.length(), needle.length()));
        }
        return new Excerpt(shown.toString(), List.copyOf(highlights));
    }

    /** {@code text} HTML-escaped with every highlight in {@code <mark>}. */
    String html() {
        StringBuilder html = new StringBuilder();
        int at = 0;
        for (Range range : highlights) {
            html.append(HtmlText.escape(text.substring(at, range.start())));
            html.append("<mark>");
            html.append(HtmlText.escape(text.substring(range.start(), range.start() + range.length())));
            html.append("</mark>");
            at = range.start() + range.length();
        }
        html.append(HtmlText.escape(text.substring(at)));
        return html.toString();
    }

    private static int indexOf(String text, String needle, int from) {
        for (int at = from; at + needle.length() <= text.length(); at++) {
            if (text.regionMatches(true, at, needle, 0, needle.length())) {
                return at;
            }
        }
        return -1;
    }

    /** A cut never splits a surrogate pair. */
    private static int safe(String text, int index) {
        return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index)) ? index - 1 : index;
    }
}
