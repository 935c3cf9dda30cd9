package jp.hyoka.domain.importing.annex;

import jp.hyoka.domain.importing.PageMarks;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The layout lines of the annex, which carry no change: blank lines, the heading "(別添N) 変更箇所" and the column
 * header row (both repeated on every printed page, DOMAIN.md §4.6), markdown separator rows "----------", and the
 * page numbers and running title a PDF-to-text extraction leaves at a page break ({@link PageMarks}).
 */
final class AnnexLines {

    private static final Pattern HEADING = Pattern.compile("\\(別添\\d*\\)変更箇所");

    private AnnexLines() {
    }

    /**
     * What a printed page break leaves: the heading and the column header row repeated at the top of the page, and
     * a page number or the running title ({@link PageMarks}).
     */
    static boolean isPageBreak(List<String> cells, PageMarks marks, int lineNumber) {
        return isHeading(cells) || isHeaderRow(cells) || isPageMark(cells, marks, lineNumber);
    }

    /**
     * A page number or the document's running title, alone on line {@code lineNumber} (a PDF-to-text extraction's
     * page break); an "n/m" only where the document's marks rise.
     */
    static boolean isPageMark(List<String> cells, PageMarks marks, int lineNumber) {
        String only = onlyFilled(cells);
        return only != null && marks.isPageMark(lineNumber, AnnexText.stripTags(only));
    }

    /** Of a page mark's shape, wherever it stands ({@link PageMarks#hasPageMarkShape}). */
    static boolean hasPageMarkShape(List<String> cells) {
        String only = onlyFilled(cells);
        return only != null && PageMarks.hasPageMarkShape(AnnexText.stripTags(only));
    }

    private static String onlyFilled(List<String> cells) {
        List<String> filled = cells.stream().filter(cell -> !cell.isBlank()).toList();
        return filled.size() == 1 ? filled.get(0) : null;
    }

    static boolean isBlank(List<String> cells) {
        return cells.stream().allMatch(cell -> AnnexText.key(cell).isEmpty());
    }

    /**
     * The one character of the heading that only itself becomes under NFKC (no other code point's decomposition holds
     * it, and composition cannot make it: {@code AnnexLinesTest}), and that is rare in a document's other lines: a
     * line without it is no heading, told without the NFKC of the whole line.
     */
    static final char HEADING_MARK = '箇';

    /** "(別添2) 変更箇所", "(別添3)変更箇所", "（別添２）変更箇所", "(別添) 変更箇所" (基礎), alone on its line. */
    static boolean isHeading(List<String> cells) {
        String line = String.join("", cells);
        return line.indexOf(HEADING_MARK) >= 0 && HEADING.matcher(AnnexText.key(line)).matches();
    }

    /** "変更日 | 項目 | 変更前の記載 | …": the first two column titles are enough to tell it. */
    static boolean isHeaderRow(List<String> cells) {
        return cells.size() >= 2 && AnnexText.key(cells.get(0)).equals("変更日") && AnnexText.key(cells.get(1)).equals("項目");
    }

    /** Every non-empty cell is a run of dashes (004: "----------", "----"). */
    static boolean isSeparator(List<String> cells) {
        return !isBlank(cells) && cells.stream().map(AnnexText::key)
                .allMatch(key -> key.isEmpty() || AnnexText.isDashes(key));
    }
}
