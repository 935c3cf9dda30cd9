package jp.hyoka.domain.assessment.command;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.PastChange;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Take over the 変更箇所 rows of a published document as the assessment's past. {@code contentHash} identifies the
 * file: importing the same file again changes nothing.
 */
public record ImportPastChanges(AssessmentId assessmentId, MunicipalityCode tenant, long expectedRevision,
                                String sourceName, String contentHash, List<PastChange> changes, String reason,
                                Actor by, Instant at) implements RevisionedCommand {
    public ImportPastChanges {
        Objects.requireNonNull(assessmentId, "assessmentId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(contentHash, "contentHash");
        changes = List.copyOf(changes);
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
