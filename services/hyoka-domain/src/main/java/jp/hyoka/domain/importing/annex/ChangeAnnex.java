package jp.hyoka.domain.importing.annex;

import java.util.List;
import java.util.Objects;

/**
 * The parsed 変更箇所 annex.
 *
 * @param rowsRead the content lines of the annex, i.e. every line that is not blank, a heading, the column header,
 *                 a separator, a page mark or the rest of a row a page break cut ({@link WarningCode#ROW_CONTINUED}). Each one became either a row or a {@link WarningCode#NOT_A_CHANGE_ROW} warning,
 *                 so {@code rowsRead == rows.size() + (NOT_A_CHANGE_ROW warnings)}: nothing is dropped silently.
 * @param rows     the change rows in source order ({@link ChangeRow#rowIndex()} 0, 1, 2 …)
 * @param warnings everything that was read with doubt or not at all, in source order
 */
public record ChangeAnnex(int rowsRead, List<ChangeRow> rows, List<ParseWarning> warnings) {

    public ChangeAnnex {
        rows = List.copyOf(Objects.requireNonNull(rows, "rows"));
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
    }

    /** The warnings of one kind, e.g. to show "3 rows with fused cells" in an import summary. */
    public List<ParseWarning> warnings(WarningCode code) {
        return warnings.stream().filter(warning -> warning.code() == code).toList();
    }
}
