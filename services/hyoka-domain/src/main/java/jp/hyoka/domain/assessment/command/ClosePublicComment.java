package jp.hyoka.domain.assessment.command;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** Close 住民等の意見聴取 on {@code closedOn}, with the main opinions received (VI 2 ④) and how the 評価書 reflects them (VI 2 ⑤). */
public record ClosePublicComment(AssessmentId assessmentId, MunicipalityCode tenant, long expectedRevision, LocalDate closedOn, String opinions, String reflection,
        String reason, Actor by, Instant at) implements RevisionedCommand {
    public ClosePublicComment {
        Objects.requireNonNull(assessmentId, "assessmentId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
