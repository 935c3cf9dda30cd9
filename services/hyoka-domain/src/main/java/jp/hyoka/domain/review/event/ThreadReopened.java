package jp.hyoka.domain.review.event;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.review.ThreadId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;

/** A resolved thread was found not settled after all and is open again. */
public record ThreadReopened(ThreadId threadId, AssessmentId assessmentId, MunicipalityCode tenant, Actor by,
                             Instant at) implements ReviewThreadEvent {
}
