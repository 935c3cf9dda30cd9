package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.command.PublishVersion;
import jp.hyoka.domain.assessment.command.RestoreItemPublication;
import jp.hyoka.domain.assessment.command.WithholdItemFromPublication;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.ItemPublicationRestored;
import jp.hyoka.domain.assessment.event.ItemWithheldFromPublication;
import jp.hyoka.domain.assessment.event.NextVersionStarted;
import jp.hyoka.domain.assessment.event.VersionPublished;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.rejection.AssessmentNotFound;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.UnknownItem;
import jp.hyoka.domain.rejection.VersionAlreadyPublished;
import jp.hyoka.domain.shared.MunicipalityCode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static jp.hyoka.domain.assessment.AssessmentFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** 非公表 marks (規則第13条): set and taken away in a draft, with a reason, on items the form has. */
class WithholdFromPublicationTest {

    private static final RichTextAnswer SERVER_ROOM = new RichTextAnswer("<p>サーバ室は本庁舎3階</p>");

    private final DeciderSpec spec = DeciderSpec.onTestForms();

    private static AssessmentEvent[] answeredDraft() {
        return new AssessmentEvent[]{startedKeyItemsAssessment(), answered(DESCRIPTION, null, SERVER_ROOM, T0)};
    }

    private static ItemWithheldFromPublication withheld() {
        return new ItemWithheldFromPublication(KEY_ID, KAWASAKI, DESCRIPTION, List.of(), "所在地はセキュリティ上のリスク",
                YAMADA, T1);
    }

    private static WithholdItemFromPublication withhold(MunicipalityCode tenant, long revision, ItemId item,
                                                        List<String> entries, String reason) {
        return new WithholdItemFromPublication(KEY_ID, tenant, revision, item, entries, reason, YAMADA, T1);
    }

    private static RestoreItemPublication restore(long revision) {
        return new RestoreItemPublication(KEY_ID, KAWASAKI, revision, DESCRIPTION, List.of(), "公表に支障なし", YAMADA, T2);
    }

    @Test
    void givenADraft_whenAnItemIsWithheld_thenTheMarkIsRecordedWithReasonActorAndTime() {
        spec.given(answeredDraft()).when(withhold(KAWASAKI, 2, DESCRIPTION, List.of(), " 所在地はセキュリティ上のリスク "));

        spec.thenEvents(withheld());
    }

    @Test
    void givenAWithheldItem_whenFolded_thenTheStateCarriesTheMarkAndThePublicVersionShowsTheWording() {
        Assessment state = DeciderSpec.fold(DeciderSpec.concat(answeredDraft(), withheld()));

        assertThat(state.isWithheldFromPublication(AnswerKey.of(DESCRIPTION))).isTrue();
        assertThat(PublicVersion.of(state).answer(DESCRIPTION)).contains(new TextAnswer(PublicVersion.WORDING));
        assertThat(PublicVersion.of(state).answer(AFFAIR_NAME)).contains(new TextAnswer(AFFAIR));
        assertThat(state.answer(DESCRIPTION)).as("the document itself keeps the value").contains(SERVER_ROOM);
    }

    @Test
    void givenAWithheldItem_whenWithheldAgain_thenNothingHappens() {
        spec.given(DeciderSpec.concat(answeredDraft(), withheld()))
                .when(withhold(KAWASAKI, 3, DESCRIPTION, List.of(), "再度"));

        spec.thenEvents();
    }

    @Test
    void givenAWithheldItem_whenRestored_thenTheMarkIsGone() {
        spec.given(DeciderSpec.concat(answeredDraft(), withheld())).when(restore(3));

        spec.thenEvents(new ItemPublicationRestored(KEY_ID, KAWASAKI, DESCRIPTION, List.of(), "公表に支障なし", YAMADA, T2));
        Assessment after = DeciderSpec.fold(DeciderSpec.concat(DeciderSpec.concat(answeredDraft(), withheld()),
                spec.thenProduced().toArray(AssessmentEvent[]::new)));
        assertThat(after.withheldFromPublication()).isEmpty();
    }

    @Test
    void givenAnItemNotWithheld_whenRestored_thenNothingHappens() {
        spec.given(answeredDraft()).when(restore(2));

        spec.thenEvents();
    }

    @Test
    void givenNoReason_whenWithholding_thenRefusedAsInvalid() {
        spec.given(answeredDraft()).when(withhold(KAWASAKI, 2, DESCRIPTION, List.of(), "  "));

        assertThat(spec.thenRejected(InvalidInput.class).field()).isEqualTo("reason");
    }

    @Test
    void givenAnItemTheFormLacksOrEntriesOutsideGroups_whenWithholding_thenRefused() {
        spec.given(answeredDraft()).when(withhold(KAWASAKI, 2, new ItemId("no.such-item"), List.of(), "理由"));
        spec.thenRejected(UnknownItem.class);

        spec.given(answeredDraft()).when(withhold(KAWASAKI, 2, DESCRIPTION, List.of("e-1"), "理由"));
        spec.thenRejected(InvalidInput.class);
    }

    @Test
    void givenAPublishedVersion_whenWithholding_thenRefusedUntilTheNextVersionIsStarted() {
        AssessmentEvent[] published = DeciderSpec.concat(answeredDraft(),
                new VersionPublished(KEY_ID, KAWASAKI, 1, LocalDate.of(2025, 4, 1), List.of(), List.of(), null, YAMADA, T1));
        spec.given(published).when(withhold(KAWASAKI, 3, DESCRIPTION, List.of(), "理由"));
        spec.thenRejected(VersionAlreadyPublished.class);

        spec.given(DeciderSpec.concat(published, new NextVersionStarted(KEY_ID, KAWASAKI, 2, null, YAMADA, T1)))
                .when(withhold(KAWASAKI, 4, DESCRIPTION, List.of(), "理由"));
        spec.thenSingleEvent(ItemWithheldFromPublication.class);
    }

    @Test
    void givenANextVersionWhoseOnlyChangeIsAMark_whenPublished_thenItPublishesWithNoChangeRowsAndCarriesTheMark() {
        AssessmentEvent[] markedInVersion2 = DeciderSpec.concat(answeredDraft(),
                new VersionPublished(KEY_ID, KAWASAKI, 1, LocalDate.of(2025, 4, 1), List.of(), List.of(), null, YAMADA, T1),
                new NextVersionStarted(KEY_ID, KAWASAKI, 2, null, YAMADA, T1), withheld());

        spec.given(markedInVersion2).when(new PublishVersion(KEY_ID, KAWASAKI, 5, LocalDate.of(2025, 10, 1),
                List.of(), null, YAMADA, T2));

        List<AssessmentEvent> produced = spec.thenProduced();     // the cover's 公表日, then the publication
        VersionPublished published = (VersionPublished) produced.get(produced.size() - 1);
        assertThat(published.changes()).isEmpty();
        assertThat(published.withheldItemIds()).as("told outside with the 非公表 wording").containsExactly(DESCRIPTION.value());
        Assessment after = DeciderSpec.fold(DeciderSpec.concat(markedInVersion2,
                produced.toArray(AssessmentEvent[]::new)));
        assertThat(after.isWithheldFromPublication(AnswerKey.of(DESCRIPTION))).isTrue();
    }

    @Test
    void givenAMarkInARepeatEntry_whenTheEntryIsRemoved_thenTheMarkGoesWithIt() {
        ItemId systemName = RepeatFixtures.SYSTEM_NAME;
        Assessment state = DeciderSpec.fold(RepeatFixtures.with(RepeatFixtures.oneSystem(),
                new ItemWithheldFromPublication(KEY_ID, KAWASAKI, systemName, List.of("s1"), "理由", YAMADA, T1)));
        assertThat(state.isWithheldFromPublication(new AnswerKey(systemName, List.of("s1")))).isTrue();

        Assessment removed = state.evolve(RepeatFixtures.removed(RepeatFixtures.SYSTEM, List.of(), "s1", 0, T2));

        assertThat(removed.withheldFromPublication()).isEmpty();
    }

    @Test
    void givenAnotherMunicipality_whenWithholding_thenNotFound() {
        spec.given(answeredDraft()).when(withhold(ASAHIKAWA, 2, DESCRIPTION, List.of(), "理由"));

        spec.thenRejected(AssessmentNotFound.class);
    }

    @Test
    void givenAWithheldItem_whenItsPastChangeRowsArePrintedPublicly_thenTheirTextsAreWithheld() {
        Assessment state = DeciderSpec.fold(DeciderSpec.concat(answeredDraft(), withheld()));
        PastChange row = new PastChange(0, 0, LocalDate.of(2025, 4, 1), "令和7年4月1日", "事務の内容",
                DESCRIPTION.value(), "TEXT", "旧庁舎", "TEXT", "本庁舎3階", "AFTER", "移転", null);
        PastChange other = new PastChange(1, 0, null, null, "事務の名称", AFFAIR_NAME.value(), "TEXT", "旧", "TEXT",
                "新", "AFTER", "名称変更", null);

        List<PastChange> shown = PublicVersion.changes(state, List.of(row, other));

        assertThat(shown.get(0).before()).isEqualTo(PublicVersion.WORDING);
        assertThat(shown.get(0).after()).isEqualTo(PublicVersion.WORDING);
        assertThat(shown.get(1)).isEqualTo(other);
    }

    @Test
    void givenAnImportedRowWhoseItemWasNotResolved_whenAnythingIsWithheld_thenItsTextsAreWithheldToo() {
        Assessment withheld = DeciderSpec.fold(DeciderSpec.concat(answeredDraft(), withheld()));
        Assessment open = DeciderSpec.fold(answeredDraft());
        PastChange unresolved = new PastChange(0, 12, LocalDate.of(2024, 4, 1), "令和6年4月1日", "Ⅱ ファイルの概要 ※",
                null, "TEXT", "旧庁舎の保管庫", "TEXT", "新庁舎の保管庫", "AFTER", "移転", null);

        assertThat(PublicVersion.changes(withheld, List.of(unresolved)).get(0).after())
                .isEqualTo(PublicVersion.WORDING);
        assertThat(PublicVersion.changes(open, List.of(unresolved))).containsExactly(unresolved);
    }
}
