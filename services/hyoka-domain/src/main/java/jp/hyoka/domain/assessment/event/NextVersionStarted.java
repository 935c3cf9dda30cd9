package jp.hyoka.domain.assessment.event;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;

/** Work on version {@code version} began: the published version before it stays as published, frozen. */
public record NextVersionStarted(AssessmentId assessmentId, MunicipalityCode tenant, int version, String reason,
                                 Actor by, Instant at) implements AssessmentEvent {
}
