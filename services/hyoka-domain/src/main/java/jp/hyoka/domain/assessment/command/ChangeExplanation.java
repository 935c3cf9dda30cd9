package jp.hyoka.domain.assessment.command;

import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.importing.annex.SubmissionTiming;

import java.util.List;

/**
 * What the municipality says about one change when publishing: its 提出時期 (null: the default, 事前 for an item
 * marked 重要な変更 and 事後 otherwise) and the 提出時期に係る説明, which is required.
 */
public record ChangeExplanation(ItemId itemId, List<String> entries, SubmissionTiming timing, String explanation) {
    public ChangeExplanation {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
