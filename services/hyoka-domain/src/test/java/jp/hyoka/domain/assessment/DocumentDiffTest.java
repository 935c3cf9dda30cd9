package jp.hyoka.domain.assessment;

import jp.hyoka.domain.form.TextAnswer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static jp.hyoka.domain.assessment.AssessmentFixtures.T1;
import static jp.hyoka.domain.assessment.AssessmentFixtures.T2;
import static jp.hyoka.domain.assessment.RepeatFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Item by item differences between two states of a document, named by their 項目 path with entries. */
class DocumentDiffTest {

    @Test
    void givenAnswersInTwoSystems_whenOneChangesAndTheOtherIsRemoved_thenBothAreListedWithTheEntryTheyWereIn() {
        Assessment before = DeciderSpec.fold(with(oneSystem(), added(SYSTEM, TOP, "s2", 1, T1),
                answeredIn(SYSTEM_NAME, List.of("s1"), null, new TextAnswer("住民記録システム"), T1),
                answeredIn(SYSTEM_NAME, List.of("s2"), null, new TextAnswer("中間サーバー"), T1)));
        Assessment after = before
                .evolve(answeredIn(SYSTEM_NAME, List.of("s2"), new TextAnswer("中間サーバー"),
                        new TextAnswer("中間サーバー (クラウド)"), T2))
                .evolve(removed(SYSTEM, TOP, "s1", 0, T2));

        List<ItemDifference> differences = DocumentDiff.between(V2024, before, after);

        assertThat(differences).extracting(ItemDifference::itemPath, ItemDifference::beforeText, ItemDifference::afterText)
                .containsExactly(
                        tuple("I 基本情報 2 システム (システム1) system.name", "中間サーバー", "中間サーバー (クラウド)"),
                        // the removed entry is named as it was numbered before: the published システム1
                        tuple("I 基本情報 2 システム (システム1) system.name", "住民記録システム", ""));
    }

    @Test
    void givenTheSameState_whenCompared_thenThereIsNoDifference() {
        Assessment state = DeciderSpec.fold(oneSystem());

        assertThat(DocumentDiff.between(V2024, state, state)).isEmpty();
    }
}
