package jp.hyoka.domain.assessment;

import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.NumberAnswer;
import jp.hyoka.domain.form.TextAnswer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static jp.hyoka.domain.assessment.AssessmentFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class AssessmentEvolveTest {

    private static final ChoiceAnswer MID_CITY = new ChoiceAnswer("100k-300k");

    @Test
    void givenAssessmentStarted_whenBegin_thenRevision1WithAffairNameAsOnlyAnswer() {
        Assessment state = Assessment.begin(startedKeyItemsAssessment());

        assertThat(state.id()).isEqualTo(KEY_ID);
        assertThat(state.tenant()).isEqualTo(KAWASAKI);
        assertThat(state.form()).isEqualTo(formRef(FormKind.KEY_ITEMS));
        assertThat(state.revision()).isEqualTo(1);
        assertThat(state.answers()).containsOnly(entry(AnswerKey.of(AFFAIR_NAME), new TextAnswer(AFFAIR)));
        assertThat(state.answer(AFFAIR_NAME)).contains(new TextAnswer(AFFAIR));
    }

    @Test
    void givenStartedAssessment_whenItemAnswered_thenAnswerRecordedAndRevisionIncremented() {
        Assessment state = DeciderSpec.fold(startedKeyItemsAssessment(), answered(POPULATION, null, MID_CITY, T1));

        assertThat(state.revision()).isEqualTo(2);
        assertThat(state.answers()).containsOnly(entry(AnswerKey.of(AFFAIR_NAME), new TextAnswer(AFFAIR)), entry(AnswerKey.of(POPULATION), MID_CITY));
    }

    @Test
    void givenAnsweredItem_whenAnsweredAgain_thenLatestAnswerWins() {
        Assessment state = DeciderSpec.fold(startedKeyItemsAssessment(),
                answered(PROVISION_COUNT, null, new NumberAnswer(3), T1),
                answered(PROVISION_COUNT, new NumberAnswer(3), new NumberAnswer(7), T2));

        assertThat(state.revision()).isEqualTo(3);
        assertThat(state.answer(PROVISION_COUNT)).contains(new NumberAnswer(7));
    }

    @Test
    void givenAffairRenamed_whenFolded_thenAffairNameIsTheNewName() {
        Assessment state = DeciderSpec.fold(startedKeyItemsAssessment(),
                answered(AFFAIR_NAME, new TextAnswer(AFFAIR), new TextAnswer("住民基本台帳事務"), T1));

        assertThat(state.answer(AFFAIR_NAME)).contains(new TextAnswer("住民基本台帳事務"));
    }

    @Test
    void givenAnsweredItem_whenCleared_thenAnswerRemovedAndRevisionStillIncremented() {
        Assessment state = DeciderSpec.fold(startedKeyItemsAssessment(),
                answered(POPULATION, null, MID_CITY, T1),
                cleared(POPULATION, MID_CITY, T2));

        assertThat(state.revision()).isEqualTo(3);
        assertThat(state.answer(POPULATION)).isEmpty();
        assertThat(state.answers()).containsOnlyKeys(AnswerKey.of(AFFAIR_NAME));
    }

    @Test
    void givenManyEvents_whenFolded_thenRevisionEqualsNumberOfEvents() {
        Assessment state = DeciderSpec.fold(startedKeyItemsAssessment(),
                answered(POPULATION, null, MID_CITY, T1),
                answered(PROVISION_COUNT, null, new NumberAnswer(1), T1),
                cleared(POPULATION, MID_CITY, T1),
                answered(POPULATION, null, new ChoiceAnswer("under-1k"), T2));

        assertThat(state.revision()).isEqualTo(5);
        assertThat(state.answers()).isEqualTo(Map.of(AnswerKey.of(AFFAIR_NAME), new TextAnswer(AFFAIR),
                AnswerKey.of(PROVISION_COUNT), new NumberAnswer(1), AnswerKey.of(POPULATION), new ChoiceAnswer("under-1k")));
    }

    @Test
    void givenStartedAssessment_whenStartedAgain_thenIllegalState() {
        Assessment state = Assessment.begin(startedKeyItemsAssessment());

        assertThatThrownBy(() -> state.evolve(startedKeyItemsAssessment())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void givenFoldedState_whenAnswersMapModified_thenUnsupported() {
        Assessment state = Assessment.begin(startedKeyItemsAssessment());

        assertThatThrownBy(() -> state.answers().put(AnswerKey.of(POPULATION), MID_CITY))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
