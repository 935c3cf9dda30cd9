package jp.hyoka.server.database;

import com.fasterxml.jackson.databind.JsonNode;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.Samples;
import jp.hyoka.server.support.ServerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static jp.hyoka.server.support.StoredEdits.ANSWER;
import static jp.hyoka.server.support.StoredEdits.START;
import static jp.hyoka.server.support.StoredEdits.answeredTexts;
import static jp.hyoka.server.support.StoredEdits.awaitRevision;
import static jp.hyoka.server.support.StoredEdits.pause;
import static jp.hyoka.server.support.StoredEdits.storedEvents;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing acknowledged is ever lost: the real server in a JVM of its own, on the durable embedded default, killed
 * with SIGKILL (with and without its PostgreSQL) while it works, then started again on the same data directory.
 * Every restart must succeed without a person, every edit the server acknowledged must be in the event store and
 * in the history, and an import cut short must be entirely absent. A clean stop (SIGTERM) stops PostgreSQL too, also
 * one that comes while the server is still starting.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CrashRecoveryIT {

    /** What Micronaut logs once the HTTP server runs (and its own shutdown hook is about to be registered). */
    private static final String RUNNING = "Server Running";

    private static final String KAWASAKI = "141305";
    private static final String ASAHIKAWA = "012041";
    private static final String EDITOR = ServerProcess.token("k-editor", "川崎 一郎", KAWASAKI, "editor");
    private static final String ASAHIKAWA_EDITOR = ServerProcess.token("a-editor", "旭川 花子", ASAHIKAWA, "editor");
    private static final int EDITORS = 4;
    private static final int ACKS_BEFORE_THE_CRASH = 8;
    private static final int MOST_EDITS = 90;
    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    private static final String IMPORT = """
            mutation($name: String!, $content: String!) {
              importDocument(input: {fileName: $name, contentBase64: $content}) {
                __typename
                ... on DocumentImported { revision assessment { id } report { answers pastChanges alreadyImported } }
              }
            }""";
    private static final String LIST = """
            query { assessments(first: 10) { edges { node { id } } } }""";
    private static final String IMPORTED = """
            query($id: ID!) {
              assessment(id: $id) {
                revision answers { item { itemId } } pastChanges { sourceLine } importedFrom { sourceName }
              }
            }""";

    @TempDir
    Path dataDir;

    /** A failed test leaves no PostgreSQL running on the machine (a passing one stops its server cleanly). */
    @AfterEach
    void noPostgresLeftRunning() {
        LeftoverPostmaster.clear(dataDir);
    }

    @Test
    void givenFourEditorsAtWork_whenTheServerAndItsDatabaseAreKilled_thenEveryAcknowledgedEditIsThereAfterRestart()
            throws Exception {
        ServerProcess.Config config = server("crash-server-and-database");
        List<String> ids = new ArrayList<>();
        List<NavigableMap<Integer, String>> acknowledged = new ArrayList<>();   // per document: revision → text
        List<Integer> editsSent = new ArrayList<>();
        try (ServerProcess server = config.start()) {
            server.onboard(KAWASAKI, "川崎市");
            GraphQlClient editor = server.client(EDITOR);
            for (int i = 0; i < EDITORS; i++) {
                ids.add(editor.data("startAssessment", START, Map.of("name", "同時編集" + i))
                        .path("assessment").path("id").asText());
                acknowledged.add(new ConcurrentSkipListMap<>(Map.of(1, "")));
            }
            CountDownLatch underWay = new CountDownLatch(EDITORS);
            ExecutorService editors = Executors.newFixedThreadPool(EDITORS);
            List<CompletableFuture<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < EDITORS; i++) {
                String id = ids.get(i);
                NavigableMap<Integer, String> acks = acknowledged.get(i);
                sent.add(CompletableFuture.supplyAsync(() -> editUntilItFails(editor, id, acks, underWay), editors));
            }

            assertThat(underWay.await(60, TimeUnit.SECONDS)).as("every editor had edits acknowledged").isTrue();
            ProcessHandle postmaster = server.postmaster().orElseThrow();
            List<ProcessHandle> database = Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
            database.forEach(ProcessHandle::destroyForcibly);       // PostgreSQL and its backends, as in a crash
            server.kill();
            for (CompletableFuture<Integer> editorDone : sent) {
                editsSent.add(editorDone.get(30, TimeUnit.SECONDS));
            }
            editors.shutdown();
            database.forEach(process -> process.onExit().completeOnTimeout(process, 10, TimeUnit.SECONDS).join());
            assertThat(database).allMatch(process -> !process.isAlive());
        }
        assertThat(editsSent).as("the crash came while the editors were still at work").allMatch(n -> n < MOST_EDITS);

        try (ServerProcess restarted = config.start()) {
            assertThat(restarted.logText()).contains("Removing the stale postmaster.pid");
            GraphQlClient reader = restarted.client(EDITOR);
            for (int i = 0; i < EDITORS; i++) {
                String id = ids.get(i);
                NavigableMap<Integer, String> acks = acknowledged.get(i);
                int highest = acks.lastKey();

                // Each editor has at most one edit in flight: the one the crash cut off may or may not be stored.
                int stored = (int) storedEvents(restarted, id);
                assertThat(stored).as("events of %s in the store", id).isBetween(highest, highest + 1);
                assertThat(awaitRevision(reader, id, stored, CATCH_UP)).isEqualTo(stored);
                Map<Integer, String> history = answeredTexts(reader, id);
                assertThat(history.keySet()).as("history of %s", id)
                        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(2, stored).boxed().toList());
                acks.tailMap(1, false).forEach((revision, text) ->
                        assertThat(history).as("history of %s", id).containsEntry(revision, text));
            }
            stopAndExpectTheDatabaseStopped(restarted);
        }
    }

    @Test
    void givenAServerKilledAlone_whenStartedAgainOnTheSameData_thenItStartsAndTheDataIsThere() {
        ServerProcess.Config config = server("crash-server-alone");
        String id;
        int revision;
        long leftOver;
        try (ServerProcess server = config.start()) {
            server.onboard(KAWASAKI, "川崎市");
            GraphQlClient editor = server.client(EDITOR);
            id = editor.data("startAssessment", START, Map.of("name", "単独停止")).path("assessment").path("id").asText();
            revision = editor.data("answerItem", ANSWER, Map.of("id", id, "rev", 1, "text", "残るはず"))
                    .path("revision").asInt();
            leftOver = server.postmaster().orElseThrow().pid();
            server.kill();
            assertThat(ProcessHandle.of(leftOver)).as("the postmaster outlives the killed JVM").isPresent();
        }

        try (ServerProcess restarted = config.start()) {
            assertThat(ProcessHandle.of(leftOver)).as("the left-over postmaster was stopped").isEmpty();
            assertThat(restarted.logText()).contains("stopping it (fast shutdown)", "Stopped the left-over PostgreSQL");
            GraphQlClient reader = restarted.client(EDITOR);
            assertThat(awaitRevision(reader, id, revision, CATCH_UP)).isEqualTo(revision);
            assertThat(answeredTexts(reader, id)).containsEntry(revision, "残るはず");
            stopAndExpectTheDatabaseStopped(restarted);
        }
    }

    @Test
    void givenPostgresKilledAloneWhileTheServerRuns_whenEditorsRetry_thenTheServerStartsItAgainAndNothingIsLost() {
        ServerProcess.Config config = server("crash-database-alone");
        try (ServerProcess server = config.start()) {
            server.onboard(KAWASAKI, "川崎市");
            GraphQlClient editor = server.client(EDITOR);
            String id = editor.data("startAssessment", START, Map.of("name", "データベースだけ停止"))
                    .path("assessment").path("id").asText();
            int revision = editor.data("answerItem", ANSWER, Map.of("id", id, "rev", 1, "text", "残るはず"))
                    .path("revision").asInt();
            ProcessHandle killed = server.postmaster().orElseThrow();
            Stream.concat(Stream.of(killed), killed.descendants()).forEach(ProcessHandle::destroyForcibly);

            // Until an edit is stored again: meanwhile only typed refusals (a repeat of a stored one is stale).
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            String outcome;
            do {
                outcome = editor.execute(ANSWER, Map.of("id", id, "rev", revision, "text", "戻った後"))
                        .data().path("answerItem").path("__typename").asText();
            } while (!outcome.equals("AssessmentEdited") && !outcome.equals("StaleRevision")
                    && System.nanoTime() < deadline && pause());

            assertThat(outcome).isIn("AssessmentEdited", "StaleRevision");
            assertThat(server.logTextOnceItHas(Duration.ofSeconds(10), "is gone: starting it again",
                    "runs again on port")).contains("is gone: starting it again", "runs again on port");
            assertThat(server.postmaster().orElseThrow().pid()).isNotEqualTo(killed.pid());
            assertThat(storedEvents(server, id)).isEqualTo(revision + 1);
            assertThat(answeredTexts(editor, id)).containsEntry(revision, "残るはず")
                    .containsEntry(revision + 1, "戻った後");
            stopAndExpectTheDatabaseStopped(server);
        }
    }

    @Test
    void givenImportsKilledBeforeAndAfterTheirCommit_whenRestarted_thenOneIsEntirelyAbsentAndTheOtherEntirelyThere()
            throws Exception {
        ServerProcess.Config config = server("crash-during-import");
        long eventsBefore;
        try (ServerProcess server = config.start()) {
            server.onboard(KAWASAKI, "川崎市");
            server.onboard(ASAHIKAWA, "旭川市");
            eventsBefore = storedEvents(server, null);
            // The import appends all its events, then links them into the tenant's hash chain: holding the chain's
            // head stops it there, mid-transaction, with every event written and none committed.
            killDuringImport(server, EDITOR, Samples.ALL_ITEMS_000, "event_chain_head");
        }

        try (ServerProcess restarted = config.start()) {
            assertThat(storedEvents(restarted, null)).as("events in the store").isEqualTo(eventsBefore);
            assertThat(restarted.client(EDITOR).data("assessments", LIST, Map.of()).path("edges")).isEmpty();
            // Committed, but killed before it answers: the read models are still writing it down.
            killDuringImport(restarted, ASAHIKAWA_EDITOR, Samples.KEY_ITEMS_004, "rm_imported_document");
        }

        try (ServerProcess restarted = config.start()) {
            GraphQlClient asahikawa = restarted.client(ASAHIKAWA_EDITOR);
            String id = awaitOnlyAssessment(asahikawa);
            long events = storedEvents(restarted, id);
            assertThat(awaitRevision(asahikawa, id, (int) events, CATCH_UP)).isEqualTo((int) events);
            // The same file imported whole (here into another municipality) is what "entirely there" means.
            JsonNode whole = restarted.client(EDITOR).data("importDocument", IMPORT, file(Samples.KEY_ITEMS_004));
            assertThat(whole.path("__typename").asText()).as(whole.toString()).isEqualTo("DocumentImported");
            assertThat(events).isEqualTo(whole.path("revision").asLong());
            JsonNode document = asahikawa.data("assessment", IMPORTED, Map.of("id", id));
            assertThat(document.path("importedFrom").path("sourceName").asText()).isEqualTo(Samples.KEY_ITEMS_004);
            assertThat(document.path("answers").size()).isEqualTo(whole.path("report").path("answers").asInt());
            assertThat(document.path("pastChanges").size())
                    .isEqualTo(whole.path("report").path("pastChanges").asInt());
            stopAndExpectTheDatabaseStopped(restarted);
        }
    }

    /**
     * Sends the import and kills the server (SIGKILL) while the import, or what it set off, waits for
     * {@code lockedTable}, which the test holds; then lets go of it. The server never answers.
     */
    private static void killDuringImport(ServerProcess server, String token, String sample, String lockedTable)
            throws Exception {
        try (Connection blocker = DriverManager.getConnection(server.embeddedJdbcUrl(), "postgres", "");
             Statement statement = blocker.createStatement();
             Connection observer = DriverManager.getConnection(server.embeddedJdbcUrl(), "postgres", "")) {
            blocker.setAutoCommit(false);
            statement.execute("LOCK TABLE " + lockedTable + " IN EXCLUSIVE MODE");
            GraphQlClient editor = server.client(token);
            CompletableFuture<GraphQlClient.Response> importing =
                    CompletableFuture.supplyAsync(() -> editor.execute(IMPORT, file(sample)));
            awaitWaitingFor(lockedTable, observer, importing);
            server.kill();
            assertThat(importing.handle((response, failure) -> failure).get(30, TimeUnit.SECONDS))
                    .as("the killed server never answered").isNotNull();
            blocker.rollback();
        }
    }

    private static Map<String, Object> file(String sample) {
        return Map.of("name", sample, "content", Base64.getEncoder().encodeToString(Samples.bytes(sample)));
    }

    /** The municipality's one assessment, once the read models show it (bounded). */
    private static String awaitOnlyAssessment(GraphQlClient reader) {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        JsonNode edges;
        do {
            edges = reader.data("assessments", LIST, Map.of()).path("edges");
        } while (edges.isEmpty() && System.nanoTime() < deadline && pause());
        assertThat(edges).hasSize(1);
        return edges.get(0).path("node").path("id").asText();
    }

    @Test
    void givenAServerWhosePostgresRunsButThatDoesNotServeYet_whenSigterm_thenItsPostgresStopsToo() throws Exception {
        try (ServerProcess server = server("sigterm-while-starting").spawn()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (server.postmaster().isEmpty() && server.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(server.postmaster()).as("the embedded PostgreSQL started").isPresent();
            assertThat(server.logText()).as("the server did not serve yet").doesNotContain(RUNNING);

            server.stop();

            assertThat(server.logText()).doesNotContain(RUNNING);
            assertThat(server.postmaster()).as("postmaster of " + dataDir).isEmpty();
            assertThat(LeftoverPostmaster.processesOf(dataDir)).as("PostgreSQL processes of " + dataDir).isEmpty();
        }
    }

    @Test
    void givenARunningServer_whenSigterm_thenItsPostgresStopsWithTheContextAndNoExitHookWaitsItsBoundOut() {
        try (ServerProcess server = server("sigterm-running").start()) {
            assertThat(server.postmaster()).isPresent();

            long started = System.nanoTime();
            server.stop();

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(25));
            assertThat(server.postmaster()).as("postmaster of " + dataDir).isEmpty();
            assertThat(LeftoverPostmaster.processesOf(dataDir)).isEmpty();
        }
    }

    /**
     * The server on the durable embedded default; read-your-writes may wait long on this shared machine. A killed
     * server's claim on the read-model processor outlives it by the claim timeout: the restart (a new process) waits
     * that long before it projects what the killed one left, so it is short here (one node at a time).
     */
    private ServerProcess.Config server(String name) {
        return ServerProcess.embedded(dataDir).name(name).property("hyoka.read-your-writes.timeout", "30s")
                .property("hyoka.read-models.claim-timeout", "2s");
    }

    /** Edits its document one revision after the other until the server stops answering; returns how many it sent. */
    private static int editUntilItFails(GraphQlClient editor, String id, Map<Integer, String> acknowledged,
                                        CountDownLatch underWay) {
        int revision = 1;
        for (int sent = 1; sent <= MOST_EDITS; sent++) {
            String text = "編集 " + id.substring(0, 8) + " " + (revision + 1);
            JsonNode outcome;
            try {
                outcome = editor.data("answerItem", ANSWER, Map.of("id", id, "rev", revision, "text", text));
            } catch (RuntimeException | AssertionError serverGone) {
                return sent;
            }
            if (outcome.path("__typename").asText().equals("ServiceUnavailable")) {
                return sent;                // PostgreSQL died a moment before the server: the edit in flight
            }
            assertThat(outcome.path("__typename").asText()).isIn("AssessmentEdited", "EditNotYetVisible");
            revision = outcome.path("revision").asInt();
            acknowledged.put(revision, text);
            if (sent == ACKS_BEFORE_THE_CRASH) {
                underWay.countDown();
            }
        }
        return MOST_EDITS;
    }

    /**
     * Until a backend waits for the lock on {@code table} (bounded). Asked outside any transaction: inside one,
     * PostgreSQL shows the same snapshot of pg_stat_activity every time.
     */
    private static void awaitWaitingFor(String table, Connection connection,
                                        CompletableFuture<GraphQlClient.Response> importing) throws SQLException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (PreparedStatement waiting = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                + "WHERE wait_event_type = 'Lock' AND query ILIKE ?")) {
            waiting.setString(1, "%" + table + "%");
            while (System.nanoTime() < deadline) {
                if (importing.isDone()) {
                    throw new AssertionError("the import ended before it reached " + table + ": "
                            + importing.join().body());
                }
                try (ResultSet row = waiting.executeQuery()) {
                    row.next();
                    if (row.getLong(1) > 0) {
                        return;
                    }
                }
                pause();
            }
        }
        throw new AssertionError("the import never reached " + table);
    }

    private static void stopAndExpectTheDatabaseStopped(ServerProcess server) {
        ProcessHandle postmaster = server.postmaster().orElseThrow();
        server.stop();
        postmaster.onExit().completeOnTimeout(postmaster, 30, TimeUnit.SECONDS).join();
        assertThat(postmaster.isAlive()).as("SIGTERM stops the embedded PostgreSQL with the server").isFalse();
    }
}
