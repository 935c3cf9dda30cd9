package jp.hyoka.server.graphql;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.SignedInServerTest;
import jp.hyoka.server.support.TableLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static jp.hyoka.server.support.Operations.ANSWER;
import static jp.hyoka.server.support.Operations.DOCUMENT;
import static jp.hyoka.server.support.Operations.START;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests stuck in a slow query (a table the test holds locked; one of them an edit waiting for the read models)
 * wait on GraphQL workers, not on Netty's event loop: a concurrent request is answered at once, and no event-loop
 * thread is inside JDBC or a wait.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerPoolIT extends SignedInServerTest {

    /** More than Netty's event-loop threads (two per core): before the worker pool, these alone stalled the node. */
    private static final int STUCK = 8;

    @Test
    void givenRequestsStuckInASlowQuery_whenAnotherRequestComes_thenItIsAnsweredAtOnceAndNoEventLoopThreadBlocks()
            throws Exception {
        String id = callers.kawasakiEditor.data("startAssessment", START, Map.of("kind", "KEY_ITEMS", "name", "遅い照会"))
                .path("assessment").path("id").asText();
        String edited = callers.kawasakiEditor.data("startAssessment", START, Map.of("kind", "KEY_ITEMS", "name", "遅い編集"))
                .path("assessment").path("id").asText();
        ExecutorService clients = Executors.newFixedThreadPool(STUCK);
        List<CompletableFuture<GraphQlClient.Response>> stuck = new ArrayList<>();
        CompletableFuture<GraphQlClient.Response> edit;
        try (TableLock lock = lock("rm_assessment")) {
            // An edit is stored, then waits for the read models, which cannot write the locked table either.
            edit = CompletableFuture.supplyAsync(() -> callers.kawasakiEditor.execute(ANSWER, Map.of("id", edited,
                    "rev", 1, "item", "department.name", "value", Map.of("text", "待つ課"))), clients);
            for (int i = 1; i < STUCK; i++) {
                stuck.add(CompletableFuture.supplyAsync(
                        () -> callers.kawasakiEditor.execute(DOCUMENT, Map.of("id", id)), clients));
            }
            // The 7 reads, the read-model processor writing the edit, and the edit's own read-your-writes query:
            // only when all of them wait is every request's worker certainly inside the database or the wait.
            lock.awaitWaiters(STUCK + 1, Duration.ofSeconds(20));

            long started = System.nanoTime();
            GraphQlClient.Response concurrent = callers.kawasakiEditor2.execute("{ me { userId municipalityName } }",
                    Map.of());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            List<ThreadInfo> inDatabase = threadsIn("org.postgresql", "ReadModelCatchUp");

            assertThat(concurrent.data().path("me").path("userId").asText()).isEqualTo("k-editor-2");
            assertThat(took).isLessThan(Duration.ofSeconds(3));
            assertThat(stuck).noneMatch(CompletableFuture::isDone);
            assertThat(edit).isNotDone();
            assertThat(inDatabase).extracting(ThreadInfo::getThreadName)
                    .filteredOn(name -> name.startsWith(GraphQlWorkers.THREAD_PREFIX)).hasSize(STUCK);
            assertThat(inDatabase).extracting(ThreadInfo::getThreadName)
                    .noneMatch(name -> name.contains("EventLoop") || name.contains("eventLoop"));
        }
        assertThat(edit.get(20, TimeUnit.SECONDS).data().path("answerItem").path("__typename").asText())
                .isIn("AssessmentEdited", "EditNotYetVisible");
        for (CompletableFuture<GraphQlClient.Response> request : stuck) {
            GraphQlClient.Response response = request.get(20, TimeUnit.SECONDS);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.data().path("assessment").path("id").asText()).isEqualTo(id);
        }
        clients.shutdown();
    }

    /** Threads with a frame of one of these packages or classes on their stack right now. */
    private static List<ThreadInfo> threadsIn(String... markers) {
        return Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(false, false))
                .filter(info -> Arrays.stream(info.getStackTrace()).anyMatch(frame -> Arrays.stream(markers)
                        .anyMatch(marker -> frame.getClassName().contains(marker))))
                .toList();
    }
}
