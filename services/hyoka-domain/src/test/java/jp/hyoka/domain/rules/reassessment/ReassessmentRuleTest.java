package jp.hyoka.domain.rules.reassessment;

import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.rules.threshold.MandatoryLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReassessmentRuleTest {

    @Test
    void givenAFullAssessmentsNextVersionWithAnImportantChange_whenDecided_thenItIsAReassessmentWithCommentAndReview() {
        ReassessmentNeed need = ReassessmentRule.decide(FormKind.ALL_ITEMS, true, List.of("affair.description"));

        assertThat(need.required()).isTrue();
        assertThat(need.importantItems()).containsExactly("affair.description");
        assertThat(need.steps()).containsExactly(ReassessmentStep.PUBLIC_COMMENT, ReassessmentStep.THIRD_PARTY_REVIEW,
                ReassessmentStep.SUBMISSION_BEFORE_CHANGE);
        assertThat(need.explanation()).contains("住民等の意見聴取及び第三者点検").contains("事前").contains("1件");
    }

    @ParameterizedTest
    @EnumSource(value = FormKind.class, names = {"KEY_ITEMS", "BASIC_ITEMS"})
    void givenAnotherKindsNextVersionWithAnImportantChange_whenDecided_thenOnlyTheSubmissionBeforeTheChangeIsNeeded(
            FormKind kind) {
        ReassessmentNeed need = ReassessmentRule.decide(kind, true,
                List.of("personal-number-use.legal-basis", "file.usage.purpose"));

        assertThat(need.required()).isTrue();
        assertThat(need.steps()).containsExactly(ReassessmentStep.SUBMISSION_BEFORE_CHANGE);
        assertThat(need.explanation()).contains("2件").doesNotContain("意見聴取");
    }

    @Test
    void givenANextVersionWithoutImportantChanges_whenDecided_thenItIsACorrectionSubmittedAfterwards() {
        ReassessmentNeed need = ReassessmentRule.decide(FormKind.ALL_ITEMS, true, List.of());

        assertThat(need.required()).isFalse();
        assertThat(need.steps()).isEmpty();
        assertThat(need.explanation()).contains("事後");
    }

    @Test
    void givenTheFirstVersion_whenDecided_thenItIsTheAssessmentItselfNotAReassessment() {
        ReassessmentNeed need = ReassessmentRule.decide(FormKind.KEY_ITEMS, false, List.of("file.usage.purpose"));

        assertThat(need.required()).isFalse();
        assertThat(need.importantItems()).isEmpty();
        assertThat(need.explanation()).contains("重点項目評価書として初めて公表");
    }

    @Test
    void givenADraftWhoseThresholdRoseAboveThePublishedOne_whenDecided_thenItIsAReassessmentNamingTheHigherKind() {
        ReassessmentNeed need = ReassessmentRule.decide(FormKind.KEY_ITEMS, true, List.of(),
                java.util.Optional.of(MandatoryLevel.BASIC_AND_KEY_ITEMS),
                java.util.Optional.of(MandatoryLevel.BASIC_AND_ALL_ITEMS));

        assertThat(need.required()).isTrue();
        assertThat(need.explanation()).contains("しきい値判断結果が上がった").contains("規則第14条第3項")
                .contains("全項目評価書が必要");
    }

    @Test
    void givenADraftWhoseThresholdFell_whenDecided_thenOnlyTheItemsDecide() {
        ReassessmentNeed need = ReassessmentRule.decide(FormKind.KEY_ITEMS, true, List.of(),
                java.util.Optional.of(MandatoryLevel.BASIC_AND_KEY_ITEMS), java.util.Optional.of(MandatoryLevel.BASIC));

        assertThat(need.required()).isFalse();
    }
}
