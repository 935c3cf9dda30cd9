package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.command.ClearAnswer;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.ItemAnswerCleared;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.UnknownRepeatEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static jp.hyoka.domain.assessment.AssessmentFixtures.*;
import static jp.hyoka.domain.assessment.RepeatFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** AnswerItem and ClearAnswer on items of repeating groups: an answer is addressed by one entry per enclosing group. */
class RepeatAnswerTest {

    private static final TextAnswer JUKI = new TextAnswer("住民記録システム");
    private static final TextAnswer ZEIMU = new TextAnswer("税務システム");
    private static final TextAnswer PRINTING = new TextAnswer("通知書の印刷");

    /** Systems s1, s2; file f1 with consignment c1; file f2 without: revision 6. */
    private static final AssessmentEvent[] SYSTEMS_AND_FILES = with(oneSystem(), added(SYSTEM, TOP, "s2", 1, T1),
            added(FILE, TOP, "f1", 0, T1), added(CONSIGNMENT, List.of("f1"), "c1", 0, T1), added(FILE, TOP, "f2", 1, T1));

    private final DeciderSpec spec = DeciderSpec.onRepeatForms();

    @Test
    void givenSystemS1_whenAnswerSystemNameInS1_thenItemAnsweredWithTheEntry() {
        spec.given(SYSTEMS_AND_FILES)
                .when(answerIn(6, SYSTEM_NAME, List.of("s1"), JUKI))
                .thenEvents(answeredIn(SYSTEM_NAME, List.of("s1"), null, JUKI, T2));
    }

    @Test
    void givenSystemS1_whenAnswerSystemNameWithoutEntries_thenUnknownRepeatEntryAskingForThem() {
        UnknownRepeatEntry rejection = spec.given(SYSTEMS_AND_FILES)
                .when(answerIn(6, SYSTEM_NAME, TOP, JUKI))
                .thenRejected(UnknownRepeatEntry.class);

        assertThat(rejection).isEqualTo(new UnknownRepeatEntry(SYSTEM, List.of()));
        assertThat(rejection.message()).contains("name its entries");
    }

    @ParameterizedTest(name = "entries {0}")
    @ValueSource(strings = {"s9", "f1", "c1", "s1 s2", "f1 c1"}) // unknown; other groups; one entry too many
    void givenSystemsAndFiles_whenAnswerSystemNameInAnythingButOneSystem_thenUnknownRepeatEntry(String entries) {
        List<String> path = Arrays.asList(entries.split(" "));
        assertThat(spec.given(SYSTEMS_AND_FILES).when(answerIn(6, SYSTEM_NAME, path, JUKI))
                .thenRejected(UnknownRepeatEntry.class)).isEqualTo(new UnknownRepeatEntry(SYSTEM, path));
    }

    @Test
    void givenSystemS1_whenAnswerTheNonRepeatedAffairNameWithAnEntry_thenInvalidInput() {
        assertThat(spec.given(SYSTEMS_AND_FILES)
                .when(answerIn(6, AFFAIR_NAME, List.of("s1"), new TextAnswer("住民基本台帳事務")))
                .thenRejected(InvalidInput.class).field()).isEqualTo("entryIds");
    }

    @Test
    void givenConsignmentC1OfFileF1_whenAnswerItsContentAtFileThenConsignment_thenItemAnsweredWithBoth() {
        spec.given(SYSTEMS_AND_FILES)
                .when(answerIn(6, CONSIGNMENT_CONTENT, List.of("f1", "c1"), PRINTING))
                .thenEvents(answeredIn(CONSIGNMENT_CONTENT, List.of("f1", "c1"), null, PRINTING, T2));
    }

    @ParameterizedTest(name = "entries {0}")
    @ValueSource(strings = {"c1", "f1", "c1 f1", "f2 c1", "f1 c9", "f1 c1 c1"})
    void givenConsignmentC1OfFileF1_whenAnswerItsContentAtAnyOtherPath_thenUnknownRepeatEntry(String entries) {
        List<String> path = Arrays.asList(entries.split(" "));
        assertThat(spec.given(SYSTEMS_AND_FILES).when(answerIn(6, CONSIGNMENT_CONTENT, path, PRINTING))
                .thenRejected(UnknownRepeatEntry.class)).isEqualTo(new UnknownRepeatEntry(CONSIGNMENT, path));
    }

    @Test
    void givenS1Answered_whenAnswerTheSameTextInS2_thenANewAnswerWithoutPrevious() {
        spec.given(with(SYSTEMS_AND_FILES, answeredIn(SYSTEM_NAME, List.of("s1"), null, JUKI, T1)))
                .when(answerIn(7, SYSTEM_NAME, List.of("s2"), JUKI))
                .thenEvents(answeredIn(SYSTEM_NAME, List.of("s2"), null, JUKI, T2));
    }

    @Test
    void givenS1Answered_whenAnswerTheSameTextInS1Again_thenNoEvents() {
        spec.given(with(SYSTEMS_AND_FILES, answeredIn(SYSTEM_NAME, List.of("s1"), null, JUKI, T1)))
                .when(answerIn(7, SYSTEM_NAME, List.of("s1"), JUKI))
                .thenNoEvents();
    }

    @Test
    void givenBothSystemsAnswered_whenS2Renamed_thenS1KeepsItsAnswer() {
        Assessment state = DeciderSpec.fold(with(SYSTEMS_AND_FILES,
                answeredIn(SYSTEM_NAME, List.of("s1"), null, JUKI, T1),
                answeredIn(SYSTEM_NAME, List.of("s2"), null, JUKI, T1),
                answeredIn(SYSTEM_NAME, List.of("s2"), JUKI, ZEIMU, T1)));

        assertThat(state.answers()).contains(entry(new AnswerKey(SYSTEM_NAME, List.of("s1")), JUKI),
                entry(new AnswerKey(SYSTEM_NAME, List.of("s2")), ZEIMU));
        assertThat(state.answer(SYSTEM_NAME)).isEmpty();
    }

    @Test
    void givenBothSystemsAnswered_whenClearS1_thenOnlyS1IsCleared() {
        spec.given(with(SYSTEMS_AND_FILES, answeredIn(SYSTEM_NAME, List.of("s1"), null, JUKI, T1),
                        answeredIn(SYSTEM_NAME, List.of("s2"), null, ZEIMU, T1)))
                .when(new ClearAnswer(KEY_ID, KAWASAKI, 8, SYSTEM_NAME, List.of("s1"), null, YAMADA, T2))
                .thenEvents(new ItemAnswerCleared(KEY_ID, KAWASAKI, SYSTEM_NAME, List.of("s1"), JUKI, null, YAMADA, T2));
    }

    @Test
    void givenSystemS1Removed_whenAnswerInS1_thenUnknownRepeatEntry() {
        spec.given(with(SYSTEMS_AND_FILES, removed(SYSTEM, TOP, "s1", 0, T1)))
                .when(answerIn(7, SYSTEM_NAME, List.of("s1"), JUKI))
                .thenRejected(UnknownRepeatEntry.class);
    }
}
