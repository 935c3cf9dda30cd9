package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.command.AnswerItem;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.DateAnswer;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.ItemType;
import jp.hyoka.domain.form.NumberAnswer;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.rejection.NumberOutOfRange;
import jp.hyoka.domain.rejection.OptionNotAllowed;
import jp.hyoka.domain.rejection.TextTooLong;
import jp.hyoka.domain.rejection.UnknownItem;
import jp.hyoka.domain.rejection.WrongAnswerType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static jp.hyoka.domain.assessment.AssessmentFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** AnswerItem: how the answer is checked against its item and normalised before it is stored. */
class AnswerItemRulesTest {

    private final DeciderSpec spec = DeciderSpec.onTestForms();

    private void thenStoredAs(ItemId item, Answer given, Answer stored) {
        spec.given(startedKeyItemsAssessment())
                .when(answer(1, item, given))
                .thenEvents(answered(item, null, stored, T2));
    }

    @Test
    void givenStartedAssessment_whenAnswerDateItem_thenItemAnswered() {
        DateAnswer date = new DateAnswer(LocalDate.of(2025, 6, 30));
        thenStoredAs(PUBLISHED_ON, date, date);
    }

    @Test
    void givenStartedAssessment_whenAnswerUnknownItem_thenUnknownItem() {
        UnknownItem rejection = spec.given(startedKeyItemsAssessment())
                .when(answer(1, new ItemId("affair.no-such-item"), new TextAnswer("x")))
                .thenRejected(UnknownItem.class);

        assertThat(rejection).isEqualTo(new UnknownItem("affair.no-such-item", "KEY_ITEMS@test"));
    }

    @Test
    void givenAllItemsAssessment_whenAnswerItemOnlyTheKeyItemsFormHas_thenUnknownItem() {
        UnknownItem rejection = spec.given(startedAllItemsAssessment())
                .when(new AnswerItem(ALL_ID, KAWASAKI, 1, KEY_ONLY, List.of(),
                        new TextAnswer("重点項目の回答"), null, YAMADA, T2))
                .thenRejected(UnknownItem.class);

        assertThat(rejection).isEqualTo(new UnknownItem(KEY_ONLY.value(), "ALL_ITEMS@test"));
    }

    @Test
    void givenStartedAssessment_whenAnswerTextItemWithDate_thenWrongAnswerType() {
        WrongAnswerType rejection = spec.given(startedKeyItemsAssessment())
                .when(answer(1, AFFAIR_NAME, new DateAnswer(LocalDate.of(2025, 4, 1))))
                .thenRejected(WrongAnswerType.class);

        assertThat(rejection).isEqualTo(new WrongAnswerType("affair.name", ItemType.TEXT, ItemType.DATE));
    }

    @Test
    void givenStartedAssessment_whenAnswerChoiceOutsideTheList_thenOptionNotAllowedListingAllowedCodes() {
        OptionNotAllowed rejection = spec.given(startedKeyItemsAssessment())
                .when(answer(1, POPULATION, new ChoiceAnswer("1,000人未満")))
                .thenRejected(OptionNotAllowed.class);

        assertThat(rejection.givenOption()).isEqualTo("1,000人未満");
        assertThat(rejection.allowedOptions()).containsExactlyElementsOf(POPULATION_CODES);
    }

    @ParameterizedTest
    @CsvSource({"-1", "1001", "-9223372036854775808", "9223372036854775807"})
    void givenStartedAssessment_whenAnswerNumberOutsideRange_thenNumberOutOfRange(long given) {
        NumberOutOfRange rejection = spec.given(startedKeyItemsAssessment())
                .when(answer(1, PROVISION_COUNT, new NumberAnswer(given)))
                .thenRejected(NumberOutOfRange.class);

        assertThat(rejection).isEqualTo(new NumberOutOfRange("provision.count", 0, 1000, given));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1000})
    void givenStartedAssessment_whenAnswerNumberAtRangeBoundary_thenItemAnswered(long given) {
        thenStoredAs(PROVISION_COUNT, new NumberAnswer(given), new NumberAnswer(given));
    }

    @Test
    void givenStartedAssessment_whenAnswerTextOf201CharactersWithSurrogatePair_thenTextTooLong() {
        String text = "𠮷" + "あ".repeat(200); // 202 UTF-16 units, 201 characters

        TextTooLong rejection = spec.given(startedKeyItemsAssessment())
                .when(answer(1, AFFAIR_NAME, new TextAnswer(text)))
                .thenRejected(TextTooLong.class);

        assertThat(rejection.maxLength()).isEqualTo(200);
        assertThat(rejection.actualLength()).isEqualTo(201);
    }

    @Test
    void givenStartedAssessment_whenAnswerTextOf200CharactersWithSurrogatePair_thenItemAnswered() {
        String text = "𠮷" + "あ".repeat(199); // 201 UTF-16 units, 200 characters
        spec.given(startedKeyItemsAssessment())
                .when(answer(1, AFFAIR_NAME, new TextAnswer(text)))
                .thenEvents(answered(AFFAIR_NAME, new TextAnswer(AFFAIR), new TextAnswer(text), T2));
    }

    @Test
    void givenStartedAssessment_whenAnswerTextWithControlCharacters_thenTheyAreStripped() {
        thenStoredAs(KEY_ONLY, new TextAnswer(" 個人番号\u0000の\u001b利用\u007f\u0085\r\n\t目的 "),
                new TextAnswer("個人番号の利用\n\t目的"));
    }

    @Test
    void givenStartedAssessment_whenAnswerRichTextWithScript_thenSanitisedBeforeStoring() {
        thenStoredAs(DESCRIPTION,
                new RichTextAnswer(" <p onclick=\"steal()\">事務の内容</p><script>alert('x')</script>\n"),
                new RichTextAnswer("<p>事務の内容</p>"));
    }

    @Test
    void givenStartedAssessment_whenRichTextFitsOnlyAfterSanitising_thenLimitAppliesToSanitisedText() {
        String kept = "<p>" + "内".repeat(493) + "</p>"; // exactly 500 characters
        thenStoredAs(DESCRIPTION, new RichTextAnswer(kept + "<script>alert('x')</script>"), new RichTextAnswer(kept));
    }

    @Test
    void givenStartedAssessment_whenRichTextOverLimitAfterSanitising_thenTextTooLong() {
        TextTooLong rejection = spec.given(startedKeyItemsAssessment())
                .when(answer(1, DESCRIPTION, new RichTextAnswer("<p>" + "内".repeat(494) + "</p>")))
                .thenRejected(TextTooLong.class);

        assertThat(rejection).isEqualTo(new TextTooLong("affair.description", 500, 501));
    }
}
