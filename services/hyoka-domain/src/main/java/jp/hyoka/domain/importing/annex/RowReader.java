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

    void read(int lineNumber, List<String> cells) {
        rowsRead++;
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
        String explanation = AnnexText.stripTags(columns.explanation());
        String dateText = AnnexText.stripTags(columns.date());
        rows.add(new ChangeRow(rows.size(), lineNumber, date(lineNumber, dateText), dateText,
                AnnexText.stripTags(columns.item()),
                columns.before() == null ? ChangeText.missing() : ChangeText.of(columns.before()),
                ChangeText.of(columns.after()), timing(lineNumber, columns.timing()), explanation,
                ReasonCode.suggestFor(explanation)));
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
