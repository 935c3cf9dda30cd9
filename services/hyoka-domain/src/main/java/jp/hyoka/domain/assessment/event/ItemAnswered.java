package jp.hyoka.domain.assessment.event;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.util.List;

/**
 * An item of the 評価書 was given an answer. {@code previousAnswer} (null when the item was unanswered) is kept in
 * the fact itself so that the audit trail and the 変更箇所 annex can show 変更前 and 変更後 from one event.
 */
public record ItemAnswered(AssessmentId assessmentId, MunicipalityCode tenant, ItemId itemId, List<String> entries,
                           Answer previousAnswer,
                           Answer answer, String reason, Actor by, Instant at) implements AssessmentEvent {
    public ItemAnswered {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
