package jp.hyoka.server.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.Editing;
import jp.hyoka.server.support.Imports;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.Samples;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document's しきい値判断 from its own answers: a 基礎項目評価書 that answers every input is decided and a stated result
 * its inputs contradict is flagged; a 重点項目評価書 leaves a range its stated result may fall in; an imported 全項目評価書
 * is checked the same way.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentThresholdIT extends SignedInServerTest {

    private static final String THRESHOLD = """
            query($id: ID!) {
              assessment(id: $id) {
                threshold { decision { mandatory explanation resultText } lowest highest stated personsCountedOn
                            handlersCountedOn warnings }
              }
            }""";

    @Test
    void givenABasicDocumentWhoseStatedResultItsInputsContradict_whenChecked_thenDecidedAndFlagged() {
        String id = start("BASIC_ITEMS", "基礎のしきい値");
        long revision = answer(id, 1, "affair.target-population", Map.of("selection", Map.of("code", "10k-to-100k")));
        revision = answer(id, revision, "threshold.target-count-as-of", Map.of("date", "2025-04-01"));
        revision = answer(id, revision, "threshold.handlers-500-or-more", Map.of("selection", Map.of("code", "yes")));
        revision = answer(id, revision, "threshold.handlers-as-of", Map.of("date", "2025-04-01"));
        revision = answer(id, revision, "threshold.serious-incident", Map.of("selection", Map.of("code", "not-occurred")));
        answer(id, revision, "threshold.result", Map.of("selection", Map.of("code", "mandatory-basic")));

        JsonNode threshold = threshold(id);

        assertThat(threshold.path("decision").path("mandatory").asText()).isEqualTo("BASIC_AND_KEY_ITEMS");
        assertThat(threshold.path("decision").path("explanation").asText()).contains("取扱者数が500人以上");
        assertThat(threshold.path("stated").asText()).isEqualTo("BASIC");
        assertThat(threshold.path("personsCountedOn").asText()).isEqualTo("2025-04-01");
        assertThat(threshold.path("warnings").toString()).contains("一致しない").contains("重点項目評価書が必要");
    }

    @Test
    void givenAKeyItemsDocumentInABandThatWeighsTheConditions_whenChecked_thenARangeAndNoContradiction() {
        String id = start("KEY_ITEMS", "重点のしきい値");
        long revision = answer(id, 1, "affair.target-population", Map.of("selection", Map.of("code", "100k-to-300k")));
        answer(id, revision, "procedure.basic-assessment.threshold-result",
                Map.of("selection", Map.of("code", "mandatory-basic-and-key")));

        JsonNode threshold = threshold(id);

        assertThat(threshold.path("decision").isNull()).isTrue();
        assertThat(threshold.path("lowest").asText()).isEqualTo("BASIC_AND_KEY_ITEMS");
        assertThat(threshold.path("highest").asText()).isEqualTo("BASIC_AND_ALL_ITEMS");
        assertThat(threshold.path("stated").asText()).isEqualTo("BASIC_AND_KEY_ITEMS");
        assertThat(threshold.path("warnings").toString()).contains("基礎項目評価書の回答による")
                .doesNotContain("一致しない");
    }

    @Test
    void givenAnImportedAllItemsDocument_whenChecked_thenItsStatedResultIsWithinWhatItsAnswersAllow() {
        String id = Imports.importedId(callers.kawasakiEditor, Samples.ALL_ITEMS_000);

        JsonNode threshold = threshold(id);

        assertThat(threshold.path("stated").asText()).isEqualTo("BASIC_AND_ALL_ITEMS");
        assertThat(threshold.path("highest").asText()).isEqualTo("BASIC_AND_ALL_ITEMS");
        assertThat(threshold.path("warnings").toString()).doesNotContain("一致しない");
    }

    private JsonNode threshold(String id) {
        return callers.kawasakiReader.data("assessment", THRESHOLD, Map.of("id", id)).path("threshold");
    }

    private String start(String kind, String name) {
        return Editing.start(callers.kawasakiEditor, kind, name);
    }

    private long answer(String id, long revision, String item, Map<String, Object> value) {
        return Editing.answer(callers.kawasakiEditor, id, revision, item, value);
    }
}
