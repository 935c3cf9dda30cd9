package jp.hyoka.domain.importing.annex;

import jp.hyoka.domain.form.JapaneseDates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns the content lines of the annex into rows and warnings, one line at a time, in source order. */
final class RowReader {

    private static final int MIN_CELLS = 5;

    private final List<ChangeRow> rows = new ArrayList<>();
    private final List<ParseWarning> warnings = new ArrayList<>();
    /** Each 変更日 text parsed once per annex: rows of one revision repeat their date (和暦 parsing is costly). */
    private final Map<String, Optional<LocalDate>> dates = new HashMap<>();
    private int rowsRead;
    /** The cells of the last line read as a change row, while the next line may still continue it. */
    private RowCells last;
    /** Whether a page break (page mark, repeated heading or header row) came after the last line read. */
    private boolean afterPageBreak;

    /** A page break between the lines read: the next line may be the rest of a row whose 項目 cell it cut. */
    void pageBreak() {
        afterPageBreak = true;
    }

    void read(int lineNumber, List<String> cells) {
        boolean continued = continuesLastRow(cells) || continuesItemOverPageBreak(cells);
        afterPageBreak = false;
        if (continued) {
            continueLastRow(lineNumber, RowCells.of(cells));
            return;
        }
        rowsRead++;
        last = null;
        if (cells.size() < MIN_CELLS) {
            warn(lineNumber, WarningCode.NOT_A_CHANGE_ROW, cells.size() + " cell(s) where a change row has 6, not read: \""
                    + AnnexText.preview(String.join(" | ", cells)) + "\"");
            return;
        }
        RowCells columns = RowCells.of(cells);
        if (columns.shortRowNote() != null) {
            warn(lineNumber, WarningCode.FUSED_CELLS, columns.shortRowNote());
        }
        if (!columns.extraCells().isEmpty()) {
            warn(lineNumber, WarningCode.EXTRA_CELLS, "cells after the 6th were not read: \"" + columns.extraCells() + "\"");
        }
        rows.add(row(rows.size(), lineNumber, columns));
        last = columns;
    }

    private ChangeRow row(int rowIndex, int lineNumber, RowCells columns) {
        String explanation = AnnexText.stripTags(columns.explanation());
        String dateText = AnnexText.stripTags(columns.date());
        return new ChangeRow(rowIndex, lineNumber, date(lineNumber, dateText), dateText,
                AnnexText.stripTags(columns.item()),
                columns.before() == null ? ChangeText.missing() : ChangeText.of(columns.before()),
                ChangeText.of(columns.after()), timing(lineNumber, columns.timing()), explanation,
                ReasonCode.suggestFor(explanation));
    }

    /**
     * A line whose 変更日 and 項目 are empty but whose other cells hold text, right after a change row: the rest of
     * that row, whose cells a page break cut (a PDF-to-text extraction prints each page's part of a row as a line;
     * the page's marks and the repeated heading and header row between them are layout). A change row always has a
     * 項目. A line whose 提出時期 is filled after a row whose 提出時期 is filled is not such a rest: one change
     * printed over several rows leaves 変更日 and 項目 blank on its follow-on rows (DOMAIN §4.6), and each of them
     * has its own 提出時期; it stays a row of its own (MISSING_DATE), as before page breaks were joined.
     */
    private boolean continuesLastRow(List<String> cells) {
        return last != null && cells.size() >= MIN_CELLS && AnnexText.key(cells.get(0)).isEmpty()
                && AnnexText.key(cells.get(1)).isEmpty()
                && cells.subList(2, cells.size()).stream().anyMatch(cell -> !AnnexText.key(cell).isEmpty())
                && !(hasTiming(last) && hasTiming(RowCells.of(cells)));
    }

    /**
     * A line right after a page break whose 変更日 is empty and whose 項目 is not, following a row that has its
     * 提出時期, while the line has none: the rest of that row, whose 項目 cell (and maybe others) the page break cut
     * ("Ⅱ 特定個人情報ファイルの概要 3. 特定個人情報の" | page mark | "入手・使用 ④使用の主体"). A row of its own
     * without a date prints its own 提出時期 (and is not joined: {@code AnnexPageBreakTest}). A real row may also
     * lack both 変更日 and 提出時期 (DOMAIN §4.6, 002 and 004), so a line whose 項目 starts an item path of its own
     * ({@link ParsedPath#startsAPath}: "Ⅰ 5 ②", "(別添1)", "2-3") stays a row however the line before it ends.
     */
    private boolean continuesItemOverPageBreak(List<String> cells) {
        return afterPageBreak && last != null && cells.size() >= MIN_CELLS && AnnexText.key(cells.get(0)).isEmpty()
                && !AnnexText.key(cells.get(1)).isEmpty() && hasTiming(last) && !hasTiming(RowCells.of(cells))
                && !ParsedPath.startsAPath(AnnexText.stripTags(cells.get(1)));
    }

    private static boolean hasTiming(RowCells cells) {
        return cells.timing() != null && !AnnexText.key(cells.timing()).isEmpty();
    }

    /** Appends each cell of the continuation to the same cell of the last row and reads that row again. */
    private void continueLastRow(int lineNumber, RowCells rest) {
        ChangeRow previous = rows.get(rows.size() - 1);
        RowCells joined = new RowCells(last.date(), joined(last.item(), rest.item()),
                joined(last.before(), rest.before()), joined(last.after(), rest.after()),
                joined(last.timing(), rest.timing()), joined(last.explanation(), rest.explanation()),
                last.shortRowNote(), last.extraCells());
        int warnings = this.warnings.size();
        ChangeRow again = row(previous.rowIndex(), previous.lineNumber(), joined);
        List<ParseWarning> given = this.warnings.subList(0, warnings).stream()
                .filter(w -> w.lineNumber() == previous.lineNumber()).toList();
        this.warnings.subList(warnings, this.warnings.size())
                .removeIf(given::contains);             // the row's own warnings were given once; new ones stay
        rows.set(rows.size() - 1, again);
        last = joined;
        warn(lineNumber, WarningCode.ROW_CONTINUED, "the rest of the row of line " + previous.lineNumber()
                + " after a page break: its cells were appended to that row's");
    }

    /** A cell and its continuation, as one text: a page break cuts a cell anywhere, so nothing is put between. */
    private static String joined(String first, String rest) {
        if (first == null) {
            return rest;
        }
        return rest == null ? first : first + rest;
    }

    ChangeAnnex result() {
        return new ChangeAnnex(rowsRead, rows, warnings);
    }

    private LocalDate date(int lineNumber, String text) {
        if (text.isEmpty()) {
            warn(lineNumber, WarningCode.MISSING_DATE, "変更日 is empty");
            return null;
        }
        Optional<LocalDate> date = dates.computeIfAbsent(text, JapaneseDates::parse);
        if (date.isEmpty()) {
            warn(lineNumber, WarningCode.UNPARSEABLE_DATE, "変更日 \"" + AnnexText.preview(text) + "\" is not a date");
        }
        return date.orElse(null);
    }

    private SubmissionTiming timing(int lineNumber, String cell) {
        Optional<SubmissionTiming> timing = SubmissionTiming.fromCell(cell);
        if (timing.isEmpty() && !AnnexText.key(cell).isEmpty()) {
            warn(lineNumber, WarningCode.UNKNOWN_TIMING,
                    "提出時期 \"" + AnnexText.preview(cell) + "\" is neither 事前 nor 事後; read as unknown");
        }
        return timing.orElse(null);
    }

    private void warn(int lineNumber, WarningCode code, String message) {
        warnings.add(new ParseWarning(lineNumber, code, message));
    }
}
