package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.command.StartAssessment;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.TextTooLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static jp.hyoka.domain.assessment.AssessmentFixtures.AFFAIR;
import static jp.hyoka.domain.assessment.AssessmentFixtures.AFFAIR_NAME;
import static jp.hyoka.domain.assessment.AssessmentFixtures.FORMS;
import static jp.hyoka.domain.assessment.AssessmentFixtures.KAWASAKI;
import static jp.hyoka.domain.assessment.AssessmentFixtures.KEY_ID;
import static jp.hyoka.domain.assessment.AssessmentFixtures.T0;
import static jp.hyoka.domain.assessment.AssessmentFixtures.YAMADA;
import static jp.hyoka.domain.assessment.AssessmentFixtures.startKeyItems;
import static jp.hyoka.domain.assessment.AssessmentFixtures.startedKeyItemsAssessment;
import static org.assertj.core.api.Assertions.assertThat;

class StartAssessmentTest {

    private final DeciderSpec spec = DeciderSpec.onTestForms();

    @Test
    void givenNothing_whenStartKeyItems_thenAssessmentStartedOnCurrentForm() {
        spec.given()
                .when(startKeyItems(AFFAIR))
                .thenEvents(startedKeyItemsAssessment());
    }

    @ParameterizedTest
    @EnumSource(FormKind.class)
    void givenNothing_whenStartAnyKind_thenAssessmentPinsCurrentRevisionOfThatKind(FormKind kind) {
        spec.given()
                .when(new StartAssessment(KEY_ID, KAWASAKI, kind, AFFAIR, YAMADA, T0))
                .thenEvents(new AssessmentStarted(KEY_ID, KAWASAKI, FORMS.current(kind).ref(), AFFAIR, YAMADA, T0));
    }

    @Test
    void givenNothing_whenStartWithPaddedAffairName_thenNameIsTrimmed() {
        spec.given()
                .when(startKeyItems(" \t住民基本台帳に関する事務\u3000\n"))
                .thenEvents(startedKeyItemsAssessment());
    }

    @Test
    void givenNothing_whenStartWithControlCharactersInName_thenTheyAreStripped() {
        spec.given()
                .when(startKeyItems("住民基本\u0000台帳に\u001b関する\u007f事務\r"))
                .thenEvents(startedKeyItemsAssessment());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u3000", "\t\n", "\u0000\u0007"})
    void givenNothing_whenStartWithBlankAffairName_thenInvalidInput(String affairName) {
        InvalidInput rejection = spec.given()
                .when(startKeyItems(affairName))
                .thenRejected(InvalidInput.class);

        assertThat(rejection.field()).isEqualTo("affairName");
    }

    @Test
    void givenNothing_whenStartWithAffairNameOf201Characters_thenTextTooLong() {
        TextTooLong rejection = spec.given()
                .when(startKeyItems("事".repeat(201)))
                .thenRejected(TextTooLong.class);

        assertThat(rejection).isEqualTo(new TextTooLong(AFFAIR_NAME.value(), 200, 201));
    }

    @Test
    void givenNothing_whenStartWithAffairNameOfExactly200CodePoints_thenStarted() {
        String name = "𠮷".repeat(2) + "事".repeat(198); // 202 UTF-16 units, 200 characters

        spec.given()
                .when(startKeyItems(name))
                .thenEvents(new AssessmentStarted(KEY_ID, KAWASAKI, FORMS.current(FormKind.KEY_ITEMS).ref(), name,
                        YAMADA, T0));
    }
}
