package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.ItemType;
import jp.hyoka.domain.form.MultiChoiceAnswer;
import jp.hyoka.domain.form.Selection;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.NumberOutOfRange;
import jp.hyoka.domain.rejection.OptionNotAllowed;
import jp.hyoka.domain.rejection.TextTooLong;
import jp.hyoka.domain.rejection.WrongAnswerType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static jp.hyoka.domain.assessment.AssessmentFixtures.*;
import static jp.hyoka.domain.assessment.RepeatFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** AnswerItem on single- and multiple-choice items: form order, duplicates, and an option's free text and count. */
class ChoiceAnswerRulesTest {

    /** System s1 and file f1: revision 3. */
    private static final AssessmentEvent[] S1_AND_F1 = with(oneSystem(), added(FILE, TOP, "f1", 0, T1));

    private final DeciderSpec spec = DeciderSpec.onRepeatForms();

    private static Selection tick(String code) {
        return new Selection(code, null, null);
    }

    private static MultiChoiceAnswer ticks(Selection... selections) {
        return new MultiChoiceAnswer(List.of(selections));
    }

    private void whenAnswered(ItemId item, String entry, Answer given) {
        spec.given(S1_AND_F1).when(answerIn(3, item, List.of(entry), given));
    }

    private void thenStoredAs(ItemId item, String entry, Answer given, Answer stored) {
        whenAnswered(item, entry, given);
        spec.thenEvents(answeredIn(item, List.of(entry), null, stored, T2));
    }

    @Test
    void givenSystem_whenConnectionsTickedInAnyOrder_thenStoredInFormOrder() {
        thenStoredAs(CONNECTIONS, "s1", ticks(new Selection("other", "宛名システム", null), tick("internal-linkage"),
                        tick("network-system")),
                ticks(tick("network-system"), tick("internal-linkage"), new Selection("other", "宛名システム", null)));
    }

    @Test
    void givenSystem_whenAnOptionIsTickedTwice_thenInvalidInput() {
        whenAnswered(CONNECTIONS, "s1", ticks(tick("network-system"), tick("other"), tick("network-system")));
        assertThat(spec.thenRejected(InvalidInput.class).problem()).contains("network-system");
    }

    @Test
    void givenSystem_whenNothingIsTicked_thenInvalidInputNotAnEmptyAnswer() {
        whenAnswered(CONNECTIONS, "s1", ticks());
        spec.thenRejected(InvalidInput.class);
    }

    @Test
    void givenSystem_whenAnUnknownOptionIsTicked_thenOptionNotAllowedListingTheCodes() {
        whenAnswered(CONNECTIONS, "s1", ticks(tick("network-system"), tick("lgwan")));
        assertThat(spec.thenRejected(OptionNotAllowed.class)).isEqualTo(new OptionNotAllowed(CONNECTIONS.value(), "lgwan",
                List.of("network-system", "internal-linkage", "other")));
    }

    @Test
    void givenSystem_whenOtherTakesFreeTextWithBlanksAround_thenStoredCleaned() {
        thenStoredAs(CONNECTIONS, "s1", ticks(new Selection("other", "\u3000宛名システム\u0000 ", null)),
                ticks(new Selection("other", "宛名システム", null)));
    }

    @Test
    void givenSystem_whenFreeTextOnAnOptionWithoutIt_thenInvalidInput() {
        whenAnswered(CONNECTIONS, "s1", ticks(new Selection("network-system", "中間サーバー経由", null)));
        assertThat(spec.thenRejected(InvalidInput.class).problem()).contains("no free text");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "\u200B"})
    void givenSystem_whenBlankFreeTextOnAnOptionWithoutIt_thenStoredWithoutText(String blank) {
        thenStoredAs(CONNECTIONS, "s1", ticks(new Selection("network-system", blank, null)), ticks(tick("network-system")));
    }

    @Test
    void givenSystem_whenFreeTextOf201Characters_thenTextTooLong() {
        whenAnswered(CONNECTIONS, "s1", ticks(new Selection("other", "𠮷" + "他".repeat(200), null)));
        assertThat(spec.thenRejected(TextTooLong.class)).isEqualTo(new TextTooLong(CONNECTIONS.value(), 200, 201));
    }

    @Test
    void givenSystem_whenFreeTextOf200CharactersWithSurrogatePair_thenStored() {
        Selection other = new Selection("other", "𠮷" + "他".repeat(199), null);
        thenStoredAs(CONNECTIONS, "s1", ticks(other), ticks(other));
    }

    @Test
    void givenSystem_whenCountOnATickedOptionWithoutCount_thenInvalidInput() {
        whenAnswered(CONNECTIONS, "s1", ticks(new Selection("internal-linkage", null, 2L)));
        assertThat(spec.thenRejected(InvalidInput.class).problem()).contains("no count");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 3, 100_000})
    void givenFile_whenConsigningWithACount_thenStoredWithTheCount(long count) {
        thenStoredAs(CONSIGNING, "f1", new ChoiceAnswer("consigning", null, count), new ChoiceAnswer("consigning", null, count));
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 100_001, Long.MIN_VALUE})
    void givenFile_whenConsigningWithACountOutOfRange_thenNumberOutOfRange(long count) {
        whenAnswered(CONSIGNING, "f1", new ChoiceAnswer("consigning", null, count));
        assertThat(spec.thenRejected(NumberOutOfRange.class))
                .isEqualTo(new NumberOutOfRange(CONSIGNING.value(), 0, 100_000, count));
    }

    @Test
    void givenFile_whenNotConsigningWithACount_thenInvalidInput() {
        whenAnswered(CONSIGNING, "f1", new ChoiceAnswer("not-consigning", null, 1L));
        spec.thenRejected(InvalidInput.class);
    }

    @Test
    void givenFile_whenSingleChoiceAnswerForACheckboxGroup_thenWrongAnswerType() {
        whenAnswered(MAIN_RECORD_ITEMS, "f1", new ChoiceAnswer("personal-number"));
        assertThat(spec.thenRejected(WrongAnswerType.class)).isEqualTo(new WrongAnswerType(MAIN_RECORD_ITEMS.value(),
                ItemType.MULTIPLE_CHOICE, ItemType.SINGLE_CHOICE));
    }
}
