package jp.hyoka.server.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import jp.hyoka.server.database.LeftoverPostmaster;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.ServerProcess;
import jp.hyoka.server.support.TableLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static jp.hyoka.server.support.StoredEdits.ANSWER;
import static jp.hyoka.server.support.StoredEdits.START;
import static jp.hyoka.server.support.StoredEdits.answeredTexts;
import static jp.hyoka.server.support.StoredEdits.awaitRevision;
import static jp.hyoka.server.support.StoredEdits.storedEvents;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM in the middle of editors' work (README, "Operating Hyoka"): the real server in a JVM of its own, each
 * editor with an edit in flight (held in PostgreSQL by a lock the test takes) when the signal comes. Those edits are
 * answered, a request sent after the signal is refused at once (503 SHUTTING_DOWN or a refused connection), no
 * request hangs, the process and its embedded PostgreSQL are gone within the stated time, and after a restart the
 * event store holds exactly the edits that were acknowledged. A stop that cannot finish (PostgreSQL frozen) ends
 * in a halt at the deadline.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class GracefulShutdownIT {

    private static final String KAWASAKI = "141305";
    private static final String EDITOR = ServerProcess.token("k-editor", "川崎 一郎", KAWASAKI, "editor");
    private static final int EDITORS = 4;
    private static final int ACKS_BEFORE_THE_SIGNAL = 3;
    private static final Duration GRACE_PERIOD = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    /** Longer than any answer may take; a request without one by then hangs. */
    private static final Duration HANG = Duration.ofSeconds(40);
    private static final Duration CATCH_UP = Duration.ofSeconds(30);


    @TempDir
    Path dataDir;

    @AfterEach
    void noPostgresLeftRunning() {
        LeftoverPostmaster.clear(dataDir);
    }

    @Test
    void givenEditsInFlight_whenSigterm_thenTheyAreAnsweredNewOnesRefusedAndEveryAcknowledgedEditSurvivesTheRestart()
            throws Exception {
        ServerProcess.Config config = ServerProcess.embedded(dataDir).name("graceful-shutdown")
                .property("hyoka.read-your-writes.timeout", "30s")
                .property("hyoka.shutdown.grace-period", GRACE_PERIOD.toSeconds() + "s")
                .property("hyoka.shutdown.stop-timeout", STOP_TIMEOUT.toSeconds() + "s");
        List<String> ids = new ArrayList<>();
        List<Editor> editors = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(EDITORS);
        try (ServerProcess server = config.start()) {
            server.onboard(KAWASAKI, "川崎市");
            CountDownLatch underWay = new CountDownLatch(EDITORS);
            for (int i = 0; i < EDITORS; i++) {
                GraphQlClient client = new GraphQlClient(server.uri(), EDITOR, HANG);
                String id = client.data("startAssessment", START, Map.of("name", "停止中の編集" + i))
                        .path("assessment").path("id").asText();
                ids.add(id);
                editors.add(new Editor(client, id, underWay, threads));
            }
            assertThat(underWay.await(60, TimeUnit.SECONDS)).as("every editor had edits acknowledged").isTrue();

            ProcessHandle process = ProcessHandle.of(server.pid()).orElseThrow();
            ProcessHandle postmaster = server.postmaster().orElseThrow();
            long signalled;
            GraphQlClient.Response late;
            try (TableLock chain = TableLock.hold(server.embeddedJdbcUrl(), "postgres", "", "event_chain_head")) {
                chain.awaitWaiters(EDITORS, Duration.ofSeconds(30));
                signalled = System.nanoTime();
                process.destroy();                                  // SIGTERM
                awaitShutdownBegun(server);
                late = lateRequest(server, ids.get(0));
            }
            assertThat(process.onExit().get(GRACE_PERIOD.plus(STOP_TIMEOUT).toSeconds(), TimeUnit.SECONDS).isAlive())
                    .isFalse();
            Duration stopped = Duration.ofNanos(System.nanoTime() - signalled);
            postmaster.onExit().completeOnTimeout(postmaster, 10, TimeUnit.SECONDS).join();

            assertThat(postmaster.isAlive()).as("the embedded PostgreSQL stops with the server").isFalse();
            assertThat(stopped).as("exit after SIGTERM").isLessThan(GRACE_PERIOD.plus(STOP_TIMEOUT));
            assertThat(server.logText()).contains("Shutting down: no new requests");
            if (late != null) {
                assertThat(late.status()).isEqualTo(503);
                assertThat(late.errors().path(0).path("extensions").path("code").asText()).isEqualTo("SHUTTING_DOWN");
            }
            for (Editor editor : editors) {
                editor.done.get(HANG.toSeconds(), TimeUnit.SECONDS);
                assertThat(editor.hung).as("a request without an answer").isFalse();
                assertThat(editor.answeredAfterTheSignal(signalled)).as("the edit in flight at SIGTERM was answered")
                        .isTrue();
            }
        } finally {
            threads.shutdownNow();
        }

        try (ServerProcess restarted = config.start()) {
            GraphQlClient reader = restarted.client(EDITOR);
            for (Editor editor : editors) {
                int highest = editor.acknowledged.lastKey();
                assertThat(storedEvents(restarted, editor.id)).as("events of %s: the acknowledged ones, no more",
                        editor.id).isEqualTo(highest);
                assertThat(awaitRevision(reader, editor.id, highest, CATCH_UP)).isEqualTo(highest);
                assertThat(answeredTexts(reader, editor.id)).containsAllEntriesOf(editor.acknowledged.tailMap(1, false));
            }
            restarted.stop();
        }
    }

    @Test
    void givenADatabaseThatNoLongerAnswers_whenGracePeriodAndStopTimeoutHavePassed_thenTheJvmHaltsWithStatus3()
            throws Exception {
        try (ServerProcess server = ServerProcess.embedded(dataDir).name("shutdown-deadline")
                .property("hyoka.shutdown.grace-period", "1s").property("hyoka.shutdown.stop-timeout", "1s").start()) {
            server.onboard(KAWASAKI, "川崎市");
            ProcessHandle postmaster = server.postmaster().orElseThrow();
            List<ProcessHandle> database = Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
            signal("STOP", database);                   // every statement, and PostgreSQL's own stop, now waits
            try {
                long signalled = System.nanoTime();
                assertThat(server.stop()).as("exit status").isEqualTo(ShutdownDeadline.CUT_SHORT);
                assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(Duration.ofSeconds(10));
            } finally {
                signal("CONT", database);
            }
            assertThat(server.logText()).contains("Shutdown still incomplete after PT2S: halting the JVM");
        }
    }

    private static void signal(String name, List<ProcessHandle> processes) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", "-" + name));
        processes.forEach(process -> command.add(Long.toString(process.pid())));
        assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).isZero();
    }

    /** Until the server logs that its shutdown began (bounded), and a moment for the listener to close. */
    private static void awaitShutdownBegun(ServerProcess server) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!server.logText().contains("Shutting down: no new requests") && System.nanoTime() < deadline) {
            Thread.sleep(50);                                       // poll interval of a deadline-bounded wait
        }
        Thread.sleep(500);
    }

    /** A request sent after SIGTERM: refused over HTTP (returned), or its connection refused ({@code null}). */
    private static GraphQlClient.Response lateRequest(ServerProcess server, String id) {
        try {
            return new GraphQlClient(server.uri(), EDITOR, Duration.ofSeconds(5)).execute(ANSWER,
                    Map.of("id", id, "rev", 1, "text", "停止後"));
        } catch (UncheckedIOException refused) {
            assertThat(refused.getCause()).as("answered or refused at once, never left waiting")
                    .isNotInstanceOf(HttpTimeoutException.class);
            return null;
        }
    }

    /** Edits its document one revision after the other until the server refuses or goes away. */
    private static final class Editor {
        final String id;
        final NavigableMap<Integer, String> acknowledged = new ConcurrentSkipListMap<>(Map.of(1, ""));
        final CompletableFuture<Void> done;
        volatile long lastAnsweredAt;
        volatile long lastSentAt;
        volatile boolean hung;

        Editor(GraphQlClient client, String id, CountDownLatch underWay, ExecutorService threads) {
            this.id = id;
            this.done = CompletableFuture.runAsync(() -> edit(client, underWay), threads);
        }

        private void edit(GraphQlClient client, CountDownLatch underWay) {
            int revision = 1;
            while (true) {
                String text = "編集 " + id.substring(0, 8) + " " + (revision + 1);
                long sentAt = System.nanoTime();
                GraphQlClient.Response response;
                try {
                    response = client.execute(ANSWER, Map.of("id", id, "rev", revision, "text", text));
                } catch (UncheckedIOException gone) {
                    hung = gone.getCause() instanceof HttpTimeoutException;
                    return;
                }
                JsonNode outcome = response.data().path("answerItem");
                if (response.status() != 200 || !outcome.path("__typename").asText().equals("AssessmentEdited")) {
                    return;                                 // refused: 503 SHUTTING_DOWN
                }
                revision = outcome.path("revision").asInt();
                acknowledged.put(revision, text);
                lastSentAt = sentAt;
                lastAnsweredAt = System.nanoTime();
                if (acknowledged.size() - 1 == ACKS_BEFORE_THE_SIGNAL) {
                    underWay.countDown();
                }
            }
        }

        boolean answeredAfterTheSignal(long signalled) {
            return lastSentAt < signalled && lastAnsweredAt > signalled;
        }
    }
}
