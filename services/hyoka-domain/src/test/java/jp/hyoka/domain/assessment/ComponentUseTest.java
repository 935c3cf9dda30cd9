package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.command.AdaptComponentText;
import jp.hyoka.domain.assessment.command.AnswerItem;
import jp.hyoka.domain.assessment.command.ChangeComponentMode;
import jp.hyoka.domain.assessment.command.ClearAnswer;
import jp.hyoka.domain.assessment.command.InsertComponent;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.ComponentInserted;
import jp.hyoka.domain.assessment.event.ComponentTextAdapted;
import jp.hyoka.domain.assessment.event.ComponentUseModeChanged;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.components.ComponentText;
import jp.hyoka.domain.components.PublishedComponent;
import jp.hyoka.domain.components.Slot;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.importing.annex.SubmissionTiming;
import jp.hyoka.domain.rejection.ComponentDoesNotFit;
import jp.hyoka.domain.rejection.ComponentTextProtected;
import jp.hyoka.domain.rejection.ComponentUseModeConflict;
import jp.hyoka.domain.rejection.ComponentUseNotFound;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.StaleRevision;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static jp.hyoka.domain.assessment.ComponentUseFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Inserting a shared component into an item, and what the item's editors may do with it afterwards (issue 16). */
class ComponentUseTest {

    private final DeciderSpec spec = ComponentUseFixtures.spec();

    private AssessmentEvent[] withLockedV1() {
        AssessmentEvent[] history = {started()};
        spec.given(history).when(insert(1, v1(), ComponentUseMode.LOCKED));
        return then(history, spec.thenProduced());
    }

    @Test
    void givenADraft_whenALockedComponentIsInserted_thenTheItemReadsTheRenderedVersionAndTheUseIsRecorded() {
        spec.given(started()).when(insert(1, v1(), ComponentUseMode.LOCKED));

        List<AssessmentEvent> events = spec.thenProduced();
        assertThat(events).hasSize(2);
        ComponentInserted inserted = (ComponentInserted) events.get(0);
        assertThat(inserted.useId()).isEqualTo(USE);
        assertThat(inserted.componentId()).isEqualTo(PLATFORM);
        assertThat(inserted.version()).isEqualTo(1);
        assertThat(inserted.mode()).isEqualTo(ComponentUseMode.LOCKED);
        assertThat(inserted.text()).isEqualTo(V1_RENDERED);
        assertThat(inserted.similarity()).isNull();
        assertThat(events.get(1)).isEqualTo(new ItemAnswered(ID, ASAHIKAWA, STORAGE, List.of(), null,
                new RichTextAnswer(V1_RENDERED), null, EDITOR, T1));
        Assessment state = DeciderSpec.fold(then(new AssessmentEvent[]{started()}, events));
        assertThat(state.components().use(USE)).get().extracting(ComponentUse::version, ComponentUse::mode)
                .containsExactly(1, ComponentUseMode.LOCKED);
        assertThat(state.revision()).isEqualTo(3);
    }

    @Test
    void givenAnItemWithItsOwnText_whenAComponentIsInserted_thenTheSectionFollowsTheLocalText() {
        AssessmentEvent[] history = {started(), new ItemAnswered(ID, ASAHIKAWA, STORAGE, List.of(), null,
                new RichTextAnswer("<p>＜当市における措置＞ 庁舎内のサーバー室に設置する。</p>"), null, EDITOR, T0)};
        spec.given(history).when(insert(2, v1(), ComponentUseMode.LOCKED));

        ItemAnswered answered = (ItemAnswered) spec.thenProduced().get(1);
        assertThat(((RichTextAnswer) answered.answer()).html())
                .isEqualTo("<p>＜当市における措置＞ 庁舎内のサーバー室に設置する。</p>\n" + V1_RENDERED);
    }

    @Test
    void givenAnItemTheComponentIsNotMadeFor_whenInserted_thenComponentDoesNotFitAndNothingHappens() {
        InsertComponent intoCloud = new InsertComponent(ID, ASAHIKAWA, 1, USE, CLOUD, List.of(), v1(),
                ComponentUseMode.LOCKED, Map.of(), null, null, false, null, EDITOR, T1);

        spec.given(started()).when(intoCloud).thenRejected(ComponentDoesNotFit.class);
    }

    @Test
    void givenAVersionWithASlot_whenInsertedLockedWithoutItsValue_thenInvalidInputNamesTheSlot() {
        PublishedComponent withSlot = published(1, "<p>{{#}}中間サーバーと{{existing-systems}}との間で連携する。</p>",
                SubmissionTiming.AFTER, "反映", List.of(new Slot("existing-systems", "連携する既存システム")));

        spec.given(started()).when(insert(1, USE, withSlot, ComponentUseMode.LOCKED, Map.of(), null));
        assertThat(spec.thenRejected(InvalidInput.class).field()).isEqualTo("slotValues.existing-systems");

        spec.given(started()).when(insert(1, USE, withSlot, ComponentUseMode.LOCKED,
                Map.of("existing-systems", "介護保険事務処理システム<b>"), null));
        assertThat(((ComponentInserted) spec.thenProduced().get(0)).text())
                .isEqualTo("<p>①中間サーバーと介護保険事務処理システム&lt;b&gt;との間で連携する。</p>");
    }

    @Test
    void givenAStaleRevision_whenInserted_thenStaleRevision() {
        spec.given(started()).when(insert(7, v1(), ComponentUseMode.LOCKED)).thenRejected(StaleRevision.class);
    }

    @Test
    void givenALockedUse_whenTheItemIsAnsweredWithoutTheComponentsText_thenComponentTextProtected() {
        spec.given(withLockedV1()).when(new AnswerItem(ID, ASAHIKAWA, 3, STORAGE, List.of(),
                new RichTextAnswer("<p>全部書き換えた。</p>"), null, EDITOR, T1));

        ComponentTextProtected refused = spec.thenRejected(ComponentTextProtected.class);
        assertThat(refused.useId()).isEqualTo(USE);
        assertThat(refused.mode()).isEqualTo("LOCKED");
    }

    @Test
    void givenALockedUse_whenTheItemIsCleared_thenComponentTextProtected() {
        spec.given(withLockedV1()).when(new ClearAnswer(ID, ASAHIKAWA, 3, STORAGE, List.of(), null, EDITOR, T1))
                .thenRejected(ComponentTextProtected.class);
    }

    @Test
    void givenALockedUse_whenLocalTextIsWrittenAroundTheComponent_thenAccepted() {
        spec.given(withLockedV1()).when(new AnswerItem(ID, ASAHIKAWA, 3, STORAGE, List.of(),
                new RichTextAnswer("<p>＜当市における措置＞ 施錠管理する。</p>\n" + V1_RENDERED), null, EDITOR, T1));

        assertThat(spec.thenSingleEvent(ItemAnswered.class).itemId()).isEqualTo(STORAGE);
    }

    @Test
    void givenALockedUse_whenItsTextIsAdapted_thenTheUseIsAdaptedWithTheLocalChangeAgainstTheVersion() {
        String local = V1_RENDERED.replace("厳重に管理する。", "厳重に管理する。監視カメラを設置する。");
        AssessmentEvent[] locked = withLockedV1();
        spec.given(locked).when(new AdaptComponentText(ID, ASAHIKAWA, 3, USE, v1(), local, "当市独自の措置", EDITOR, T1));

        List<AssessmentEvent> events = spec.thenProduced();
        ComponentTextAdapted adapted = (ComponentTextAdapted) events.get(0);
        assertThat(adapted.previousMode()).isEqualTo(ComponentUseMode.LOCKED);
        assertThat(adapted.localChange().applyTo(V1_RENDERED)).isEqualTo(local);
        assertThat(((RichTextAnswer) ((ItemAnswered) events.get(1)).answer()).html()).isEqualTo(local);
        Assessment state = DeciderSpec.fold(then(locked, events));
        assertThat(state.components().use(USE).orElseThrow().mode()).isEqualTo(ComponentUseMode.ADAPTED);
    }

    @Test
    void givenAnAdaptedUse_whenLockedAgain_thenItsTextIsTheVersionOnceMore() {
        String local = V1_RENDERED.replace("厳重に", "");
        AssessmentEvent[] locked = withLockedV1();
        spec.given(locked).when(new AdaptComponentText(ID, ASAHIKAWA, 3, USE, v1(), local, null, EDITOR, T1));
        AssessmentEvent[] adapted = then(locked, spec.thenProduced());

        spec.given(adapted).when(new ChangeComponentMode(ID, ASAHIKAWA, 5, USE, v1(), ComponentUseMode.LOCKED, null,
                null, null, EDITOR, T1));

        List<AssessmentEvent> events = spec.thenProduced();
        ComponentUseModeChanged changed = (ComponentUseModeChanged) events.get(0);
        assertThat(changed.previousMode()).isEqualTo(ComponentUseMode.ADAPTED);
        assertThat(changed.text()).isEqualTo(V1_RENDERED);
        assertThat(((RichTextAnswer) ((ItemAnswered) events.get(1)).answer()).html()).isEqualTo(V1_RENDERED);
    }

    @Test
    void givenALockedUse_whenDetached_thenTheItemCanBeEditedFreelyAndTheUseIsNoLongerFollowed() {
        AssessmentEvent[] locked = withLockedV1();
        spec.given(locked).when(new ChangeComponentMode(ID, ASAHIKAWA, 3, USE, v1(), ComponentUseMode.DETACHED,
                null, null, "独自の記載に切り替える", EDITOR, T1));
        AssessmentEvent[] detached = then(locked, spec.thenProduced());
        assertThat(spec.thenProduced()).hasSize(1);             // the text stays as it was

        spec.given(detached).when(new AnswerItem(ID, ASAHIKAWA, 4, STORAGE, List.of(),
                new RichTextAnswer("<p>全部書き換えた。</p>"), null, EDITOR, T1));
        spec.thenSingleEvent(ItemAnswered.class);

        spec.given(detached).when(new ChangeComponentMode(ID, ASAHIKAWA, 4, USE, v1(), ComponentUseMode.LOCKED, null,
                null, null, EDITOR, T1));
        spec.thenRejected(ComponentUseModeConflict.class);
    }

    @Test
    void givenAnUnknownUse_whenAdapted_thenComponentUseNotFound() {
        spec.given(withLockedV1()).when(new AdaptComponentText(ID, ASAHIKAWA, 3, "no-such-use", v1(), "x", null, EDITOR, T1))
                .thenRejected(ComponentUseNotFound.class);
    }

    @Test
    void givenAMaliciousAdaptedText_whenAdapted_thenTheScriptIsSanitisedAway() {
        String local = V1_RENDERED + "<script>alert(1)</script>";
        spec.given(withLockedV1()).when(new AdaptComponentText(ID, ASAHIKAWA, 3, USE, v1(), local, null, EDITOR, T1));

        assertThat(((ComponentTextAdapted) spec.thenProduced().get(0)).text()).doesNotContain("script");
    }

    @Test
    void givenTheRenderedTextOfAnyMode_whenRenderedByTheComponent_thenTheSameSectionIsStored() {
        assertThat(ComponentText.render(v1().version(), Map.of(), null)).isEqualTo(V1_RENDERED);
        assertThat(ComponentText.render(v2().version(), Map.of(), null)).isEqualTo(V2_RENDERED);
    }

    @Test
    void givenALockedUseWithAPersonsNameInASlot_whenRedactedAndLockedAgain_thenTheNameDoesNotComeBack() {
        PublishedComponent withSlot = published(1, "<p>{{#}}担当者{{contact}}が管理する。</p>", SubmissionTiming.AFTER,
                "反映", List.of(new Slot("contact", "担当者")));
        AssessmentEvent[] history = {started()};
        spec.given(history).when(insert(1, USE, withSlot, ComponentUseMode.LOCKED, Map.of("contact", "山田花子"), null));
        history = then(history, spec.thenProduced());
        history = DeciderSpec.concat(history, new jp.hyoka.domain.assessment.event.PersonalDataRedacted(ID, ASAHIKAWA,
                "山田花子", "本人からの削除請求", EDITOR, T1));

        spec.given(history).when(new ChangeComponentMode(ID, ASAHIKAWA, 4, USE, withSlot, ComponentUseMode.LOCKED,
                null, new jp.hyoka.domain.components.RenderingOptions(jp.hyoka.domain.components.Numbering.PARENTHESISED,
                jp.hyoka.domain.components.Brackets.ASCII), null, EDITOR, T1));

        ComponentUseModeChanged relocked = (ComponentUseModeChanged) spec.thenProduced().get(0);
        assertThat(relocked.text()).isEqualTo("<p>(1)担当者［個人情報削除］が管理する。</p>");
        assertThat(relocked.slotValues()).containsEntry("contact", "［個人情報削除］");
    }
}
