package jp.hyoka.domain.assessment.command;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** Record the 第三者点検: when (VI 3 ①), by which body and how (VI 3 ②), and its result (VI 3 ③). */
public record RecordThirdPartyReview(AssessmentId assessmentId, MunicipalityCode tenant, long expectedRevision, LocalDate performedOn, String body, String method, String result,
        String reason, Actor by, Instant at) implements RevisionedCommand {
    public RecordThirdPartyReview {
        Objects.requireNonNull(assessmentId, "assessmentId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
