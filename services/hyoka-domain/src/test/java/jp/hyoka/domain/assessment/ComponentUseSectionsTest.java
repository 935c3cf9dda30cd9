package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.command.AdaptComponentText;
import jp.hyoka.domain.assessment.command.AdoptComponentVersion;
import jp.hyoka.domain.assessment.command.ChangeComponentMode;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.components.PublishedComponent;
import jp.hyoka.domain.components.Slot;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.importing.annex.SubmissionTiming;
import jp.hyoka.domain.rejection.InvalidInput;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static jp.hyoka.domain.assessment.ComponentUseFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Two uses in one item whose texts overlap: an edit of one never takes the other's section (issue 16). */
class ComponentUseSectionsTest {

    private static final String APPENDED = "<p>当市独自の追記。</p>";
    private static final String OTHER = "01927a3c-0000-7000-8000-0000000000u2";

    private final DeciderSpec spec = ComponentUseFixtures.spec();

    /** An adapted use that appends to v1, then a locked use of v1 after it: the locked text occurs twice. */
    private AssessmentEvent[] adaptedThenLocked() {
        AssessmentEvent[] history = {started()};
        spec.given(history).when(insert(1, OTHER, v1(), ComponentUseMode.ADAPTED, Map.of(), V1_RENDERED + APPENDED));
        history = then(history, spec.thenProduced());
        spec.given(history).when(insert(3, USE, v1(), ComponentUseMode.LOCKED, Map.of(), null));
        return then(history, spec.thenProduced());
    }

    @Test
    void givenALockedUseWhoseTextAlsoOpensAnAdaptedOne_whenAdapted_thenOnlyItsOwnSectionChanges() {
        String local = "<p>当市で書き換えた措置。</p>";
        spec.given(adaptedThenLocked()).when(new AdaptComponentText(ID, ASAHIKAWA, 5, USE, v1(), local, null, EDITOR, T1));

        ItemAnswered answered = (ItemAnswered) spec.thenProduced().get(1);
        assertThat(((RichTextAnswer) answered.answer()).html()).isEqualTo(V1_RENDERED + APPENDED + "\n" + local);
        Assessment state = DeciderSpec.fold(then(adaptedThenLocked(), spec.thenProduced()));
        String html = ((RichTextAnswer) state.answer(new AnswerKey(STORAGE, List.of())).orElseThrow()).html();
        assertThat(state.components().uses().values()).allSatisfy(use -> assertThat(html).contains(use.text()));
    }

    @Test
    void givenAVersionWithASlot_whenInsertedAdaptedOrDetachedWithoutItsValue_thenInvalidInputAndNoMarkerIsStored() {
        PublishedComponent withSlot = published(1, "<p>{{#}}中間サーバーと{{existing-systems}}との間で連携する。</p>",
                SubmissionTiming.AFTER, "反映", List.of(new Slot("existing-systems", "連携する既存システム")));

        for (ComponentUseMode mode : List.of(ComponentUseMode.ADAPTED, ComponentUseMode.DETACHED)) {
            spec.given(started()).when(insert(1, USE, withSlot, mode, Map.of(), null));
            assertThat(spec.thenRejected(InvalidInput.class).field()).as(mode.name())
                    .isEqualTo("slotValues.existing-systems");
        }
        spec.given(started()).when(insert(1, USE, withSlot, ComponentUseMode.ADAPTED,
                Map.of("existing-systems", "住基システム"), null));
        assertThat(((ItemAnswered) spec.thenProduced().get(1)).answer().plainText()).doesNotContain("{{");
    }

    @Test
    void givenAnAdaptedUse_whenAVersionAddingASlotIsAdoptedWithoutItsValue_thenInvalidInputNamesTheSlot() {
        AssessmentEvent[] history = {started()};
        spec.given(history).when(insert(1, USE, v1(), ComponentUseMode.ADAPTED, Map.of(), V1_RENDERED + APPENDED));
        history = then(history, spec.thenProduced());
        PublishedComponent v2WithSlot = published(2, V2_TEXT.replace("クラウドサービス事業者", "{{provider}}"),
                SubmissionTiming.BEFORE, "更改", List.of(new Slot("provider", "クラウドサービス事業者")));

        spec.given(history).when(new AdoptComponentVersion(ID, ASAHIKAWA, 3, USE, v1(), v2WithSlot, List.of(),
                null, null, null, null, EDITOR, T1));
        assertThat(spec.thenRejected(InvalidInput.class).field()).isEqualTo("slotValues.provider");

        spec.given(history).when(new AdoptComponentVersion(ID, ASAHIKAWA, 3, USE, v1(), v2WithSlot, List.of(),
                Map.of("provider", "ISMAP登録事業者"), null, null, null, EDITOR, T1));
        assertThat(((ItemAnswered) spec.thenProduced().get(1)).answer().plainText())
                .contains("ISMAP登録事業者").doesNotContain("{{");
    }

    @Test
    void givenALockedUse_whenDetachedWithSlotValuesTheVersionDoesNotHave_thenInvalidInputAndNothingIsStored() {
        AssessmentEvent[] history = {started()};
        spec.given(history).when(insert(1, v1(), ComponentUseMode.LOCKED));
        history = then(history, spec.thenProduced());

        spec.given(history).when(new ChangeComponentMode(ID, ASAHIKAWA, 3, USE, v1(), ComponentUseMode.DETACHED,
                Map.of("no-such-slot", "x".repeat(100_000)), null, null, EDITOR, T1));
        assertThat(spec.thenRejected(InvalidInput.class).field()).isEqualTo("slotValues.no-such-slot");
    }
}
