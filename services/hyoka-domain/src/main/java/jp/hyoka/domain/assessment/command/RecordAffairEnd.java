package jp.hyoka.domain.assessment.command;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Record that the 事務 the assessment covers ended on {@code endedOn} (DOMAIN.md §3.4: the 委員会 is told, the
 * 評価書名 is marked 【…終了】, and the document stays published for three more years). Recording again corrects the
 * date.
 */
public record RecordAffairEnd(AssessmentId assessmentId, MunicipalityCode tenant, long expectedRevision,
                              LocalDate endedOn, String reason, Actor by, Instant at) implements RevisionedCommand {
    public RecordAffairEnd {
        Objects.requireNonNull(assessmentId, "assessmentId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
