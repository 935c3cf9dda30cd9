package jp.hyoka.domain.assessment.event;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.util.List;

/** The answer of an item was removed; the item reads as unanswered again. */
public record ItemAnswerCleared(AssessmentId assessmentId, MunicipalityCode tenant, ItemId itemId, List<String> entries,
                                Answer previousAnswer, String reason, Actor by, Instant at) implements AssessmentEvent {
    public ItemAnswerCleared {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
