package jp.hyoka.server.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.GraphQlClient;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static jp.hyoka.server.graphql.Operations.ANSWER;
import static jp.hyoka.server.graphql.Operations.DOCUMENT;
import static jp.hyoka.server.graphql.Operations.HISTORY;
import static jp.hyoka.server.graphql.Operations.START;
import static org.assertj.core.api.Assertions.assertThat;

/** Two editors submit against the same revision at the same moment: exactly one wins, and no edit is lost. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentEditsIT extends SignedInServerTest {


    @RepeatedTest(5)
    void givenTwoEditorsOnTheSameRevision_whenBothSubmitAtOnce_thenExactlyOneWinsAndTheOtherIsToldWhatChanged()
            throws Exception {
        String id = callers.kawasakiEditor.data("startAssessment", START, Map.of("kind", "KEY_ITEMS", "name", "同時編集"))
                .path("assessment").path("id").asText();
        List<GraphQlClient> editors = List.of(callers.kawasakiEditor, callers.kawasakiEditor2);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<JsonNode>> results = new ArrayList<>();
        for (int i = 0; i < editors.size(); i++) {
            GraphQlClient editor = editors.get(i);
            String text = "担当" + i;
            results.add(pool.submit(() -> {
                go.await();
                return editor.data("answerItem", ANSWER, new HashMap<>(Map.of("id", id, "rev", 1,
                        "item", "department.name", "value", Map.of("text", text))));
            }));
        }
        go.countDown();
        List<JsonNode> outcomes = new ArrayList<>();
        for (Future<JsonNode> result : results) {
            outcomes.add(result.get());
        }
        pool.shutdown();

        List<String> types = outcomes.stream().map(o -> o.path("__typename").asText()).sorted().toList();
        assertThat(types).containsExactly("AssessmentEdited", "StaleRevision");
        JsonNode loser = outcomes.stream().filter(o -> o.path("__typename").asText().equals("StaleRevision")).findFirst().orElseThrow();
        String winnerText = loser.path("changesSince").get(0).path("after").path("text").asText();
        JsonNode document = callers.kawasakiEditor.data("assessment", DOCUMENT, Map.of("id", id));
        JsonNode history = callers.kawasakiEditor.data("assessment", HISTORY, Map.of("id", id, "first", 10))
                .path("history").path("edges");

        assertThat(document.path("revision").asInt()).isEqualTo(2);
        assertThat(document.path("answers").get(1).path("value").path("text").asText()).isEqualTo(winnerText);
        assertThat(history.size()).isEqualTo(2);
    }
}
