package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.event.ItemAnswerCleared;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.NumberAnswer;
import jp.hyoka.domain.rejection.AssessmentNotFound;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.StaleRevision;
import jp.hyoka.domain.rejection.UnknownItem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static jp.hyoka.domain.assessment.AssessmentFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class ClearAnswerTest {

    private static final ChoiceAnswer LARGE_CITY = new ChoiceAnswer("300k-plus");

    private final DeciderSpec spec = DeciderSpec.onTestForms();

    @Test
    void givenAnsweredItem_whenClear_thenItemAnswerClearedWithPreviousAnswer() {
        spec.given(startedKeyItemsAssessment(), answered(POPULATION, null, LARGE_CITY, T1))
                .when(clear(2, POPULATION))
                .thenEvents(cleared(POPULATION, LARGE_CITY, T2));
    }

    @Test
    void givenReansweredItem_whenClear_thenPreviousAnswerIsTheLatestOne() {
        spec.given(startedKeyItemsAssessment(),
                        answered(PROVISION_COUNT, null, new NumberAnswer(3), T1),
                        answered(PROVISION_COUNT, new NumberAnswer(3), new NumberAnswer(5), T1))
                .when(clear(3, PROVISION_COUNT))
                .thenEvents(cleared(PROVISION_COUNT, new NumberAnswer(5), T2));
    }

    @Test
    void givenAnsweredItem_whenClearWithReason_thenReasonIsKept() {
        spec.given(startedKeyItemsAssessment(), answered(POPULATION, null, LARGE_CITY, T1))
                .when(clear(KAWASAKI, 2, POPULATION, " 対象外となったため "))
                .thenEvents(new ItemAnswerCleared(KEY_ID, KAWASAKI, POPULATION, List.of(), LARGE_CITY, "対象外となったため",
                        YAMADA, T2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " \t "})
    void givenAnsweredItem_whenClearWithBlankReason_thenReasonStoredAsNull(String reason) {
        spec.given(startedKeyItemsAssessment(), answered(POPULATION, null, LARGE_CITY, T1))
                .when(clear(KAWASAKI, 2, POPULATION, reason))
                .thenEvents(cleared(POPULATION, LARGE_CITY, T2));
    }

    @Test
    void givenUnansweredItem_whenClear_thenNoEvents() {
        spec.given(startedKeyItemsAssessment())
                .when(clear(1, POPULATION))
                .thenNoEvents();
    }

    @Test
    void givenClearedItem_whenClearAgain_thenNoEvents() {
        spec.given(startedKeyItemsAssessment(), answered(POPULATION, null, LARGE_CITY, T1),
                        cleared(POPULATION, LARGE_CITY, T1))
                .when(clear(3, POPULATION))
                .thenNoEvents();
    }

    @Test
    void givenStartedAssessment_whenClearAffairName_thenInvalidInput() {
        InvalidInput rejection = spec.given(startedKeyItemsAssessment())
                .when(clear(1, AFFAIR_NAME))
                .thenRejected(InvalidInput.class);

        assertThat(rejection.field()).isEqualTo("itemId");
    }

    @Test
    void givenStartedAssessment_whenClearUnknownItem_thenUnknownItem() {
        UnknownItem rejection = spec.given(startedKeyItemsAssessment())
                .when(clear(1, new ItemId("affair.no-such-item")))
                .thenRejected(UnknownItem.class);

        assertThat(rejection).isEqualTo(new UnknownItem("affair.no-such-item", "KEY_ITEMS@test"));
    }

    @Test
    void givenAnsweredItem_whenClearAtStaleRevision_thenStaleRevisionWithExpectedAndCurrent() {
        StaleRevision rejection = spec.given(startedKeyItemsAssessment(), answered(POPULATION, null, LARGE_CITY, T1))
                .when(clear(1, POPULATION))
                .thenRejected(StaleRevision.class);

        assertThat(rejection.expectedRevision()).isEqualTo(1);
        assertThat(rejection.currentRevision()).isEqualTo(2);
    }

    @ParameterizedTest(name = "expectedRevision {0}")
    @CsvSource({"2", "1", "42"})
    void givenAssessmentOfKawasaki_whenAsahikawaClearsAtAnyRevision_thenAssessmentNotFound(long expectedRevision) {
        spec.given(startedKeyItemsAssessment(), answered(POPULATION, null, LARGE_CITY, T1))
                .when(clear(ASAHIKAWA, expectedRevision, POPULATION, null))
                .thenRejected(AssessmentNotFound.class);
    }

    @Test
    void givenAnsweredItem_whenClearWithReasonOver1000Characters_thenInvalidInput() {
        InvalidInput rejection = spec.given(startedKeyItemsAssessment(), answered(POPULATION, null, LARGE_CITY, T1))
                .when(clear(KAWASAKI, 2, POPULATION, "理".repeat(1001)))
                .thenRejected(InvalidInput.class);

        assertThat(rejection.field()).isEqualTo("reason");
    }
}
