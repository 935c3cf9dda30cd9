package jp.hyoka.domain.assessment.command;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.util.Objects;

/** Begin the next version of a published 評価書, to change it. */
public record StartNextVersion(AssessmentId assessmentId, MunicipalityCode tenant, long expectedRevision,
                               String reason, Actor by, Instant at) implements RevisionedCommand {
    public StartNextVersion {
        Objects.requireNonNull(assessmentId, "assessmentId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
