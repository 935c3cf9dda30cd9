package jp.hyoka.domain.components;

import jp.hyoka.domain.importing.annex.SubmissionTiming;

import java.time.LocalDate;
import java.util.List;

/**
 * What one version of a shared component says, and what adopting it means for a municipality's document.
 *
 * @param text          the text in the rich-text subset, with slot, number and heading markers ({@link ComponentText})
 * @param effectiveFrom the day the issuer's new measure applies
 * @param note          for municipalities: why this version exists (e.g. J-LISからの通知: ISMAP クラウドへの移行)
 * @param timing        the default 提出時期 of the 変更箇所 row that adopting this version produces
 * @param explanation   the default 説明 of that row, e.g. 中間サーバー・プラットフォームの更改に伴う変更
 * @param slots         the local values the text asks for, each used in the text
 * @param rendering     the printing style this version suggests; a document may print it otherwise
 */
public record VersionContent(String text, LocalDate effectiveFrom, String note, SubmissionTiming timing,
                             String explanation, List<Slot> slots, RenderingOptions rendering) {
    public VersionContent {
        slots = slots == null ? List.of() : List.copyOf(slots);
    }
}
