package jp.hyoka.domain.importing.annex;

/** The kinds of {@link ParseWarning}. */
public enum WarningCode {
    /** The input has no 変更箇所 annex: no heading followed by the column header row, and no header row alone. */
    ANNEX_NOT_FOUND,
    /** A line inside the annex that is not a change row (fewer than five cells, e.g. a 別紙 table after the annex). */
    NOT_A_CHANGE_ROW,
    /** A row with five cells instead of six: the exporter fused or dropped one; the message says how it was read. */
    FUSED_CELLS,
    /** A row with more than six cells, the extra ones not empty; their text is in the message. */
    EXTRA_CELLS,
    /** The 変更日 cell is empty. */
    MISSING_DATE,
    /** The 変更日 cell is not a date, or an impossible one (平成31年5月1日). */
    UNPARSEABLE_DATE,
    /** The 提出時期 cell is neither blank nor 事前/事後 (e.g. "----"). */
    UNKNOWN_TIMING,
    /**
     * A line with empty 変更日 and 項目 after a change row: the rest of that row after a page break, appended to it
     * (not a row of its own, and not counted in {@link ChangeAnnex#rowsRead}).
     */
    ROW_CONTINUED
}
