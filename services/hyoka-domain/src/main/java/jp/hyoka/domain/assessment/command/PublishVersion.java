package jp.hyoka.domain.assessment.command;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Publish the draft as it stands, on 公表日 {@code publishedOn}, explaining each change against the version published
 * before it (see the pending changes; a first publication has none).
 */
public record PublishVersion(AssessmentId assessmentId, MunicipalityCode tenant, long expectedRevision,
                             LocalDate publishedOn, List<ChangeExplanation> explanations, String reason, Actor by,
                             Instant at) implements RevisionedCommand {
    public PublishVersion {
        Objects.requireNonNull(assessmentId, "assessmentId");
        Objects.requireNonNull(tenant, "tenant");
        explanations = explanations == null ? List.of() : List.copyOf(explanations);
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
