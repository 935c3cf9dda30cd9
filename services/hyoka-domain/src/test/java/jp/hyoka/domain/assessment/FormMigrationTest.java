package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.FormChange;
import jp.hyoka.domain.assessment.event.FormRevisionMigrated;
import jp.hyoka.domain.form.MultiChoiceAnswer;
import jp.hyoka.domain.form.NumberAnswer;
import jp.hyoka.domain.form.Selection;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.rejection.OptionNotAllowed;
import jp.hyoka.domain.rejection.StaleRevision;
import jp.hyoka.domain.rejection.UnknownForm;
import jp.hyoka.domain.rejection.UnknownItem;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static jp.hyoka.domain.assessment.AssessmentFixtures.*;
import static jp.hyoka.domain.assessment.RepeatFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/** MigrateFormRevision from 2024 (4情報) to 2025 (5情報): what it reports, and the document afterwards. */
class FormMigrationTest {

    private static final List<String> F1 = List.of("f1");
    private static final MultiChoiceAnswer FOUR_INFO = multi("personal-number", "basic-4-info");
    private static final MultiChoiceAnswer FIVE_INFO = multi("personal-number", "basic-5-info");
    private static final TextAnswer LEGACY = new TextAnswer("旧様式の整理番号 12");
    private static final TextAnswer JUKI = new TextAnswer("住民記録システム");

    /** On 2024: file f1 with 4情報 ticked, the 2024-only legacy code, system s1 named: revision 6. */
    private static final AssessmentEvent[] ON_2024 = with(new AssessmentEvent[]{started()},
            added(FILE, TOP, "f1", 0, T1), answeredIn(MAIN_RECORD_ITEMS, F1, null, FOUR_INFO, T1),
            answeredIn(LEGACY_CODE, TOP, null, LEGACY, T1), added(SYSTEM, TOP, "s1", 0, T1),
            answeredIn(SYSTEM_NAME, List.of("s1"), null, JUKI, T1));

    private final DeciderSpec spec = DeciderSpec.onRepeatForms();

    private static MultiChoiceAnswer multi(String... codes) {
        return new MultiChoiceAnswer(Arrays.stream(codes).map(code -> new Selection(code, null, null)).toList());
    }

    /** The event the decider produces for the move of {@link #ON_2024} to 2025. */
    private static FormRevisionMigrated migrated() {
        return DeciderSpec.onRepeatForms().given(ON_2024).when(migrate(6, "2025")).thenSingleEvent(FormRevisionMigrated.class);
    }

    @Test
    void givenAssessmentOn2024_whenMigrateTo2025_thenOneEventReportingEveryChange() {
        FormRevisionMigrated event = spec.given(ON_2024).when(migrate(6, "2025")).thenSingleEvent(FormRevisionMigrated.class);

        assertThat(event).extracting(FormRevisionMigrated::assessmentId, FormRevisionMigrated::tenant,
                FormRevisionMigrated::from, FormRevisionMigrated::to, FormRevisionMigrated::by, FormRevisionMigrated::at)
                .containsExactly(KEY_ID, KAWASAKI, FORM_2024, FORM_2025, YAMADA, T2);
        assertThat(event.changes()).extracting(FormChange::kind, FormChange::itemId, FormChange::entries).containsExactly(
                tuple(FormChange.ANSWER_DROPPED, LEGACY_CODE.value(), TOP),
                tuple(FormChange.ANSWER_MAPPED, MAIN_RECORD_ITEMS.value(), F1),
                tuple(FormChange.ITEM_RELABELLED, MAIN_RECORD_ITEMS.value(), TOP), // its options changed
                tuple(FormChange.ITEM_ADDED, RECORD_COUNT.value(), TOP),
                tuple(FormChange.ITEM_REMOVED, LEGACY_CODE.value(), TOP));
        assertThat(event.changes().get(0)).extracting(FormChange::before, FormChange::after).containsExactly(LEGACY, null);
        assertThat(event.changes().get(1)).extracting(FormChange::before, FormChange::after)
                .containsExactly(FOUR_INFO, FIVE_INFO);
    }

    @Test
    void givenMigratedTo2025_whenFolded_thenOn2025WithTheMappedAnswerAndWithoutTheDroppedOne() {
        Assessment state = DeciderSpec.fold(with(ON_2024, migrated()));

        assertThat(state.form()).isEqualTo(FORM_2025);
        assertThat(state.revision()).isEqualTo(7);
        assertThat(state.answers()).containsOnly(entry(AnswerKey.of(AFFAIR_NAME), new TextAnswer(AFFAIR)),
                entry(new AnswerKey(MAIN_RECORD_ITEMS, F1), FIVE_INFO),
                entry(new AnswerKey(SYSTEM_NAME, List.of("s1")), JUKI));
        assertThat(state.entries(FILE, TOP)).containsExactly("f1");
        assertThat(state.entries(SYSTEM, TOP)).containsExactly("s1");
    }

    @Test
    void givenAssessmentOn2024_whenMigrateTo2024_thenNoEvents() {
        spec.given(ON_2024).when(migrate(6, "2024")).thenNoEvents();
    }

    @Test
    void givenAssessmentOn2024_whenMigrateToAnUnknownRevision_thenUnknownForm() {
        assertThat(spec.given(ON_2024).when(migrate(6, "2030")).thenRejected(UnknownForm.class))
                .isEqualTo(new UnknownForm("KEY_ITEMS@2030"));
    }

    @Test
    void givenAssessmentAtRevision6_whenMigrateExpectingRevision5_thenStaleRevision() {
        spec.given(ON_2024).when(migrate(5, "2025")).thenRejected(StaleRevision.class);
    }

    @Test
    void givenMigratedTo2025_whenAnswerWithThe2024OptionCode_thenOptionNotAllowed() {
        OptionNotAllowed rejection = spec.given(with(ON_2024, migrated()))
                .when(answerIn(7, MAIN_RECORD_ITEMS, F1, FOUR_INFO))
                .thenRejected(OptionNotAllowed.class);

        assertThat(rejection.givenOption()).isEqualTo("basic-4-info");
        assertThat(rejection.allowedOptions()).containsExactly("personal-number", "basic-5-info");
    }

    @Test
    void givenMigratedTo2025_whenAnswerWhatTheMappingGave_thenNoEvents() {
        spec.given(with(ON_2024, migrated())).when(answerIn(7, MAIN_RECORD_ITEMS, F1, FIVE_INFO)).thenNoEvents();
    }

    @Test
    void givenMigratedTo2025_whenAnswerItemsOfEitherRevision_thenOnly2025ItemsAreKnown() {
        spec.given(with(ON_2024, migrated())).when(answerIn(7, RECORD_COUNT, F1, new NumberAnswer(120_000)))
                .thenEvents(answeredIn(RECORD_COUNT, F1, null, new NumberAnswer(120_000), T2));
        spec.given(with(ON_2024, migrated())).when(answerIn(7, LEGACY_CODE, TOP, LEGACY)).thenRejected(UnknownItem.class);
    }

    @Test
    void givenMigratedTo2025_whenMigrateBackTo2024_thenTheFiveInfoAnswerIsDroppedForItsOption() {
        FormRevisionMigrated back = spec.given(with(ON_2024, migrated())).when(migrate(7, "2024"))
                .thenSingleEvent(FormRevisionMigrated.class);

        assertThat(back.changes()).filteredOn(change -> change.kind().equals(FormChange.ANSWER_DROPPED))
                .extracting(FormChange::itemId, FormChange::entries, FormChange::before, FormChange::detail)
                .containsExactly(tuple(MAIN_RECORD_ITEMS.value(), F1, FIVE_INFO, "option not in KEY_ITEMS@2024"));
    }
}
