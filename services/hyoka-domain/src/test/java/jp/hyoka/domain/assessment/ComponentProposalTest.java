package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.command.AdaptComponentText;
import jp.hyoka.domain.assessment.command.AdoptComponentVersion;
import jp.hyoka.domain.assessment.command.ChangeExplanation;
import jp.hyoka.domain.assessment.command.DeclineComponentProposal;
import jp.hyoka.domain.assessment.command.DeferComponentProposal;
import jp.hyoka.domain.assessment.command.PublishVersion;
import jp.hyoka.domain.assessment.command.StartNextVersion;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.ComponentProposalDeclined;
import jp.hyoka.domain.assessment.event.ComponentProposalDeferred;
import jp.hyoka.domain.assessment.event.ComponentVersionAdopted;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.assessment.event.VersionPublished;
import jp.hyoka.domain.components.text.HunkResolution;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.importing.annex.SubmissionTiming;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.MergeConflictsUnresolved;
import jp.hyoka.domain.rejection.ProposalNotApplicable;
import jp.hyoka.domain.rejection.VersionAlreadyPublished;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static jp.hyoka.domain.assessment.ComponentUseFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new version of a followed component, as a document's proposal: adopted (locked, adapted with and without
 * conflicts), declined or deferred, and the 変更箇所 row an adoption leads to (issue 16, DOMAIN.md §5.5).
 */
class ComponentProposalTest {

    private static final LocalDate FIRST = LocalDate.of(2025, 4, 1);
    private static final LocalDate SECOND = LocalDate.of(2025, 8, 4);

    private final DeciderSpec spec = ComponentUseFixtures.spec();

    /** v1 inserted locked, version 1 of the document published, version 2 started: revision 6. */
    private AssessmentEvent[] publishedWithV1(String adaptedText) {
        AssessmentEvent[] history = {started()};
        spec.given(history).when(insert(1, v1(), ComponentUseMode.LOCKED));
        history = then(history, spec.thenProduced());
        if (adaptedText != null) {
            spec.given(history).when(new AdaptComponentText(ID, ASAHIKAWA, 3, USE, v1(), adaptedText, null, EDITOR, T0));
            history = then(history, spec.thenProduced());
        }
        long revision = spec.given(history).state().revision();
        spec.when(new PublishVersion(ID, ASAHIKAWA, revision, FIRST, List.of(), null, EDITOR, T0));
        history = then(history, spec.thenProduced());
        spec.given(history).when(new StartNextVersion(ID, ASAHIKAWA, revision + 2, null, EDITOR, T0));
        return then(history, spec.thenProduced());
    }

    private long revision(AssessmentEvent[] history) {
        return spec.given(history).state().revision();
    }

    @Test
    void givenALockedUseOfV1_whenV2IsAdopted_thenTheItemReadsV2AndTheAdoptionCarriesTheVersionsDefaults() {
        AssessmentEvent[] history = publishedWithV1(null);
        spec.given(history).when(adopt(revision(history), v1(), v2()));

        List<AssessmentEvent> events = spec.thenProduced();
        ComponentVersionAdopted adopted = (ComponentVersionAdopted) events.get(0);
        assertThat(adopted.fromVersion()).isEqualTo(1);
        assertThat(adopted.toVersion()).isEqualTo(2);
        assertThat(adopted.text()).isEqualTo(V2_RENDERED);
        assertThat(adopted.timing()).isEqualTo(SubmissionTiming.BEFORE);
        assertThat(adopted.explanation()).isEqualTo("中間サーバー・プラットフォームの更改に伴う変更");
        ItemAnswered answered = (ItemAnswered) events.get(1);
        assertThat(answered.previousAnswer()).isEqualTo(new RichTextAnswer(V1_RENDERED));
        assertThat(answered.answer()).isEqualTo(new RichTextAnswer(V2_RENDERED));
    }

    @Test
    void givenAnAdoption_whenTheNextVersionIsPublishedWithoutExplanations_thenItsChangeRowIsPriorWithTheVersionsExplanation() {
        AssessmentEvent[] history = publishedWithV1(null);
        spec.given(history).when(adopt(revision(history), v1(), v2()));
        history = then(history, spec.thenProduced());

        spec.given(history).when(new PublishVersion(ID, ASAHIKAWA, revision(history), SECOND, List.of(), null, EDITOR, T1));

        VersionPublished published = (VersionPublished) spec.thenProduced().get(1);
        assertThat(published.changes()).singleElement().satisfies(change -> {
            assertThat(change.itemId()).isEqualTo(STORAGE);
            assertThat(change.timing()).isEqualTo(SubmissionTiming.BEFORE);
            assertThat(change.explanation()).isEqualTo("中間サーバー・プラットフォームの更改に伴う変更");
            assertThat(change.afterText()).contains("ISMAP");
        });
    }

    @Test
    void givenAnAdoption_whenPublishedWithItsOwnExplanation_thenTheMunicipalitysWordsWin() {
        AssessmentEvent[] history = publishedWithV1(null);
        spec.given(history).when(adopt(revision(history), v1(), v2()));
        history = then(history, spec.thenProduced());

        spec.given(history).when(new PublishVersion(ID, ASAHIKAWA, revision(history), SECOND, List.of(
                new ChangeExplanation(STORAGE, List.of(), SubmissionTiming.AFTER, "J-LISからの通知に基づく形式的な変更")),
                null, EDITOR, T1));

        VersionPublished published = (VersionPublished) spec.thenProduced().get(1);
        assertThat(published.changes()).singleElement().satisfies(change -> {
            assertThat(change.timing()).isEqualTo(SubmissionTiming.AFTER);
            assertThat(change.explanation()).isEqualTo("J-LISからの通知に基づく形式的な変更");
        });
    }

    @Test
    void givenAnAdaptedUseWhoseLocalChangeDoesNotOverlapTheNewVersion_whenAdopted_thenBothChangesAreMergedAutomatically() {
        String local = V1_RENDERED.replace("バックアップもデータベース上に保存される。",
                "バックアップもデータベース上に保存される。</p><p>当市の職員は中間サーバーの操作記録を毎月確認する。");
        AssessmentEvent[] history = publishedWithV1(local);
        spec.given(history).when(adopt(revision(history), v1(), v2()));

        ComponentVersionAdopted adopted = (ComponentVersionAdopted) spec.thenProduced().get(0);
        assertThat(adopted.text()).contains("ISMAP").contains("当市の職員は中間サーバーの操作記録を毎月確認する。")
                .doesNotContain("データセンターに設置");
        assertThat(adopted.localChange().applyTo(V2_RENDERED)).isEqualTo(adopted.text());
    }

    @Test
    void givenAnAdaptedUseThatChangedTheSameSentence_whenAdoptedWithoutResolutions_thenMergeConflictsUnresolved() {
        String local = V1_RENDERED.replace("厳重に管理する。", "厳重に管理し、監視カメラで記録する。");
        AssessmentEvent[] history = publishedWithV1(local);
        spec.given(history).when(adopt(revision(history), v1(), v2()));

        MergeConflictsUnresolved refused = spec.thenRejected(MergeConflictsUnresolved.class);
        assertThat(refused.conflicts()).isEqualTo(1);
        assertThat(refused.resolutionsGiven()).isZero();
    }

    @Test
    void givenAConflict_whenResolvedByTakingTheNewVersion_thenTheItemReadsTheNewSentence() {
        String local = V1_RENDERED.replace("厳重に管理する。", "厳重に管理し、監視カメラで記録する。");
        AssessmentEvent[] history = publishedWithV1(local);
        spec.given(history).when(adopt(revision(history), v1(), v2(), HunkResolution.takeTheirs()));

        ComponentVersionAdopted adopted = (ComponentVersionAdopted) spec.thenProduced().get(0);
        assertThat(adopted.text()).isEqualTo(V2_RENDERED);

        spec.given(history).when(adopt(revision(history), v1(), v2(), HunkResolution.takeOurs()));
        assertThat(((ComponentVersionAdopted) spec.thenProduced().get(0)).text()).contains("監視カメラ");
    }

    @Test
    void givenAPublishedDocument_whenAProposalIsAdopted_thenVersionAlreadyPublished() {
        AssessmentEvent[] history = publishedWithV1(null);
        AssessmentEvent[] published = java.util.Arrays.copyOf(history, history.length - 1);   // before the next version
        spec.given(published).when(adopt(revision(published), v1(), v2())).thenRejected(VersionAlreadyPublished.class);
    }

    @Test
    void givenAUseAlreadyOnV2_whenV2IsAdoptedAgain_thenProposalNotApplicable() {
        AssessmentEvent[] history = publishedWithV1(null);
        spec.given(history).when(adopt(revision(history), v1(), v2()));
        history = then(history, spec.thenProduced());

        spec.given(history).when(adopt(revision(history), v2(), v2())).thenRejected(ProposalNotApplicable.class);
    }

    @Test
    void givenAProposal_whenDeclinedWithoutAReason_thenInvalidInput_andWithAReason_thenRecordedOnce() {
        AssessmentEvent[] history = publishedWithV1(null);
        long revision = revision(history);
        spec.given(history).when(new DeclineComponentProposal(ID, ASAHIKAWA, revision, USE, v2(), null, EDITOR, T1))
                .thenRejected(InvalidInput.class);

        spec.given(history).when(new DeclineComponentProposal(ID, ASAHIKAWA, revision, USE, v2(),
                "当市はデータセンター運用を継続する", EDITOR, T1));
        ComponentProposalDeclined declined = spec.thenSingleEvent(ComponentProposalDeclined.class);
        assertThat(declined.fromVersion()).isEqualTo(1);
        assertThat(declined.toVersion()).isEqualTo(2);
        history = then(history, List.of(declined));

        spec.given(history).when(new DeclineComponentProposal(ID, ASAHIKAWA, revision + 1, USE, v2(), "再度", EDITOR, T1))
                .thenNoEvents();
        spec.given(history).when(new DeferComponentProposal(ID, ASAHIKAWA, revision + 1, USE, v2(), null, null, EDITOR, T1))
                .thenRejected(ProposalNotApplicable.class);
        assertThat(spec.given(history).state().components().use(USE).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void givenAPublishedDocument_whenAProposalIsDeferred_thenRecordedWithItsDateAndStillAdoptableLater() {
        AssessmentEvent[] history = publishedWithV1(null);
        AssessmentEvent[] published = java.util.Arrays.copyOf(history, history.length - 1);
        spec.given(published).when(new DeferComponentProposal(ID, ASAHIKAWA, revision(published), USE, v2(),
                LocalDate.of(2025, 12, 1), "次回の評価書更新で対応", EDITOR, T1));

        assertThat(spec.thenSingleEvent(ComponentProposalDeferred.class).until()).isEqualTo(LocalDate.of(2025, 12, 1));
    }

    @Test
    void givenAnExplanationLongerThanAllowed_whenAdopted_thenInvalidInputAndNothingHappens() {
        AssessmentEvent[] history = publishedWithV1(null);
        AdoptComponentVersion tooLong = new AdoptComponentVersion(ID, ASAHIKAWA, revision(history), USE, v1(), v2(),
                List.of(), null, null, "説".repeat(AssessmentDecider.MAX_REASON_LENGTH + 1), null, EDITOR, T1);

        spec.given(history).when(tooLong).thenRejected(InvalidInput.class);
    }
}
