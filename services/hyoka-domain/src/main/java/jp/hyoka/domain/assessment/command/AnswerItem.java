package jp.hyoka.domain.assessment.command;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Set the answer of one item, addressed by its stable id. */
public record AnswerItem(AssessmentId assessmentId, MunicipalityCode tenant, long expectedRevision, ItemId itemId,
                         List<String> entries,
                         Answer answer, String reason, Actor by, Instant at) implements RevisionedCommand {
    public AnswerItem {
        Objects.requireNonNull(assessmentId, "assessmentId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(itemId, "itemId");
        entries = entries == null ? List.of() : List.copyOf(entries);
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
