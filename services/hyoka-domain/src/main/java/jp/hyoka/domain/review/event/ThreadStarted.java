package jp.hyoka.domain.review.event;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.review.ThreadAnchor;
import jp.hyoka.domain.review.ThreadId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;

/** Someone raised a point (指摘) on an item, an entry or the whole document; {@code text} is sanitised rich text. */
public record ThreadStarted(ThreadId threadId, AssessmentId assessmentId, MunicipalityCode tenant, ThreadAnchor anchor,
                            String text, Actor by, Instant at) implements ReviewThreadEvent {
}
