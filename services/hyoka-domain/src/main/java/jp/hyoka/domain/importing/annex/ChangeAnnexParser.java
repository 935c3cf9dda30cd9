package jp.hyoka.domain.importing.annex;

import jp.hyoka.domain.importing.PageMarks;

import java.util.List;
import java.util.OptionalInt;

/**
 * Reads the 変更箇所 annex out of the lines of an exported 評価書 (DOMAIN.md §4).
 *
 * <p>Every line from the start of the annex to the end of the input is accounted for: blank lines, the repeated
 * page headings "(別添N) 変更箇所", the repeated column header row and "----------" separator rows are layout and
 * are skipped; every other line becomes a {@link ChangeRow}, or a {@link ParseWarning} that says why it could not.
 * Rows keep their original order: the source is not always chronological (DOMAIN.md §4.6), and sorting is a
 * display concern.
 */
public final class ChangeAnnexParser {

    private ChangeAnnexParser() {
    }

    /**
     * Parses the annex of a whole exported document, or of a file holding the annex alone. Line numbers in rows
     * and warnings are 1-based positions in {@code lines}. A document without an annex yields no rows and a single
     * {@link WarningCode#ANNEX_NOT_FOUND} warning: an import must not fail on it.
     */
    public static ChangeAnnex parse(List<String> lines) {
        return parse(lines, locate(lines));
    }

    /** {@link #parse(List)} with the annex's start already {@link #locate located} (a reader that needs it too). */
    public static ChangeAnnex parse(List<String> lines, OptionalInt start) {
        if (start.isEmpty()) {
            return new ChangeAnnex(0, List.of(), List.of(new ParseWarning(0, WarningCode.ANNEX_NOT_FOUND,
                    "no \"(別添N) 変更箇所\" heading followed by the 変更日/項目 header row, and no header row alone")));
        }
        RowReader reader = new RowReader();
        PageMarks marks = PageMarks.of(lines);
        for (int lineNumber = start.getAsInt(); lineNumber <= lines.size(); lineNumber++) {
            List<String> cells = AnnexText.cells(lines.get(lineNumber - 1));
            if (AnnexLines.isPageBreak(cells, marks, lineNumber)) {
                reader.pageBreak();
            } else if (!AnnexLines.isBlank(cells) && !AnnexLines.isSeparator(cells)) {
                reader.read(lineNumber, cells);
            }
        }
        return reader.result();
    }

    /**
     * The 1-based line number where the annex starts: the first "(別添N) 変更箇所" heading that is followed (after
     * blank lines) by the column header row. The 項目一覧 table of contents near the top of a document lists the same
     * heading, but no header row follows it there, so it is passed over; the repeats of the heading on later pages
     * of the annex come after the real start and do not matter. Without such a heading (a file that holds the table
     * alone, or a heading lost in the export) the annex starts at the first header row. Empty if there is neither.
     */
    public static OptionalInt locate(List<String> lines) {
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index);             // its cells hold the mark only if the line does
            if (line.indexOf(AnnexLines.HEADING_MARK) >= 0 && AnnexLines.isHeading(AnnexText.cells(line))
                    && headerFollows(lines, index + 1)) {
                return OptionalInt.of(index + 1);
            }
        }
        for (int index = 0; index < lines.size(); index++) {
            if (AnnexLines.isHeaderRow(AnnexText.cells(lines.get(index)))) {
                return OptionalInt.of(index + 1);
            }
        }
        return OptionalInt.empty();
    }

    private static boolean headerFollows(List<String> lines, int from) {
        for (int index = from; index < lines.size(); index++) {
            List<String> cells = AnnexText.cells(lines.get(index));
            if (!AnnexLines.isBlank(cells) && !AnnexLines.hasPageMarkShape(cells)) {   // only the header row matters
                return AnnexLines.isHeaderRow(cells);
            }
        }
        return false;
    }
}
