package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.assessment.event.SubmittedToCommission;
import jp.hyoka.domain.assessment.event.ThirdPartyReviewRecorded;
import jp.hyoka.domain.form.DateAnswer;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.ProcedureStepMissing;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static jp.hyoka.domain.assessment.AssessmentFixtures.*;
import static jp.hyoka.domain.assessment.ProcedureFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** 第三者点検 (VI 3) after the comment period, then 提出 to the 委員会, each dated no earlier than the step before. */
class ThirdPartyReviewProcedureTest {

    private static final LocalDate JULY_1 = LocalDate.of(2025, 7, 1);
    private static final LocalDate JULY_15 = LocalDate.of(2025, 7, 15);

    private final DeciderSpec spec = ProcedureFixtures.spec();

    private static AssessmentEvent[] commentClosed(FormKind kind) {
        AssessmentEvent[] history = started(kind);
        history = taken(history, open(history, JUNE_1, JUNE_1.plusDays(29), null));
        return taken(history, close(history, JULY_1, "意見なし", null));
    }

    @Test
    void givenAClosedCommentPeriod_whenTheReviewIsRecorded_thenVI3IsAnsweredWithDateBodyAndMethodAndResult() {
        AssessmentEvent[] closed = commentClosed(FormKind.ALL_ITEMS);

        spec.given(closed).when(review(closed, JULY_15));

        spec.thenEvents(new ThirdPartyReviewRecorded(ALL_ID, KAWASAKI, 1, JULY_15, "川崎市情報公開運営審議会",
                        "評価書の記載内容について審議", "適合している", null, YAMADA, T1),
                new ItemAnswered(ALL_ID, KAWASAKI, REVIEWED_ON, List.of(), null, new DateAnswer(JULY_15), null, YAMADA, T1),
                new ItemAnswered(ALL_ID, KAWASAKI, REVIEW_METHOD, List.of(), null,
                        new RichTextAnswer("<p>川崎市情報公開運営審議会</p><p>評価書の記載内容について審議</p>"), null, YAMADA, T1),
                new ItemAnswered(ALL_ID, KAWASAKI, REVIEW_RESULT, List.of(), null, new RichTextAnswer("<p>適合している</p>"),
                        null, YAMADA, T1));
    }

    @Test
    void givenAnAllItemsDraftWithTheCommentStillOpen_whenTheReviewIsRecorded_thenItIsRefusedNamingTheClosing() {
        AssessmentEvent[] history = started(FormKind.ALL_ITEMS);
        history = taken(history, open(history, JUNE_1, JUNE_1.plusDays(29), null));

        spec.given(history).when(review(history, JULY_15));

        assertThat(spec.thenRejected(ProcedureStepMissing.class).step()).isEqualTo("PUBLIC_COMMENT_CLOSED");
    }

    @Test
    void givenAClosedCommentPeriod_whenTheReviewIsDatedBeforeTheClosing_thenItIsRefused() {
        AssessmentEvent[] closed = commentClosed(FormKind.ALL_ITEMS);

        spec.given(closed).when(review(closed, JULY_1.minusDays(1)));

        assertThat(spec.thenRejected(InvalidInput.class).field()).isEqualTo("performedOn");
    }

    @Test
    void givenAKeyItemsDraft_whenTheOptionalReviewIsRecordedWithoutAComment_thenItIsAccepted() {
        AssessmentEvent[] key = started(FormKind.KEY_ITEMS);

        spec.given(key).when(review(key, JULY_15));

        assertThat(spec.thenProduced()).first().isInstanceOf(ThirdPartyReviewRecorded.class);
    }

    @Test
    void givenAReview_whenSubmittedToTheCommission_thenTheSubmissionIsRecorded() {
        AssessmentEvent[] reviewed = commentClosed(FormKind.ALL_ITEMS);
        reviewed = taken(reviewed, review(reviewed, JULY_15));

        spec.given(reviewed).when(submit(reviewed, LocalDate.of(2025, 8, 1)));

        spec.thenEvents(new SubmittedToCommission(ALL_ID, KAWASAKI, 1, LocalDate.of(2025, 8, 1), null, YAMADA, T1));
    }

    @Test
    void givenNoReview_whenSubmittedToTheCommission_thenItIsRefusedNamingTheReview() {
        AssessmentEvent[] closed = commentClosed(FormKind.ALL_ITEMS);

        spec.given(closed).when(submit(closed, LocalDate.of(2025, 8, 1)));

        assertThat(spec.thenRejected(ProcedureStepMissing.class).step()).isEqualTo("THIRD_PARTY_REVIEW");
    }
}
