package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.command.ChangeExplanation;
import jp.hyoka.domain.assessment.command.PublishVersion;
import jp.hyoka.domain.assessment.command.StartNextVersion;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.DocumentImported;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.assessment.event.NextVersionStarted;
import jp.hyoka.domain.assessment.event.VersionPublished;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.DateAnswer;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.NumberAnswer;
import jp.hyoka.domain.importing.annex.SubmissionTiming;
import jp.hyoka.domain.rejection.ExplanationRequired;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.VersionAlreadyPublished;
import jp.hyoka.domain.rejection.VersionNotPublished;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static jp.hyoka.domain.assessment.AssessmentFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Draft → publish → next version → publish with its 変更箇所 (DOMAIN.md §3.4, §3.6, §4). */
class PublishVersionTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 4, 1);
    private static final LocalDate SECOND_DAY = LocalDate.of(2025, 10, 1);

    private final DeciderSpec spec = DeciderSpec.onTestForms();

    /** Version 1 published with 対象人数 1,000人未満 and 3 提供先; version 2 started: 6 events, revision 6. */
    private static AssessmentEvent[] publishedThenNextStarted() {
        return new AssessmentEvent[]{
                startedKeyItemsAssessment(),
                answered(POPULATION, null, new ChoiceAnswer("under-1k"), T0),
                answered(PROVISION_COUNT, null, new NumberAnswer(3), T0),
                answered(PUBLISHED_ON, null, new DateAnswer(FIRST_DAY), T1),
                new VersionPublished(KEY_ID, KAWASAKI, 1, FIRST_DAY, List.of(), List.of(), null, YAMADA, T1),
                new NextVersionStarted(KEY_ID, KAWASAKI, 2, null, YAMADA, T1)};
    }

    @Test
    void givenAFirstDraft_whenPublished_thenVersionOneIsPublishedWithoutChangesAndTheCoverShowsTheDate() {
        spec.given(startedKeyItemsAssessment())
                .when(publish(1, FIRST_DAY));

        spec.thenEvents(answered(PUBLISHED_ON, null, new DateAnswer(FIRST_DAY), T2),
                new VersionPublished(KEY_ID, KAWASAKI, 1, FIRST_DAY, List.of(), List.of(), null, YAMADA, T2));
    }

    @Test
    void givenAPublishedVersion_whenAnItemIsAnswered_thenRefusedUntilTheNextVersionIsStarted() {
        AssessmentEvent[] history = java.util.Arrays.copyOf(publishedThenNextStarted(), 5);
        spec.given(history).when(answer(5, POPULATION, new ChoiceAnswer("1k-10k")));

        VersionAlreadyPublished refused = spec.thenRejected(VersionAlreadyPublished.class);
        assertThat(refused.version()).isEqualTo(1);
        assertThat(refused.publishedOn()).isEqualTo(FIRST_DAY);
    }

    @Test
    void givenAPublishedVersion_whenTheNextIsStarted_thenVersionTwoIsADraftThatTakesEdits() {
        spec.given(java.util.Arrays.copyOf(publishedThenNextStarted(), 5))
                .when(new StartNextVersion(KEY_ID, KAWASAKI, 5, "年次見直し", YAMADA, T2));
        spec.thenEvents(new NextVersionStarted(KEY_ID, KAWASAKI, 2, "年次見直し", YAMADA, T2));

        spec.given(publishedThenNextStarted()).when(answer(6, POPULATION, new ChoiceAnswer("1k-10k")));
        spec.thenSingleEvent(ItemAnswered.class);
    }

    @Test
    void givenADraft_whenTheNextVersionIsStarted_thenRefusedAsNotPublished() {
        spec.given(startedKeyItemsAssessment()).when(new StartNextVersion(KEY_ID, KAWASAKI, 1, null, YAMADA, T2));

        spec.thenRejected(VersionNotPublished.class);
    }

    @Test
    void givenEditsMadeAndUndone_whenPublished_thenOnlyTheNetChangeIsListedWithLabelsAndTheDefaultTiming() {
        spec.given(DeciderSpec.concat(publishedThenNextStarted(),
                        answered(PROVISION_COUNT, new NumberAnswer(3), new NumberAnswer(5), T1),
                        answered(PROVISION_COUNT, new NumberAnswer(5), new NumberAnswer(3), T1),
                        answered(POPULATION, new ChoiceAnswer("under-1k"), new ChoiceAnswer("1k-10k"), T1)))
                .when(publish(9, SECOND_DAY, explain(POPULATION, null, "対象者の増加に伴う変更")));

        VersionPublished published = (VersionPublished) spec.thenProduced().get(1);
        assertThat(published.version()).isEqualTo(2);
        assertThat(published.changes()).containsExactly(new PublishedChange(POPULATION, List.of(),
                "I 基本情報 対象人数", new ChoiceAnswer("under-1k"), new ChoiceAnswer("1k-10k"), "1,000人未満",
                "1,000人以上1万人未満", SubmissionTiming.BEFORE, "対象者の増加に伴う変更"));
    }

    @Test
    void givenAChangeOfAnItemNotMarkedImportant_whenPublished_thenItDefaultsToAfterUnlessSubmittedEarly() {
        AssessmentEvent[] history = DeciderSpec.concat(publishedThenNextStarted(),
                answered(PROVISION_COUNT, new NumberAnswer(3), new NumberAnswer(4), T1));

        spec.given(history).when(publish(7, SECOND_DAY, explain(PROVISION_COUNT, null, "軽微な修正")));
        assertThat(((VersionPublished) spec.thenProduced().get(1)).changes().get(0).timing())
                .isEqualTo(SubmissionTiming.AFTER);

        spec.given(history).when(publish(7, SECOND_DAY,
                explain(PROVISION_COUNT, SubmissionTiming.BEFORE, "事後で足りるものの任意に事前に提出。")));
        assertThat(((VersionPublished) spec.thenProduced().get(1)).changes().get(0).timing())
                .isEqualTo(SubmissionTiming.BEFORE);
    }

    @Test
    void givenAChangeWithoutExplanation_whenPublished_thenRefusedNamingEveryUnexplainedChange() {
        spec.given(DeciderSpec.concat(publishedThenNextStarted(),
                        answered(PROVISION_COUNT, new NumberAnswer(3), new NumberAnswer(4), T1),
                        answered(POPULATION, new ChoiceAnswer("under-1k"), new ChoiceAnswer("1k-10k"), T1)))
                .when(publish(8, SECOND_DAY, explain(POPULATION, null, "  ")));

        assertThat(spec.thenRejected(ExplanationRequired.class).changes())
                .containsExactly("affair.target-population", "provision.count");
    }

    @Test
    void givenAnExplanationOfAnUnchangedItem_whenPublished_thenRefusedAsInvalid() {
        spec.given(publishedThenNextStarted()).when(publish(6, SECOND_DAY, explain(POPULATION, null, "変更なし")));

        assertThat(spec.thenRejected(InvalidInput.class).field()).isEqualTo("explanations");
    }

    @Test
    void givenA公表日BeforeThePreviousOne_whenPublished_thenRefusedAsInvalid() {
        spec.given(publishedThenNextStarted()).when(publish(6, FIRST_DAY.minusDays(1)));

        assertThat(spec.thenRejected(InvalidInput.class).field()).isEqualTo("publishedOn");
    }

    @Test
    void givenAnImportedPublishedDocument_whenEdited_thenRefusedAsPublished() {
        spec.given(startedKeyItemsAssessment(), answered(PUBLISHED_ON, null, new DateAnswer(FIRST_DAY), T0),
                        new DocumentImported(KEY_ID, KAWASAKI, "004.txt", "hash", 10, 10, List.of(), null, YAMADA, T0))
                .when(answer(3, POPULATION, new ChoiceAnswer("1k-10k")));

        assertThat(spec.thenRejected(VersionAlreadyPublished.class).publishedOn()).isEqualTo(FIRST_DAY);
    }

    @Test
    void givenADraftWithChanges_whenPendingChangesAreAsked_thenTheyAreWhatPublishingWouldList() {
        Assessment draft = DeciderSpec.fold(DeciderSpec.concat(publishedThenNextStarted(),
                cleared(PROVISION_COUNT, new NumberAnswer(3), T1)));

        assertThat(decider().pendingChanges(draft)).singleElement().satisfies(change -> {
            assertThat(change.item().id()).isEqualTo(PROVISION_COUNT);
            assertThat(change.beforeText()).isEqualTo("3");
            assertThat(change.afterText()).isEmpty();
        });
    }

    private static PublishVersion publish(long revision, LocalDate on, ChangeExplanation... explanations) {
        return new PublishVersion(KEY_ID, KAWASAKI, revision, on, List.of(explanations), null, YAMADA, T2);
    }

    private static ChangeExplanation explain(ItemId item, SubmissionTiming timing, String text) {
        return new ChangeExplanation(item, List.of(), timing, text);
    }
}
