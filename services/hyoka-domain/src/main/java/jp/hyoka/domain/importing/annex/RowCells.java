package jp.hyoka.domain.importing.annex;

import java.util.List;

/**
 * The six columns of a change row as they stand in the source, after deciding how a short row maps onto them.
 *
 * <p>Five-cell rows occur when the exporter fused or dropped a cell (DOMAIN.md §4.6; 004). Where the 事前/事後 cell
 * sits tells which side lost a cell:
 * <ul>
 *   <li>提出時期 in the 4th cell: one of 項目, 変更前, 変更後 is gone. In the samples either 項目 and 変更前 were fused,
 *       or 変更前 and 変更後 were, or 変更前 is missing and 項目 says "(記述の追加)" — in every case the cell before
 *       提出時期 holds the new text, so it is read as 変更後 and 変更前 is {@link ChangeTextKind#MISSING};</li>
 *   <li>otherwise the first four columns stand, and the 5th cell is 提出時期 if it looks like one (事前/事後, blank,
 *       dashes), else the explanation with 提出時期 missing.</li>
 * </ul>
 *
 * @param before        {@code null} when the row has no 変更前 cell
 * @param shortRowNote  how a short row was read, for the warning; {@code null} for a full row
 * @param extraCells    non-empty cells beyond the sixth, TAB-joined; empty when there are none
 */
record RowCells(String date, String item, String before, String after, String timing, String explanation,
                String shortRowNote, String extraCells) {

    /** Requires at least five cells. */
    static RowCells of(List<String> cells) {
        if (cells.size() >= 6) {
            String extra = String.join("\t", cells.subList(6, cells.size())).strip();
            return new RowCells(cells.get(0), cells.get(1), cells.get(2), cells.get(3), cells.get(4), cells.get(5),
                    null, extra);
        }
        if (SubmissionTiming.fromCell(cells.get(3)).isPresent()) {
            return new RowCells(cells.get(0), cells.get(1), null, cells.get(2), cells.get(3), cells.get(4),
                    "5 cells with 提出時期 in the 4th: 変更前の記載 is missing or fused into 項目 or 変更後の記載;"
                            + " the 3rd cell was read as 変更後の記載", "");
        }
        if (looksLikeTiming(cells.get(4))) {
            return new RowCells(cells.get(0), cells.get(1), cells.get(2), cells.get(3), cells.get(4), "",
                    "5 cells: read as 変更日, 項目, 変更前, 変更後, 提出時期; 提出時期に係る説明 is missing", "");
        }
        return new RowCells(cells.get(0), cells.get(1), cells.get(2), cells.get(3), "", cells.get(4),
                "5 cells: read as 変更日, 項目, 変更前, 変更後, 提出時期に係る説明; 提出時期 is missing", "");
    }

    private static boolean looksLikeTiming(String cell) {
        String key = AnnexText.key(cell);
        return key.isEmpty() || SubmissionTiming.fromCell(cell).isPresent() || AnnexText.isDashes(key);
    }
}
