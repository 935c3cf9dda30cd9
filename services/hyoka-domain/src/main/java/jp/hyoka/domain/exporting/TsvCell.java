package jp.hyoka.domain.exporting;

import java.util.regex.Pattern;

/** One cell of the tab-separated export. */
final class TsvCell {

    /**
     * TAB ends a cell and a line break ends a row, so neither may appear inside one; vertical tab, form feed, NEL and
     * the Unicode line and paragraph separators are line breaks to some readers too. Each (CR LF as one) becomes a
     * space: in HTML that is what a line break means anyway, and a plain text loses nothing but the break.
     */
    private static final Pattern BREAKS = Pattern.compile("\\r\\n|[\\t\\n\\r\\u000B\\f\\u0085\\u2028\\u2029]");

    private TsvCell() {
    }

    static String of(String text) {
        return text == null ? "" : BREAKS.matcher(text).replaceAll(" ");
    }

    static String row(String... cells) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            row.append(i == 0 ? "" : "\t").append(of(cells[i]));
        }
        return row.toString();
    }
}
