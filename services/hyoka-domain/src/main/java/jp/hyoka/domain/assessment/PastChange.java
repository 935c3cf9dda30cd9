package jp.hyoka.domain.assessment;

import java.time.LocalDate;

/**
 * One row of a published 変更箇所 annex, taken over as part of an assessment's past: when (変更日), which item (項目,
 * as written, and its item id where it could be resolved), 変更前 and 変更後 (text and kind: EMPTY, TEXT, DELETED …),
 * 提出時期 (BEFORE = 事前, AFTER = 事後, or null when the document left it blank) and the explanation with its reason
 * code. Values are kept as the document wrote them: the past is recorded, not reinterpreted.
 */
public record PastChange(int rowIndex, int sourceLine, LocalDate changedOn, String changedOnText, String itemPath,
                         String itemId, String beforeKind, String before, String afterKind, String after,
                         String timing, String explanation, String reasonCode) {
}
