package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.event.FormChange;
import jp.hyoka.domain.assessment.event.FormRevisionMigrated;
import jp.hyoka.domain.form.TextAnswer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static jp.hyoka.domain.assessment.AssessmentFixtures.*;
import static jp.hyoka.domain.assessment.RepeatFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** Assessment.evolve for the events of repeating groups and form migration: entry order, and what goes with an entry. */
class RepeatEvolveTest {

    private static final TextAnswer A = new TextAnswer("A");
    private static final TextAnswer B = new TextAnswer("B");

    @Test
    void givenEntriesAddedAtPositions_whenFolded_thenInThatOrderAndOneRevisionEach() {
        Assessment state = DeciderSpec.fold(started(), added(SYSTEM, TOP, "s1", 0, T1), added(SYSTEM, TOP, "s2", 0, T1),
                added(SYSTEM, TOP, "s3", 1, T1), added(SYSTEM, TOP, "s4", 3, T1));

        assertThat(state.entries(SYSTEM, TOP)).containsExactly("s2", "s3", "s1", "s4");
        assertThat(state.revision()).isEqualTo(5);
    }

    @Test
    void givenNoEntries_whenAskedForAGroup_thenEmptyList() {
        assertThat(DeciderSpec.fold(started()).entries(FILE, TOP)).isEmpty();
        assertThat(DeciderSpec.fold(started()).entries()).isEmpty();
    }

    @Test
    void givenThreeSystems_whenMovedForthAndBack_thenToPositionIsTheIndexInTheNewList() {
        Assessment state = DeciderSpec.fold(with(oneSystem(), added(SYSTEM, TOP, "s2", 1, T1),
                added(SYSTEM, TOP, "s3", 2, T1), moved(SYSTEM, TOP, "s1", 0, 2, T1)));
        assertThat(state.entries(SYSTEM, TOP)).containsExactly("s2", "s3", "s1");

        assertThat(state.evolve(moved(SYSTEM, TOP, "s1", 2, 1, T2)).entries(SYSTEM, TOP)).containsExactly("s2", "s1", "s3");
        assertThat(state.evolve(moved(SYSTEM, TOP, "s3", 1, 0, T2)).entries(SYSTEM, TOP)).containsExactly("s3", "s2", "s1");
    }

    @Test
    void givenAnsweredSystems_whenMoved_thenAnswersStayWithTheirEntry() {
        Assessment state = DeciderSpec.fold(with(oneSystem(), added(SYSTEM, TOP, "s2", 1, T1),
                answeredIn(SYSTEM_NAME, List.of("s1"), null, A, T1), answeredIn(SYSTEM_NAME, List.of("s2"), null, B, T1),
                moved(SYSTEM, TOP, "s2", 1, 0, T1)));

        assertThat(state.answer(new AnswerKey(SYSTEM_NAME, List.of("s1")))).contains(A);
        assertThat(state.answer(new AnswerKey(SYSTEM_NAME, List.of("s2")))).contains(B);
    }

    @Test
    void givenThreeSystems_whenMiddleRemoved_thenTheOthersCloseUp() {
        Assessment state = DeciderSpec.fold(with(oneSystem(), added(SYSTEM, TOP, "s2", 1, T1),
                added(SYSTEM, TOP, "s3", 2, T1), removed(SYSTEM, TOP, "s2", 1, T1)));

        assertThat(state.entries(SYSTEM, TOP)).containsExactly("s1", "s3");
        assertThat(state.revision()).isEqualTo(5);
    }

    @Test
    void givenConsignmentsInTwoFiles_whenOneConsignmentRemoved_thenOnlyItsAnswerGoes() {
        Assessment state = DeciderSpec.fold(started(), added(FILE, TOP, "f1", 0, T1), added(FILE, TOP, "f2", 1, T1),
                added(CONSIGNMENT, List.of("f1"), "c1", 0, T1), added(CONSIGNMENT, List.of("f2"), "c2", 0, T1),
                answeredIn(FILE_NAME, List.of("f1"), null, A, T1),
                answeredIn(CONSIGNMENT_CONTENT, List.of("f1", "c1"), null, A, T1),
                answeredIn(CONSIGNMENT_CONTENT, List.of("f2", "c2"), null, B, T1),
                removed(CONSIGNMENT, List.of("f1"), "c1", 0, T1));

        assertThat(state.entries(CONSIGNMENT, List.of("f1"))).isEmpty();
        assertThat(state.entries(CONSIGNMENT, List.of("f2"))).containsExactly("c2");
        assertThat(state.answers()).containsOnlyKeys(AnswerKey.of(AFFAIR_NAME), new AnswerKey(FILE_NAME, List.of("f1")),
                new AnswerKey(CONSIGNMENT_CONTENT, List.of("f2", "c2")));
    }

    @Test
    void givenRemovedSystemReAddedUnderTheSameId_whenFolded_thenItStartsWithoutAnswers() {
        Assessment state = DeciderSpec.fold(with(oneSystem(), answeredIn(SYSTEM_NAME, List.of("s1"), null, A, T1),
                removed(SYSTEM, TOP, "s1", 0, T1), added(SYSTEM, TOP, "s1", 0, T2)));

        assertThat(state.entries(SYSTEM, TOP)).containsExactly("s1");
        assertThat(state.answer(new AnswerKey(SYSTEM_NAME, List.of("s1")))).isEmpty();
    }

    @Test
    void givenFormRevisionMigrated_whenFolded_thenNewFormMappedAnswersAndDroppedGroupsApplied() {
        FormRevisionMigrated migrated = new FormRevisionMigrated(KEY_ID, KAWASAKI, FORM_2024, FORM_2025, List.of(
                new FormChange(FormChange.ANSWER_MAPPED, SYSTEM_NAME.value(), List.of("s1"), A, B, "mapped"),
                new FormChange(FormChange.ANSWER_DROPPED, LEGACY_CODE.value(), TOP, A, null, "gone"),
                new FormChange(FormChange.ENTRIES_DROPPED, FILE, TOP, null, null, "ファイル"),
                new FormChange(FormChange.ITEM_ADDED, RECORD_COUNT.value(), TOP, null, null, "added")), null, YAMADA, T2);

        Assessment state = DeciderSpec.fold(with(oneSystem(), added(FILE, TOP, "f1", 0, T1),
                answeredIn(SYSTEM_NAME, List.of("s1"), null, A, T1), answeredIn(LEGACY_CODE, TOP, null, A, T1), migrated));

        assertThat(state.form()).isEqualTo(FORM_2025);
        assertThat(state.answers()).containsOnly(entry(AnswerKey.of(AFFAIR_NAME), new TextAnswer(AFFAIR)),
                entry(new AnswerKey(SYSTEM_NAME, List.of("s1")), B));
        assertThat(state.entries()).containsOnlyKeys(new EntryListKey(SYSTEM, TOP));
        assertThat(state.revision()).isEqualTo(6);
    }

    @Test
    void givenFoldedState_whenEntriesModified_thenUnsupported() {
        Assessment state = DeciderSpec.fold(oneSystem());

        assertThatThrownBy(() -> state.entries(SYSTEM, TOP).add("s2")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> state.entries().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
