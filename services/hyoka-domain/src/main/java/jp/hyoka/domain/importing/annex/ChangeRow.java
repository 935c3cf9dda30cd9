package jp.hyoka.domain.importing.annex;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of the 変更箇所 table. The historic text is kept as written, because the same change is described in
 * many inconsistent ways (DOMAIN.md §4.4) and an author must be able to see what the document said; the
 * interpretations (date, text kind, timing, reason) sit next to it.
 *
 * <p>Several rows may describe one logical change (same 変更日 and 項目, split over rows): they are ordered fragments,
 * not a key (DOMAIN.md §4.6).
 *
 * @param rowIndex      0-based position among the rows of the annex, in source order
 * @param lineNumber    1-based line of the source
 * @param changedOn     the 変更日, or {@code null} when the cell is empty or not a date (a warning says which)
 * @param changedOnText the 変更日 cell as written with HTML tags removed (a plain cell: "&lt;p&gt;令和1年6月18日&lt;/p&gt;"
 *                      is stored as "令和1年6月18日"), e.g. "令和1年6月18日"
 * @param itemPath      the 項目 cell with HTML tags removed, otherwise as written
 * @param before        the 変更前の記載
 * @param after         the 変更後の記載
 * @param timing        the 提出時期, or {@code null} when blank or unreadable
 * @param explanation   the 提出時期に係る説明 with HTML tags removed; empty when blank
 * @param reason        the reason code the explanation suggests; {@link ReasonCode#NONE} when it is empty
 */
public record ChangeRow(int rowIndex, int lineNumber, LocalDate changedOn, String changedOnText, String itemPath,
                        ChangeText before, ChangeText after, SubmissionTiming timing, String explanation,
                        ReasonCode reason) {

    public ChangeRow {
        Objects.requireNonNull(changedOnText, "changedOnText");
        Objects.requireNonNull(itemPath, "itemPath");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(reason, "reason");
    }
}
