package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.command.AssessmentCommand;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.rejection.AssessmentNotFound;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.RepeatLimitReached;
import jp.hyoka.domain.rejection.StaleRevision;
import jp.hyoka.domain.rejection.UnknownRepeatEntry;
import jp.hyoka.domain.rejection.UnknownRepeatGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Stream;

import static jp.hyoka.domain.assessment.AssessmentFixtures.*;
import static jp.hyoka.domain.assessment.RepeatFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** AddRepeatEntry, MoveRepeatEntry, RemoveRepeatEntry: limits, addressing, positions, and what removal takes along. */
class RepeatEntryTest {

    private static final TextAnswer NAME = new TextAnswer("住民記録システム");
    private final DeciderSpec spec = DeciderSpec.onRepeatForms();

    private static final AssessmentEvent[] THREE_SYSTEMS = // started, then s1, s2, s3 in that order: revision 4
            with(oneSystem(), added(SYSTEM, TOP, "s2", 1, T1), added(SYSTEM, TOP, "s3", 2, T1));

    @ParameterizedTest(name = "position {0} → {1}")
    @CsvSource({", 1", "0, 0", "1, 1"}) // no position appends
    void givenOneSystem_whenAdd_thenAddedAtTheGivenPositionOrAtTheEnd(Integer position, int expected) {
        spec.given(oneSystem()).when(add(2, SYSTEM, TOP, "s2", position))
                .thenEvents(added(SYSTEM, TOP, "s2", expected, T2));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 2})
    void givenOneSystem_whenAddAtPositionOutsideTheList_thenInvalidInput(int position) {
        assertThat(spec.given(oneSystem()).when(add(2, SYSTEM, TOP, "s2", position)).thenRejected(InvalidInput.class)
                .field()).isEqualTo("position");
    }

    @Test
    void givenThreeSystemsOfAtMostThree_whenAddAnother_thenRepeatLimitReached() {
        assertThat(spec.given(THREE_SYSTEMS).when(add(4, SYSTEM, TOP, "s4", null))
                .thenRejected(RepeatLimitReached.class)).isEqualTo(new RepeatLimitReached(SYSTEM, 3));
    }

    @Test
    void givenStartedAssessment_whenAddToGroupTheFormLacks_thenUnknownRepeatGroup() {
        assertThat(spec.given(started()).when(add(1, "vendor", TOP, "v1", null)).thenRejected(UnknownRepeatGroup.class))
                .isEqualTo(new UnknownRepeatGroup("vendor", "KEY_ITEMS@2024"));
    }

    @ParameterizedTest(name = "{0} under [{1}]")
    @CsvSource({"file.consignment, '', file", "file.consignment, f9, file", "file.consignment, s1, file", "system, f1, system"})
    void givenFileAndSystem_whenAddUnderAWrongParent_thenUnknownRepeatEntry(String group, String parent, String reported) {
        List<String> parents = parent.isEmpty() ? TOP : List.of(parent);
        assertThat(spec.given(started(), added(FILE, TOP, "f1", 0, T1), added(SYSTEM, TOP, "s1", 0, T1))
                .when(add(3, group, parents, "c1", null))
                .thenRejected(UnknownRepeatEntry.class)).isEqualTo(new UnknownRepeatEntry(reported, parents));
    }

    @Test
    void givenFileF1_whenAddConsignmentUnderIt_thenAddedWithItsParent() {
        spec.given(started(), added(FILE, TOP, "f1", 0, T1)).when(add(2, CONSIGNMENT, List.of("f1"), "c1", null))
                .thenEvents(added(CONSIGNMENT, List.of("f1"), "c1", 0, T2));
    }

    @ParameterizedTest
    @ValueSource(strings = {SYSTEM, FILE})
    void givenSystemS1_whenAddAnotherEntryCalledS1_thenInvalidInputEvenInAnotherGroup(String group) {
        assertThat(spec.given(oneSystem()).when(add(2, group, TOP, "s1", null)).thenRejected(InvalidInput.class)
                .field()).isEqualTo("entryId");
    }

    @Test
    void givenThreeSystems_whenMoveFirstToLast_thenMovedFrom0To2() {
        spec.given(THREE_SYSTEMS).when(move(4, SYSTEM, TOP, "s1", 2)).thenEvents(moved(SYSTEM, TOP, "s1", 0, 2, T2));
    }

    @Test
    void givenThreeSystems_whenMoveToWhereItAlreadyIs_thenNoEvents() {
        spec.given(THREE_SYSTEMS).when(move(4, SYSTEM, TOP, "s2", 1)).thenNoEvents();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 3})
    void givenThreeSystems_whenMoveOutsideTheList_thenInvalidInput(int to) {
        assertThat(spec.given(THREE_SYSTEMS).when(move(4, SYSTEM, TOP, "s1", to)).thenRejected(InvalidInput.class)
                .field()).isEqualTo("toPosition");
    }

    @Test
    void givenThreeSystems_whenMoveOrRemoveAnEntryNotThere_thenUnknownRepeatEntry() {
        spec.given(THREE_SYSTEMS).when(move(4, SYSTEM, TOP, "s9", 0)).thenRejected(UnknownRepeatEntry.class);
        spec.given(THREE_SYSTEMS).when(remove(4, FILE, TOP, "s1")).thenRejected(UnknownRepeatEntry.class);
    }

    @Test
    void givenAnsweredSystems_whenRemoveTheSecond_thenRemovedAtPosition1AndItsAnswersGo() {
        AssessmentEvent[] history = with(THREE_SYSTEMS, answeredIn(SYSTEM_NAME, List.of("s2"), null, NAME, T1),
                answeredIn(SYSTEM_NAME, List.of("s3"), null, NAME, T1));
        spec.given(history).when(remove(6, SYSTEM, TOP, "s2")).thenEvents(removed(SYSTEM, TOP, "s2", 1, T2));

        Assessment after = DeciderSpec.fold(with(history, removed(SYSTEM, TOP, "s2", 1, T2)));
        assertThat(after.entries(SYSTEM, TOP)).containsExactly("s1", "s3");
        assertThat(after.answers()).containsOnlyKeys(AnswerKey.of(AFFAIR_NAME), new AnswerKey(SYSTEM_NAME, List.of("s3")));
    }

    @Test
    void givenFileWithConsignments_whenRemoveTheFile_thenNoAnswerNorNestedEntryOfItRemains() {
        AssessmentEvent[] history = {started(), added(FILE, TOP, "f1", 0, T1), added(FILE, TOP, "f2", 1, T1),
                added(CONSIGNMENT, List.of("f1"), "c1", 0, T1), added(CONSIGNMENT, List.of("f2"), "c2", 0, T1),
                answeredIn(FILE_NAME, List.of("f1"), null, NAME, T1),
                answeredIn(CONSIGNMENT_CONTENT, List.of("f1", "c1"), null, NAME, T1),
                answeredIn(CONSIGNMENT_CONTENT, List.of("f2", "c2"), null, NAME, T1)};
        spec.given(history).when(remove(8, FILE, TOP, "f1")).thenEvents(removed(FILE, TOP, "f1", 0, T2));

        Assessment after = DeciderSpec.fold(with(history, removed(FILE, TOP, "f1", 0, T2)));
        assertThat(after.answers().keySet()).noneMatch(key -> key.entries().contains("f1"))
                .contains(new AnswerKey(CONSIGNMENT_CONTENT, List.of("f2", "c2")));
        assertThat(after.entries())
                .containsOnlyKeys(new EntryListKey(FILE, TOP), new EntryListKey(CONSIGNMENT, List.of("f2")));
        assertThat(after.entries(FILE, TOP)).containsExactly("f2");
    }

    static Stream<AssessmentCommand> staleCommands() {
        return Stream.of(add(3, SYSTEM, TOP, "s2", null), move(3, SYSTEM, TOP, "s1", 0), remove(3, SYSTEM, TOP, "s1"));
    }

    @ParameterizedTest
    @MethodSource("staleCommands")
    void givenAssessmentAtRevision2_whenEntryCommandExpectsAnother_thenStaleRevision(AssessmentCommand command) {
        assertThat(spec.given(oneSystem()).when(command).thenRejected(StaleRevision.class))
                .isEqualTo(new StaleRevision(KEY_ID.toString(), 3, 2));
    }

    @Test
    void givenAssessmentOfKawasaki_whenAsahikawaAddsToAnUnknownGroupAtAWrongRevision_thenAssessmentNotFoundFirst() {
        assertThat(spec.given(started()).when(add(ASAHIKAWA, 9, "vendor", TOP, "v1", null))
                .thenRejected(AssessmentNotFound.class)).isEqualTo(new AssessmentNotFound(KEY_ID.toString()));
    }
}
