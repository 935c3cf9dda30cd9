package jp.hyoka.domain.assessment.command;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.util.Objects;

/**
 * Move an assessment to another revision of its form (e.g. the 5情報 revision). Assessments never change revision
 * on their own; this explicit edit reports what the move changed.
 */
public record MigrateFormRevision(AssessmentId assessmentId, MunicipalityCode tenant, long expectedRevision,
                                  String version, String reason, Actor by, Instant at) implements RevisionedCommand {
    public MigrateFormRevision {
        Objects.requireNonNull(assessmentId, "assessmentId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
