package jp.hyoka.domain.assessment.command;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.util.Objects;

/**
 * Start writing a new 評価書 of the given kind for a named 事務, on the current revision of its form, or on the
 * revision named by {@code formVersion} (to continue a document written under an earlier 様式).
 */
public record StartAssessment(AssessmentId assessmentId, MunicipalityCode tenant, FormKind kind, String affairName,
                              Actor by, Instant at, String formVersion) implements AssessmentCommand {
    public StartAssessment {
        Objects.requireNonNull(assessmentId, "assessmentId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }

    /** On the current revision. */
    public StartAssessment(AssessmentId assessmentId, MunicipalityCode tenant, FormKind kind, String affairName,
                           Actor by, Instant at) {
        this(assessmentId, tenant, kind, affairName, by, at, null);
    }
}
