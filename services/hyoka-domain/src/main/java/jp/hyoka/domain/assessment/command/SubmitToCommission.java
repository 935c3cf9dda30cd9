package jp.hyoka.domain.assessment.command;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** Record the 個人情報保護委員会への提出 of the 評価書 on {@code submittedOn}. */
public record SubmitToCommission(AssessmentId assessmentId, MunicipalityCode tenant, long expectedRevision, LocalDate submittedOn,
        String reason, Actor by, Instant at) implements RevisionedCommand {
    public SubmitToCommission {
        Objects.requireNonNull(assessmentId, "assessmentId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
