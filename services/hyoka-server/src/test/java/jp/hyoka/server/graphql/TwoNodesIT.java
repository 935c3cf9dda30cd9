package jp.hyoka.server.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.LockWaits;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.Samples;
import jp.hyoka.server.support.ServerProcess;
import jp.hyoka.server.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static jp.hyoka.server.support.Callers.KAWASAKI;
import static jp.hyoka.server.support.Operations.ANSWER;
import static jp.hyoka.server.support.Operations.DOCUMENT;
import static jp.hyoka.server.support.Operations.HISTORY;
import static jp.hyoka.server.support.Operations.START;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server nodes on one PostgreSQL, as behind a load balancer: two server processes, each with its own Axon
 * configuration and its own read-model processor, only one of which holds the token at a time. Editors on both
 * nodes race on one document, and one file is imported through both at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesIT {

    private static final int EDITORS_PER_NODE = 2;
    private static final String IMPORT = """
            mutation($content: String!) {
              importDocument(input: {fileName: "003.txt", contentBase64: $content}) {
                __typename
                ... on DocumentImported { revision assessment { id affairName } }
                ... on Problem { code message }
              }
            }""";
    private static final int EDITS_PER_EDITOR = 20;

    private final List<ServerProcess> nodes = new ArrayList<>();
    private final PGSimpleDataSource database = new PGSimpleDataSource();
    private final List<GraphQlClient> editors = new ArrayList<>();

    @BeforeAll
    void startTwoNodes() {
        database.setURL(TestDatabase.newDatabase());
        database.setUser(TestDatabase.user());
        database.setPassword(TestDatabase.password());
        ServerProcess.Config node = ServerProcess.external(database.getURL(), TestDatabase.user(),
                TestDatabase.password());
        for (int n = 0; n < 2; n++) {
            nodes.add(node.name("node-" + n).start());
        }
        nodes.get(0).onboard(KAWASAKI.value(), "川崎市");
        for (int n = 0; n < nodes.size(); n++) {
            for (int editor = 0; editor < EDITORS_PER_NODE; editor++) {
                String user = "editor-" + n + "-" + editor;
                editors.add(nodes.get(n).client(ServerProcess.token(user, user, KAWASAKI.value(), "editor")));
            }
        }
    }

    @AfterAll
    void stopNodes() {
        nodes.forEach(ServerProcess::close);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void givenEditorsOnTwoNodes_whenTheyRaceOnOneDocument_thenConflictsAreStaleRevisionsAndEveryAcknowledgedEditIsStored()
            throws Exception {
        String id = editors.get(0).data("startAssessment", START, Map.of("kind", "KEY_ITEMS", "name", "二台同時編集"))
                .path("assessment").path("id").asText();
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(editors.size());
        List<Future<?>> running = new ArrayList<>();
        for (int e = 0; e < editors.size(); e++) {
            GraphQlClient editor = editors.get(e);
            String who = "editor" + e;
            running.add(pool.submit(() -> {
                long revision = 1;
                int stored = 0;
                while (stored < EDITS_PER_EDITOR) {
                    GraphQlClient.Response response = editor.execute(ANSWER, new HashMap<>(Map.of("id", id,
                            "rev", revision, "item", "department.name",
                            "value", Map.of("text", who + " " + stored))));
                    JsonNode result = response.data().path("answerItem");
                    String outcome = result.isMissingNode() || result.isNull()
                            ? "HTTP " + response.status() + " " + response.errors()
                            : result.path("__typename").asText();
                    outcomes.merge(outcome, 1, Integer::sum);
                    switch (outcome) {
                        case "AssessmentEdited" -> {
                            assertThat(acknowledged.add(result.path("revision").asLong())).isTrue();
                            revision = result.path("revision").asLong();
                            stored++;
                        }
                        case "StaleRevision" -> revision = result.path("currentRevision").asLong();
                        default -> throw new AssertionError("neither stored nor stale: " + outcome);
                    }
                }
                return null;
            }));
        }
        for (Future<?> editor : running) {
            editor.get();
        }
        pool.shutdown();

        int edits = editors.size() * EDITS_PER_EDITOR;
        assertThat(outcomes.get("AssessmentEdited")).isEqualTo(edits);
        assertThat(acknowledged).hasSize(edits);
        for (GraphQlClient reader : List.of(editors.get(0), editors.get(editors.size() - 1))) {
            JsonNode document = reader.data("assessment", DOCUMENT, Map.of("id", id));
            assertThat(document.path("revision").asLong()).isEqualTo(1 + edits);
            JsonNode history = reader.data("assessment", HISTORY, Map.of("id", id, "first", 100))
                    .path("history").path("edges");
            assertThat(history.size()).isEqualTo(1 + edits);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void givenOneFileSentToBothNodesAtOnce_whenBothImportIt_thenBothNameTheOneAssessmentItBecame() throws Exception {
        String content = Base64.getEncoder().encodeToString(Samples.bytes(Samples.KEY_ITEMS_003));
        editors.get(0).data("startAssessment", START, Map.of("kind", "KEY_ITEMS", "name", "連鎖の先頭"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<JsonNode>> imports = new ArrayList<>();
        // The imports meet for certain: the municipality's chain head (locked by every append) is held until
        // PostgreSQL shows both waiting — the first for the head, the second for the first's events.
        try (Connection head = database.getConnection()) {
            LockWaits.holdChainHead(head, KAWASAKI.value());
            for (GraphQlClient editor : List.of(editors.get(0), editors.get(editors.size() - 1))) {
                imports.add(pool.submit(() -> editor.data("importDocument", IMPORT, Map.of("content", content))));
            }
            LockWaits.await(database, 2, Duration.ofSeconds(60));
            head.rollback();
        }
        List<JsonNode> results = new ArrayList<>();
        for (Future<JsonNode> result : imports) {
            results.add(result.get());
        }
        pool.shutdown();

        assertThat(results).allSatisfy(result ->
                assertThat(result.path("__typename").asText()).as(result.toString()).isEqualTo("DocumentImported"));
        assertThat(results).extracting(result -> result.path("assessment").path("id").asText()).containsOnly(
                results.get(0).path("assessment").path("id").asText());
        assertThat(results).extracting(result -> result.path("revision").asLong())
                .containsOnly(results.get(0).path("revision").asLong());
        JsonNode list = editors.get(0).data("assessments", Operations.LIST, Map.of("first", 100));
        assertThat(list.path("edges").findValuesAsText("affairName")).containsOnlyOnce(
                results.get(0).path("assessment").path("affairName").asText());
    }
}
