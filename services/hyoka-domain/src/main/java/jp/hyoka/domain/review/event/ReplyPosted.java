package jp.hyoka.domain.review.event;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.review.ThreadId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;

/** Someone answered in a thread; {@code text} is sanitised rich text. */
public record ReplyPosted(ThreadId threadId, AssessmentId assessmentId, MunicipalityCode tenant, String text, Actor by,
                          Instant at) implements ReviewThreadEvent {
}
