package jp.hyoka.domain.review;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.review.event.ReplyPosted;
import jp.hyoka.domain.review.event.ReviewThreadEvent;
import jp.hyoka.domain.review.event.ThreadResolved;
import jp.hyoka.domain.review.event.ThreadStarted;
import jp.hyoka.domain.shared.MunicipalityCode;

/** A review thread as its decider needs it: whose, about what, whether resolved, how many comments. */
public record ReviewThread(ThreadId id, AssessmentId assessmentId, MunicipalityCode tenant, ThreadAnchor anchor,
                           boolean resolved, int comments) {

    public static ReviewThread begin(ThreadStarted started) {
        return new ReviewThread(started.threadId(), started.assessmentId(), started.tenant(), started.anchor(),
                false, 1);
    }

    public ReviewThread evolve(ReviewThreadEvent event) {
        if (event instanceof ThreadStarted started) {
            return begin(started);
        }
        if (event instanceof ReplyPosted) {
            return new ReviewThread(id, assessmentId, tenant, anchor, resolved, comments + 1);
        }
        return new ReviewThread(id, assessmentId, tenant, anchor, event instanceof ThreadResolved, comments);
    }
}
