package jp.hyoka.server.rebuild;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TableShapesTest {

    private static final Map<String, Set<String>> COPIES = Map.of(
            "rm_answer", Set.of("column item_id text not null", "index rm_answer_pkey"),
            "rm_edit_history", Set.of("column line integer not null default 0"));

    @Test
    void givenCopiesLikeTheLiveTables_whenCompared_thenThereIsNoDifference() {
        assertThat(TableShapes.differences(COPIES, COPIES)).isEmpty();
    }

    @Test
    void givenAColumnAddedToALiveTable_whenCompared_thenTheDifferenceNamesTheTableAndTheColumn() {
        Map<String, Set<String>> live = Map.of(
                "rm_answer", Set.of("column item_id text not null", "index rm_answer_pkey", "column reviewed_by text"),
                "rm_edit_history", Set.of("column line integer not null default 0"));

        assertThat(TableShapes.differences(live, COPIES))
                .containsExactly("rm_answer: live has column reviewed_by text, the copy does not");
    }

    @Test
    void givenACopyThatIsGone_whenCompared_thenItIsNamedAsMissing() {
        assertThat(TableShapes.differences(COPIES, Map.of("rm_answer", COPIES.get("rm_answer"))))
                .containsExactly("rm_edit_history: the copy is missing");
    }

    @Test
    void givenALiveColumnOfAnotherTypeAndADroppedIndex_whenCompared_thenBothSidesOfEachAreNamed() {
        Map<String, Set<String>> live = Map.of(
                "rm_answer", Set.of("column item_id text not null"),
                "rm_edit_history", Set.of("column line bigint not null default 0"));

        assertThat(TableShapes.differences(live, COPIES)).containsExactlyInAnyOrder(
                "rm_answer: the copy has index rm_answer_pkey, live does not",
                "rm_edit_history: live has column line bigint not null default 0, the copy does not",
                "rm_edit_history: the copy has column line integer not null default 0, live does not");
    }
}
