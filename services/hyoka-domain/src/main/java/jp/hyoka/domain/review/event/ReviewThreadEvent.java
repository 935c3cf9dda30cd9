package jp.hyoka.domain.review.event;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.review.ThreadId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;

/**
 * A fact of a review thread. Every one names its assessment and municipality ({@code tenant}, which also puts it on
 * the municipality's hash chain), who and when.
 */
public sealed interface ReviewThreadEvent permits ThreadStarted, ReplyPosted, ThreadResolved, ThreadReopened {
    ThreadId threadId();

    AssessmentId assessmentId();

    MunicipalityCode tenant();

    Actor by();

    Instant at();
}
