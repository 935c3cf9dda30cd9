package jp.hyoka.server.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.hyoka.server.security.DevTokenIssuer;
import jp.hyoka.server.security.Tenants;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.RestartablePostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static jp.hyoka.server.support.Operations.DOCUMENT;
import static jp.hyoka.server.support.Operations.HISTORY;
import static jp.hyoka.server.support.Operations.START;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stops and starts again on the same port and data directory while editors keep editing and a reader keeps
 * reading. Meanwhile every answer is typed (an edit, a refusal, ServiceUnavailable, EditNotYetVisible, BUSY; for the
 * reader SERVICE_UNAVAILABLE or BUSY with a retry delay): never INTERNAL. Afterwards the
 * server edits again by itself, every edit it acknowledged is in the assessment's history, and none it answered
 * ServiceUnavailable with mayHaveBeenStored false is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PostgresRestartIT {

    private static final int EDITORS = 4;
    private static final String EDIT = """
            mutation($id: ID!, $rev: Int!, $item: ID!, $value: AnswerInput!) {
              answerItem(input: {assessmentId: $id, expectedRevision: $rev, itemId: $item, value: $value}) {
                __typename
                ... on AssessmentEdited { revision }
                ... on EditNotYetVisible { revision }
                ... on StaleRevision { currentRevision }
                ... on ServiceUnavailable { mayHaveBeenStored retryAfterSeconds }
                ... on Problem { code message }
              }
            }""";
    private static final Set<String> OUTAGE_ANSWERS = Set.of("ServiceUnavailable", "EditNotYetVisible", "BUSY",
            "SERVICE_UNAVAILABLE");

    private RestartablePostgres postgres;
    private Callers callers;

    private final List<Acknowledged> acknowledged = new CopyOnWriteArrayList<>();
    /** Edits (id/text) answered ServiceUnavailable with mayHaveBeenStored false: must not be in the history. */
    private final Set<String> notStored = ConcurrentHashMap.newKeySet();
    private final List<String> untyped = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);

    /** An edit the server acknowledged: stored at {@code revision} with {@code text}. */
    private record Acknowledged(String assessmentId, int revision, String text) {
    }

    @BeforeAll
    void start() throws IOException {
        postgres = RestartablePostgres.started();
        ApplicationContext context = postgres.startServer(Map.of("hyoka.read-your-writes.timeout", "2s"));
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        callers = new Callers(server, context.getBean(DevTokenIssuer.class), context.getBean(Tenants.class));
    }

    @AfterAll
    void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void givenEditorsAtWork_whenPostgresRestarts_thenOnlyTypedAnswersTheServerRecoversAndNoAcknowledgedEditIsLost()
            throws Exception {
        List<String> assessments = new ArrayList<>();
        for (int i = 0; i < EDITORS; i++) {
            assessments.add(callers.kawasakiEditor.data("startAssessment", START,
                    Map.of("kind", "KEY_ITEMS", "name", "再起動" + i)).path("assessment").path("id").asText());
        }
        ExecutorService editors = Executors.newFixedThreadPool(EDITORS + 1);
        for (String id : assessments) {
            editors.submit(() -> edit(id));
        }
        editors.submit(() -> read(assessments.get(0)));

        awaitTrue("edits before the restart", Duration.ofSeconds(60), () -> acknowledged.size() >= 3 * EDITORS);
        postgres.stop();
        // Until the outage has been answered as often as there are editors (typed answers, whoever got them): the
        // pool's broken connections first, then waits for new ones.
        awaitTrue("outage answers", Duration.ofSeconds(90), () -> outageAnswers() >= EDITORS);
        postgres.start();
        int beforeRecovery = acknowledged.size();
        awaitTrue("edits after the restart", Duration.ofSeconds(120),
                () -> assessments.stream().allMatch(id -> acknowledged.subList(beforeRecovery, acknowledged.size())
                        .stream().anyMatch(edit -> edit.assessmentId().equals(id))));
        running.set(false);
        editors.shutdown();
        assertThat(editors.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        System.out.println("PostgresRestartIT answers: " + answers);
        assertThat(untyped).as("answers that are not typed: %s", answers).isEmpty();
        assertThat(outageAnswers()).isPositive();
        for (String id : assessments) {
            Map<Integer, String> history = new HashMap<>();
            awaitTrue("history of " + id, Duration.ofSeconds(60), () -> {
                history.clear();
                history.putAll(history(id));
                return acknowledged.stream().filter(edit -> edit.assessmentId().equals(id))
                        .allMatch(edit -> edit.text().equals(history.get(edit.revision())));
            });
            assertThat(history.values()).noneMatch(text -> notStored.contains(id + "/" + text));
        }
    }

    /** One editor: answers the same item again and again against the revision it last saw. */
    private void edit(String id) {
        int revision = 1;
        int n = 0;
        while (running.get()) {
            String text = "編集" + n++;
            GraphQlClient.Response response;
            try {
                response = callers.kawasakiEditor.execute(EDIT, Map.of("id", id, "rev", revision,
                        "item", "department.name", "value", Map.of("text", text)));
            } catch (RuntimeException e) {
                untyped.add("no answer: " + e);
                continue;
            }
            JsonNode result = response.data().path("answerItem");
            String kind = response.status() == 200 && result.has("__typename") ? result.path("__typename").asText()
                    : response.errors().path(0).path("extensions").path("code").asText("HTTP " + response.status());
            answers.computeIfAbsent(kind.equals("ServiceUnavailable") ? kind + " mayHaveBeenStored="
                    + result.path("mayHaveBeenStored").asText() : kind, k -> new AtomicInteger()).incrementAndGet();
            switch (kind) {
                case "AssessmentEdited", "EditNotYetVisible" -> {
                    revision = result.path("revision").asInt();
                    acknowledged.add(new Acknowledged(id, revision, text));
                }
                case "StaleRevision" -> revision = result.path("currentRevision").asInt();
                case "ServiceUnavailable", "BUSY", "SERVICE_UNAVAILABLE" -> {
                    if (kind.equals("ServiceUnavailable") && !result.path("mayHaveBeenStored").asBoolean()) {
                        notStored.add(id + "/" + text);
                    }
                    pause();
                }
                default -> untyped.add(response.status() + " " + response.body());
            }
        }
    }

    /** A reader: reads the document again and again; a failed read must be a typed, retryable error. */
    private void read(String id) {
        while (running.get()) {
            GraphQlClient.Response response;
            try {
                response = callers.kawasakiReader.execute(DOCUMENT, Map.of("id", id));
            } catch (RuntimeException e) {
                untyped.add("no answer: " + e);
                continue;
            }
            JsonNode error = response.errors().path(0);
            String kind = response.status() == 200 && error.isMissingNode() ? "read"
                    : error.path("extensions").path("code").asText("HTTP " + response.status());
            answers.computeIfAbsent("query " + kind, k -> new AtomicInteger()).incrementAndGet();
            boolean retryable = error.path("extensions").path("retryAfterSeconds").asInt() > 0;
            if ((kind.equals("SERVICE_UNAVAILABLE") || kind.equals("BUSY")) && retryable) {
                pause();
            } else if (!kind.equals("read")) {
                untyped.add(response.status() + " " + response.body());
            }
        }
    }

    private Map<Integer, String> history(String id) {
        Map<Integer, String> texts = new HashMap<>();
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>(Map.of("id", id, "first", 100));
            if (after != null) {
                variables.put("after", after);
            }
            JsonNode history = callers.kawasakiEditor.data("assessment", HISTORY, variables).path("history");
            history.path("edges").forEach(edge -> texts.put(edge.path("node").path("revision").asInt(),
                    edge.path("node").path("after").path("text").asText()));
            after = history.path("pageInfo").path("hasNextPage").asBoolean() ? history.path("pageInfo")
                    .path("endCursor").asText() : null;
        } while (after != null);
        return texts;
    }

    private int outageAnswers() {
        return answers.entrySet().stream().filter(entry -> OUTAGE_ANSWERS.contains(entry.getKey().split(" ")[0]))
                .mapToInt(entry -> entry.getValue().get()).sum();
    }

    /** What a client does on a retryable answer: waits the advised moment. Not synchronisation. */
    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitTrue(String what, Duration deadline, BooleanSupplier condition)
            throws InterruptedException {
        Instant end = Instant.now().plus(deadline);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for %s", what).isBefore(end);
            Thread.sleep(50);
        }
    }
}
