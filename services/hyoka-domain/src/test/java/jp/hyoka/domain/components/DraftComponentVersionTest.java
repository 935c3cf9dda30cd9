package jp.hyoka.domain.components;

import jp.hyoka.domain.components.event.ComponentVersionDrafted;
import jp.hyoka.domain.components.event.ComponentVersionWithdrawn;
import jp.hyoka.domain.importing.annex.SubmissionTiming;
import jp.hyoka.domain.rejection.ComponentDraftOpen;
import jp.hyoka.domain.rejection.ComponentNotFound;
import jp.hyoka.domain.rejection.ComponentVersionNotNext;
import jp.hyoka.domain.rejection.EffectiveDateTooEarly;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.SlotsMismatch;
import jp.hyoka.domain.rejection.TextTooLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Collections;
import java.util.List;

import static jp.hyoka.domain.components.ComponentFixtures.OPERATOR;
import static jp.hyoka.domain.components.ComponentFixtures.PLATFORM;
import static jp.hyoka.domain.components.ComponentFixtures.T2;
import static jp.hyoka.domain.components.ComponentFixtures.V1_EFFECTIVE;
import static jp.hyoka.domain.components.ComponentFixtures.V2_EFFECTIVE;
import static jp.hyoka.domain.components.ComponentFixtures.content;
import static jp.hyoka.domain.components.ComponentFixtures.draft;
import static jp.hyoka.domain.components.ComponentFixtures.drafted;
import static jp.hyoka.domain.components.ComponentFixtures.registered;
import static jp.hyoka.domain.components.ComponentFixtures.submitted;
import static jp.hyoka.domain.components.ComponentFixtures.v1;
import static jp.hyoka.domain.components.ComponentFixtures.v1Published;
import static jp.hyoka.domain.components.ComponentFixtures.v2;
import static org.assertj.core.api.Assertions.assertThat;

/** A platform operator drafts the next version of a shared component (DOMAIN.md §5.4 → §5.5). */
class DraftComponentVersionTest {

    private static final String SLOTTED = "<p>{{#}}中間サーバーと{{existing-systems}}との間で連携する。</p>";
    private static final Slot SYSTEMS = new Slot("existing-systems", "連携する既存システムの名称");

    private final ComponentSpec spec = new ComponentSpec();

    @Test
    void givenARegisteredComponent_whenVersionOneIsDrafted_thenItIsADraft() {
        spec.given(registered()).when(draft(1, v1())).thenEvents(drafted(1, v1()));

        SharedComponent component = spec.thenState();
        assertThat(component.openVersion()).map(ComponentVersion::status).contains(ComponentVersionStatus.DRAFT);
        assertThat(component.currentVersion()).isEmpty();
    }

    @Test
    void givenVersionOnePublished_whenVersionTwoIsDrafted_thenItIsDraftedWithItsTimingAndExplanation() {
        ComponentVersionDrafted drafted = spec.given(v1Published()).when(draft(2, v2()))
                .thenSingleEvent(ComponentVersionDrafted.class);

        assertThat(drafted.version()).isEqualTo(2);
        assertThat(drafted.content().timing()).isEqualTo(SubmissionTiming.BEFORE);
        assertThat(drafted.content().explanation()).isEqualTo("中間サーバー・プラットフォームの更改に伴う変更");
        assertThat(spec.thenState().currentVersion()).map(ComponentVersion::number).contains(1);
    }

    @Test
    void givenScriptsControlCharactersAndNoRenderingOptions_whenDrafted_thenTheContentIsStoredCleanedAndDefaulted() {
        VersionContent given = new VersionContent("  <p>{{#}}本文</p><script>alert(1)</script> ", V1_EFFECTIVE,
                "初版\u0000", SubmissionTiming.AFTER, " 共通記載の反映\u200B", List.of(), null);

        VersionContent stored = spec.given(registered()).when(draft(1, given))
                .thenSingleEvent(ComponentVersionDrafted.class).content();

        assertThat(stored).isEqualTo(new VersionContent("<p>{{#}}本文</p>", V1_EFFECTIVE, "初版", SubmissionTiming.AFTER,
                "共通記載の反映", List.of(), RenderingOptions.DEFAULT));
    }

    @Test
    void givenNoComponent_whenDrafted_thenRefusedAsNotFound() {
        spec.given().when(draft(1, v1())).thenRejected(ComponentNotFound.class);
    }

    @Test
    void givenADraftOrADraftInReview_whenAnotherIsDrafted_thenRefusedNamingTheOpenVersion() {
        assertThat(spec.given(registered(), drafted(1, v1())).when(draft(2, v2()))
                .thenRejected(ComponentDraftOpen.class)).isEqualTo(new ComponentDraftOpen(PLATFORM.value(), 1));
        assertThat(spec.given(registered(), drafted(1, v1()), submitted(1)).when(draft(2, v2()))
                .thenRejected(ComponentDraftOpen.class).openVersion()).isEqualTo(1);
    }

    @Test
    void givenVersionOnePublished_whenAVersionOtherThanTwoIsDrafted_thenRefusedNamingTheNextNumber() {
        assertThat(spec.given(v1Published()).when(draft(3, v2()))
                .thenRejected(ComponentVersionNotNext.class))
                .isEqualTo(new ComponentVersionNotNext(PLATFORM.value(), 3, 2));
        assertThat(spec.given(v1Published()).when(draft(1, v2()))
                .thenRejected(ComponentVersionNotNext.class).expectedVersion()).isEqualTo(2);
    }

    @Test
    void givenAWithdrawnDraft_whenDraftedAgain_thenItTakesTheFreedNumber() {
        spec.given(registered(), drafted(1, v1()),
                        new ComponentVersionWithdrawn(PLATFORM, 1, "誤記", OPERATOR, T2))
                .when(draft(1, v1())).thenEvents(drafted(1, v1()));
    }

    @Test
    void givenAnEffectiveDateBeforeThePublishedVersions_whenDrafted_thenRefusedNamingBothDates() {
        VersionContent early = content(ComponentFixtures.V2_TEXT, V1_EFFECTIVE.minusDays(1), List.of());

        assertThat(spec.given(v1Published()).when(draft(2, early)).thenRejected(EffectiveDateTooEarly.class))
                .isEqualTo(new EffectiveDateTooEarly(PLATFORM.value(), V1_EFFECTIVE.minusDays(1), 1, V1_EFFECTIVE));
    }

    @Test
    void givenTheSameEffectiveDateAsThePublishedVersion_whenDrafted_thenItIsDrafted() {
        spec.given(v1Published()).when(draft(2, content(ComponentFixtures.V2_TEXT, V1_EFFECTIVE, List.of())))
                .thenSingleEvent(ComponentVersionDrafted.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "<p> </p>", "<script>alert(1)</script>"})
    void givenNoText_whenDrafted_thenRefusedAsRequired(String text) {
        assertThat(spec.given(registered()).when(draft(1, content(text, V1_EFFECTIVE, List.of())))
                .thenRejected(InvalidInput.class)).isEqualTo(new InvalidInput("text", "required"));
    }

    @Test
    void givenATextOverTwentyThousandCharacters_whenDrafted_thenRefusedNamingTheLimit() {
        String text = "<p>" + "措".repeat(20_000) + "</p>";

        assertThat(spec.given(registered()).when(draft(1, content(text, V1_EFFECTIVE, List.of())))
                .thenRejected(TextTooLong.class)).isEqualTo(new TextTooLong("text", 20_000, 20_007));
    }

    @Test
    void givenATextLongerThanAFittedItemAllows_whenDrafted_thenRefusedNamingTheItem() {
        spec.given(registered(), new jp.hyoka.domain.components.event.ComponentFitsChanged(PLATFORM,
                List.of(new ComponentFit(ComponentFixtures.ALL_2024, ComponentFixtures.SHORT_NOTE)), OPERATOR, T2));

        assertThat(spec.when(draft(1, v1())).thenRejected(TextTooLong.class).itemId())
                .isEqualTo(ComponentFixtures.SHORT_NOTE.value());
    }

    @Test
    void givenASlotUsedAndDeclared_whenDrafted_thenTheSlotIsKept() {
        VersionContent stored = spec.given(registered())
                .when(draft(1, content(SLOTTED, V1_EFFECTIVE, List.of(SYSTEMS))))
                .thenSingleEvent(ComponentVersionDrafted.class).content();

        assertThat(stored.slots()).containsExactly(SYSTEMS);
    }

    @Test
    void givenASlotUsedButNotDeclared_whenDrafted_thenRefusedNamingIt() {
        assertThat(spec.given(registered()).when(draft(1, content(SLOTTED, V1_EFFECTIVE, List.of())))
                .thenRejected(SlotsMismatch.class))
                .isEqualTo(new SlotsMismatch(List.of("existing-systems"), List.of()));
    }

    @Test
    void givenASlotDeclaredButNotUsed_whenDrafted_thenRefusedNamingIt() {
        List<Slot> slots = List.of(SYSTEMS, new Slot("law-basis", "法令の根拠"));

        assertThat(spec.given(registered()).when(draft(1, content(SLOTTED, V1_EFFECTIVE, slots)))
                .thenRejected(SlotsMismatch.class)).isEqualTo(new SlotsMismatch(List.of(), List.of("law-basis")));
    }

    @Test
    void givenMalformedSlots_whenDrafted_thenRefusedNamingTheProblem() {
        assertThat(problem(List.of(new Slot("System", "名称")))).contains("kebab-case");
        assertThat(problem(List.of(SYSTEMS, SYSTEMS))).contains("declared twice");
        assertThat(problem(List.of(new Slot("existing-systems", " ")))).isEqualTo("required");
        assertThat(problem(Collections.nCopies(21, SYSTEMS))).isEqualTo("at most 20");
    }

    @Test
    void givenAnUnknownMarker_whenDrafted_thenRefusedAsInvalidText() {
        assertThat(spec.given(registered()).when(draft(1, content("<p>{{団体名}}は</p>", V1_EFFECTIVE, List.of())))
                .thenRejected(InvalidInput.class).field()).isEqualTo("text");
    }

    @Test
    void givenMissingFields_whenDrafted_thenRefusedNamingEach() {
        assertThat(field(new VersionContent(ComponentFixtures.V1_TEXT, null, "初版", SubmissionTiming.AFTER, "説明",
                List.of(), null))).isEqualTo("effectiveFrom");
        assertThat(field(new VersionContent(ComponentFixtures.V1_TEXT, V1_EFFECTIVE, " ", SubmissionTiming.AFTER, "説明",
                List.of(), null))).isEqualTo("note");
        assertThat(field(new VersionContent(ComponentFixtures.V1_TEXT, V1_EFFECTIVE, "初版", null, "説明",
                List.of(), null))).isEqualTo("timing");
        assertThat(field(new VersionContent(ComponentFixtures.V1_TEXT, V1_EFFECTIVE, "初版", SubmissionTiming.AFTER,
                null, List.of(), null))).isEqualTo("explanation");
        assertThat(field(new VersionContent(ComponentFixtures.V1_TEXT, V2_EFFECTIVE, "初".repeat(2_001),
                SubmissionTiming.AFTER, "説明", List.of(), null))).isEqualTo("note");
    }

    private String problem(List<Slot> slots) {
        return spec.given(registered()).when(draft(1, content(SLOTTED, V1_EFFECTIVE, slots)))
                .thenRejected(InvalidInput.class).problem();
    }

    private String field(VersionContent content) {
        return spec.given(registered()).when(draft(1, content)).thenRejected(InvalidInput.class).field();
    }
}
