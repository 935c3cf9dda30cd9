package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.command.AnswerItem;
import jp.hyoka.domain.assessment.command.ChangeExplanation;
import jp.hyoka.domain.assessment.command.PublishVersion;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.VersionPublished;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.NumberAnswer;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.importing.annex.SubmissionTiming;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.ProcedureStepMissing;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static jp.hyoka.domain.assessment.AssessmentFixtures.*;
import static jp.hyoka.domain.assessment.ProcedureFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishing waits for the required steps of the kind's procedure: a 全項目 first version, and a 全項目 next version
 * that is a re-assessment (重要な変更); a correction, and every 重点/基礎 version, wait for nothing.
 */
class ProcedurePublicationTest {

    private static final LocalDate PUBLISHED = LocalDate.of(2025, 9, 1);

    private final DeciderSpec spec = ProcedureFixtures.spec();

    @Test
    void givenAnAllItemsDraftWithNoStep_whenPublished_thenItIsRefusedNamingTheFirstStep() {
        AssessmentEvent[] draft = started(FormKind.ALL_ITEMS);

        spec.given(draft).when(publish(draft, PUBLISHED));

        assertThat(spec.thenRejected(ProcedureStepMissing.class).step()).isEqualTo("PUBLIC_COMMENT_OPENED");
    }

    @Test
    void givenAnAllItemsDraftReviewedButNotSubmitted_whenPublished_thenItIsRefusedNamingTheSubmission() {
        AssessmentEvent[] all = allStepsTaken(FormKind.ALL_ITEMS);
        AssessmentEvent[] notSubmitted = java.util.Arrays.copyOf(all, all.length - 1);

        spec.given(notSubmitted).when(publish(notSubmitted, PUBLISHED));

        ProcedureStepMissing refused = spec.thenRejected(ProcedureStepMissing.class);
        assertThat(refused.step()).isEqualTo("SUBMITTED_TO_COMMISSION");
        assertThat(refused.code()).isEqualTo("PROCEDURE_STEP_MISSING");
    }

    @Test
    void givenAnAllItemsDraftThroughEveryStep_whenPublished_thenItIsPublished() {
        AssessmentEvent[] all = allStepsTaken(FormKind.ALL_ITEMS);

        spec.given(all).when(publish(all, PUBLISHED));

        assertThat(spec.thenProduced()).last().isInstanceOf(VersionPublished.class);
    }

    @Test
    void givenAnAllItemsDraftSubmittedOnTheFirstOfAugust_whenPublishedTheDayBefore_thenRefusedAsInvalid() {
        AssessmentEvent[] all = allStepsTaken(FormKind.ALL_ITEMS);

        spec.given(all).when(publish(all, LocalDate.of(2025, 7, 31)));

        assertThat(spec.thenRejected(InvalidInput.class).field()).isEqualTo("publishedOn");
    }

    @Test
    void givenAKeyItemsDraftWithNoStep_whenPublished_thenItIsPublished() {
        AssessmentEvent[] draft = started(FormKind.KEY_ITEMS);

        spec.given(draft).when(publish(draft, PUBLISHED));

        assertThat(spec.thenProduced()).last().isInstanceOf(VersionPublished.class);
    }

    @Test
    void givenANextAllItemsVersionWithAnImportantChange_whenPublishedWithoutTheSteps_thenItIsRefused() {
        AssessmentEvent[] next = nextVersionChanging(POPULATION, new ChoiceAnswer("300k-plus"));

        spec.given(next).when(explainedPublish(next, POPULATION));

        assertThat(spec.thenRejected(ProcedureStepMissing.class).step()).isEqualTo("PUBLIC_COMMENT_OPENED");
    }

    @Test
    void givenANextAllItemsVersionWithOnlyACorrection_whenPublished_thenItIsPublishedWithoutTheSteps() {
        AssessmentEvent[] next = nextVersionChanging(PROVISION_COUNT, new NumberAnswer(3));

        spec.given(next).when(explainedPublish(next, PROVISION_COUNT));

        assertThat(spec.thenProduced()).last().isInstanceOf(VersionPublished.class);
    }

    @Test
    void givenANextAllItemsVersionWithAnImportantChangeTheApproverPublishesAfterwards_whenPublished_thenNoStepIsNeeded() {
        AssessmentEvent[] next = nextVersionChanging(POPULATION, new ChoiceAnswer("300k-plus"));

        spec.given(next).when(new PublishVersion(ALL_ID, KAWASAKI, revision(next), PUBLISHED.plusMonths(1),
                List.of(new ChangeExplanation(POPULATION, List.of(), SubmissionTiming.AFTER,
                        "リスクを相当程度変動させるものではないと考えられる変更のため")), null, YAMADA, T2));

        assertThat(spec.thenProduced()).last().isInstanceOf(VersionPublished.class);
    }

    /** Version 1 published after every step, version 2 started (its progress empty) and one item changed. */
    private static AssessmentEvent[] nextVersionChanging(ItemId item, Answer answer) {
        AssessmentEvent[] history = allStepsTaken(FormKind.ALL_ITEMS);
        history = taken(history, publish(history, PUBLISHED));
        history = taken(history, next(history));
        assertThat(DeciderSpec.fold(history).procedure().doneOn()).as("a next version starts afresh").isEmpty();
        return taken(history, new AnswerItem(ALL_ID, KAWASAKI, revision(history), item, List.of(), answer, null,
                YAMADA, T2));
    }

    private static PublishVersion explainedPublish(AssessmentEvent[] history, ItemId changed) {
        return new PublishVersion(ALL_ID, KAWASAKI, revision(history), PUBLISHED.plusMonths(1),
                List.of(new ChangeExplanation(changed, List.of(), null, "見直し")), null, YAMADA, T2);
    }
}
