package jp.hyoka.server.editing;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.LockWaits;
import jp.hyoka.server.support.SecondNode;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

import static jp.hyoka.server.support.Operations.ANSWER;
import static jp.hyoka.server.support.Operations.DOCUMENT;
import static jp.hyoka.server.support.Operations.HISTORY;
import static jp.hyoka.server.support.Operations.START;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two editors, on two nodes, submit against the same revision at the same moment: exactly one wins, and no edit is
 * lost. The moment is made certain: the test holds the municipality's hash-chain head (which every append locks,
 * {@code ChainWriter}) until PostgreSQL shows both appends waiting, one for the head and one for the other's
 * revision, and only then lets them go.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentEditsIT extends SignedInServerTest {

    @Inject
    ApplicationContext context;
    @Inject
    DataSource dataSource;

    private SecondNode secondNode;
    private GraphQlClient editorOnSecondNode;

    @BeforeAll
    void startASecondNode() {
        secondNode = SecondNode.on(context);
        editorOnSecondNode = secondNode.client("k-editor-2", "川崎 二郎", Callers.KAWASAKI, List.of("editor"));
    }

    @AfterAll
    void stopTheSecondNode() {
        secondNode.close();
    }

    @RepeatedTest(3)
    void givenTwoEditorsOnTheSameRevision_whenBothSubmitAtOnce_thenExactlyOneWinsAndTheOtherIsToldWhatChanged()
            throws Exception {
        String id = callers.kawasakiEditor.data("startAssessment", START, Map.of("kind", "KEY_ITEMS", "name", "同時編集"))
                .path("assessment").path("id").asText();
        List<GraphQlClient> editors = List.of(callers.kawasakiEditor, editorOnSecondNode);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<JsonNode>> results = new ArrayList<>();
        try (Connection head = dataSource.getConnection()) {
            LockWaits.holdChainHead(head, Callers.KAWASAKI.value());
            for (int i = 0; i < editors.size(); i++) {
                GraphQlClient editor = editors.get(i);
                String text = "担当" + i;
                results.add(pool.submit(() -> editor.data("answerItem", ANSWER, new HashMap<>(Map.of("id", id,
                        "rev", 1, "item", "department.name", "value", Map.of("text", text))))));
            }
            LockWaits.await(dataSource, 2, Duration.ofSeconds(20));
            head.rollback();
        }
        List<JsonNode> outcomes = new ArrayList<>();
        for (Future<JsonNode> result : results) {
            outcomes.add(result.get());
        }
        pool.shutdown();

        List<String> types = outcomes.stream().map(o -> o.path("__typename").asText()).sorted().toList();
        assertThat(types).as(outcomes.toString()).containsExactly("AssessmentEdited", "StaleRevision");
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
