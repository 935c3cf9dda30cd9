package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.NumberAnswer;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.rejection.AssessmentNotFound;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.StaleRevision;
import jp.hyoka.domain.rejection.UnknownForm;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static jp.hyoka.domain.assessment.AssessmentFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** AnswerItem: the events it produces, revision and tenant checks, and the reason. Answer rules: AnswerItemRulesTest. */
class AnswerItemTest {

    private static final TextAnswer NAME_V2 = new TextAnswer("住民基本台帳事務");

    private final DeciderSpec spec = DeciderSpec.onTestForms();

    @Test
    void givenStartedAssessment_whenAnswerChoiceItem_thenItemAnswered() {
        spec.given(startedKeyItemsAssessment())
                .when(answer(1, POPULATION, new ChoiceAnswer("100k-300k")))
                .thenEvents(answered(POPULATION, null, new ChoiceAnswer("100k-300k"), T2));
    }

    @Test
    void givenStartedAssessment_whenAnswerTextItemOfKeyOnlySection_thenItemAnsweredWithoutPreviousAnswer() {
        spec.given(startedKeyItemsAssessment())
                .when(answer(1, KEY_ONLY, new TextAnswer("重点項目の回答")))
                .thenEvents(answered(KEY_ONLY, null, new TextAnswer("重点項目の回答"), T2));
    }

    @Test
    void givenAnsweredItem_whenAnswerDifferently_thenPreviousAnswerIsCarried() {
        spec.given(startedKeyItemsAssessment(), answered(PROVISION_COUNT, null, new NumberAnswer(3), T1))
                .when(answer(2, PROVISION_COUNT, new NumberAnswer(4)))
                .thenEvents(answered(PROVISION_COUNT, new NumberAnswer(3), new NumberAnswer(4), T2));
    }

    @Test
    void givenStartedAssessment_whenRenameAffair_thenStartedNameIsThePreviousAnswer() {
        spec.given(startedKeyItemsAssessment())
                .when(answer(1, AFFAIR_NAME, NAME_V2))
                .thenEvents(answered(AFFAIR_NAME, new TextAnswer(AFFAIR), NAME_V2, T2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"住民基本台帳事務", "  住民基本台帳事務\n", "住民基本台帳\u0000事務"})
    void givenAnsweredItem_whenSameAnswerAgainAfterNormalisation_thenNoEvents(String text) {
        spec.given(startedKeyItemsAssessment(), answered(AFFAIR_NAME, new TextAnswer(AFFAIR), NAME_V2, T1))
                .when(answer(2, AFFAIR_NAME, new TextAnswer(text)))
                .thenNoEvents();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 3, 99})
    void givenAssessmentAtRevision2_whenAnswerOtherRevision_thenStaleRevision(long expectedRevision) {
        StaleRevision rejection = spec
                .given(startedKeyItemsAssessment(), answered(PROVISION_COUNT, null, new NumberAnswer(3), T1))
                .when(answer(expectedRevision, PROVISION_COUNT, new NumberAnswer(4)))
                .thenRejected(StaleRevision.class);

        assertThat(rejection).isEqualTo(new StaleRevision(KEY_ID.toString(), expectedRevision, 2));
    }

    @ParameterizedTest(name = "expectedRevision {0}")
    @ValueSource(longs = {1, 7})
    void givenAssessmentOfKawasaki_whenAsahikawaAnswersAtAnyRevision_thenAssessmentNotFound(long expectedRevision) {
        AssessmentNotFound rejection = spec.given(startedKeyItemsAssessment())
                .when(answer(ASAHIKAWA, expectedRevision, POPULATION, new ChoiceAnswer("under-1k"), null))
                .thenRejected(AssessmentNotFound.class);

        assertThat(rejection.assessmentId()).isEqualTo(KEY_ID.toString());
    }

    @Test
    void givenStartedAssessment_whenReasonHasSurroundingBlanks_thenReasonStoredTrimmed() {
        spec.given(startedKeyItemsAssessment())
                .when(answer(KAWASAKI, 1, PROVISION_COUNT, new NumberAnswer(2), "  条例改正のため\u0007 "))
                .thenEvents(new ItemAnswered(KEY_ID, KAWASAKI, PROVISION_COUNT, List.of(), null, new NumberAnswer(2),
                        "条例改正のため", YAMADA, T2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u3000\t"})
    void givenStartedAssessment_whenReasonIsBlank_thenReasonStoredAsNull(String reason) {
        spec.given(startedKeyItemsAssessment())
                .when(answer(KAWASAKI, 1, PROVISION_COUNT, new NumberAnswer(2), reason))
                .thenEvents(answered(PROVISION_COUNT, null, new NumberAnswer(2), T2));
    }

    @Test
    void givenStartedAssessment_whenReasonOf1000Characters_thenAccepted() {
        String reason = "𠮷".repeat(1000); // 2000 UTF-16 units, 1000 characters

        spec.given(startedKeyItemsAssessment())
                .when(answer(KAWASAKI, 1, PROVISION_COUNT, new NumberAnswer(2), reason))
                .thenEvents(new ItemAnswered(KEY_ID, KAWASAKI, PROVISION_COUNT, List.of(), null, new NumberAnswer(2),
                        reason, YAMADA, T2));
    }

    @Test
    void givenStartedAssessment_whenReasonOver1000Characters_thenInvalidInput() {
        InvalidInput rejection = spec.given(startedKeyItemsAssessment())
                .when(answer(KAWASAKI, 1, PROVISION_COUNT, new NumberAnswer(2), "理".repeat(1001)))
                .thenRejected(InvalidInput.class);

        assertThat(rejection.field()).isEqualTo("reason");
    }

    @Test
    void givenAssessmentOnRetiredFormRevision_whenAnswer_thenUnknownForm() {
        FormRef retired = new FormRef(FormKind.KEY_ITEMS, "2019");

        UnknownForm rejection = spec.given(new AssessmentStarted(KEY_ID, KAWASAKI, retired, AFFAIR, YAMADA, T0))
                .when(answer(1, PROVISION_COUNT, new NumberAnswer(2)))
                .thenRejected(UnknownForm.class);

        assertThat(rejection.form()).isEqualTo("KEY_ITEMS@2019");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u3000", "\u0000"})
    void givenStartedAssessment_whenAnswerAffairNameWithBlank_thenInvalidInput(String blank) {
        spec.given(startedKeyItemsAssessment())
                .when(answer(1, AFFAIR_NAME, new TextAnswer(blank)))
                .thenRejected(InvalidInput.class);
    }
}

