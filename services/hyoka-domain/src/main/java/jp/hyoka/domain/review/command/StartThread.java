package jp.hyoka.domain.review.command;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.review.ThreadAnchor;
import jp.hyoka.domain.review.ThreadId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;

/** Raise a point on an assessment's item, entry or whole document, with its first comment (rich text). */
public record StartThread(ThreadId threadId, AssessmentId assessmentId, MunicipalityCode tenant, ThreadAnchor anchor,
                          String text, Actor by, Instant at) implements ReviewThreadCommand {
}
