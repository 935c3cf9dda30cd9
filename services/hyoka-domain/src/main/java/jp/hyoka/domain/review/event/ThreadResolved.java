package jp.hyoka.domain.review.event;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.review.ThreadId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;

/** The point raised in a thread was settled (対応済み). */
public record ThreadResolved(ThreadId threadId, AssessmentId assessmentId, MunicipalityCode tenant, Actor by,
                             Instant at) implements ReviewThreadEvent {
}
