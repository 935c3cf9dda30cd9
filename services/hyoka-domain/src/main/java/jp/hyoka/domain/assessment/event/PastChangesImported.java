package jp.hyoka.domain.assessment.event;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.PastChange;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.util.List;

/**
 * The 変更箇所 rows of a published document (file {@code sourceName}, SHA-256 {@code contentHash}) were taken over as
 * the assessment's past, by {@code by}. Later change annexes and reports start from this real past.
 */
public record PastChangesImported(AssessmentId assessmentId, MunicipalityCode tenant, String sourceName,
                                  String contentHash, List<PastChange> changes, String reason, Actor by, Instant at)
        implements AssessmentEvent {
    public PastChangesImported {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
