package jp.hyoka.domain.assessment.command;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.util.Objects;

/** Withhold a person's data (the exact text) wherever this assessment shows it, now and in its past. */
public record RedactPersonalData(AssessmentId assessmentId, MunicipalityCode tenant, long expectedRevision, String text,
                                 String reason, Actor by, Instant at) implements RevisionedCommand {
    public RedactPersonalData {
        Objects.requireNonNull(assessmentId, "assessmentId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
