package jp.hyoka.server.graphql;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.SignedInServerTest;
import jp.hyoka.server.support.TableLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static jp.hyoka.server.support.Operations.DOCUMENT;
import static jp.hyoka.server.support.Operations.START;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request past its time limit (here 700 ms) resolves no further field: in a query the fields after a slow one (a
 * table the test holds locked for longer than the limit) are the error TIMEOUT; in a mutation the edit under way
 * finishes with its result and the one not begun changes nothing; a request whose time ran out waiting for a worker is
 * refused whole. One worker, so that requests queue.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryTimeoutIT extends SignedInServerTest {

    private static final Duration HELD = Duration.ofMillis(1_500);

    @Override
    public Map<String, String> getProperties() {
        return baseProperties(Map.of(
                "hyoka.graphql.timeout", "700ms",
                "hyoka.graphql.workers", "1",
                "hyoka.graphql.queue-size", "4"));
    }

    @Test
    void givenAFieldSlowerThanTheLimit_whenTheQueryGoesOn_thenTheFieldsAfterItAreTimeout()
            throws Exception {
        String id = start("遅い照会");
        String twoReads = "query($id: ID!) { a: assessment(id: $id) { id } b: assessment(id: $id) { id } }";

        GraphQlClient.Response response = whileLocked(
                () -> callers.kawasakiEditor.execute(twoReads, Map.of("id", id)), 1);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.data().path("b").isNull()).isTrue();
        assertThat(response.errors()).anySatisfy(error -> {
            assertThat(error.path("path").get(0).asText()).isEqualTo("b");
            assertThat(error.path("extensions").path("code").asText()).isEqualTo("TIMEOUT");
        });
        assertThat(response.errors()).allSatisfy(error ->
                assertThat(error.path("extensions").path("code").asText()).isEqualTo("TIMEOUT"));
    }

    @Test
    void givenTwoEditsInOneMutation_whenTheFirstOutlastsTheLimit_thenItsResultStaysAndTheSecondIsATimeoutProblemThatChangedNothing()
            throws Exception {
        String id = start("遅い編集");
        String twoEdits = """
                mutation($id: ID!) {
                  a: answerItem(input: {assessmentId: $id, expectedRevision: 1, itemId: "department.name",
                                        value: {text: "一つ目の課"}}) { __typename }
                  b: answerItem(input: {assessmentId: $id, expectedRevision: 2, itemId: "affair.description",
                                        value: {text: "二つ目の説明"}}) {
                    __typename ... on ServiceUnavailable { code mayHaveBeenStored }
                  }
                }""";

        // The first edit is stored, then waits for the read models, which cannot write the locked table either.
        GraphQlClient.Response response = whileLocked(
                () -> callers.kawasakiEditor.execute(twoEdits, Map.of("id", id)), 2);

        assertThat(response.data().path("a").path("__typename").asText()).as(response.body().toString())
                .isEqualTo("AssessmentEdited");
        assertThat(response.data().path("b").path("__typename").asText()).isEqualTo("ServiceUnavailable");
        assertThat(response.data().path("b").path("code").asText()).isEqualTo("TIMEOUT");
        assertThat(response.data().path("b").path("mayHaveBeenStored").asBoolean()).isFalse();
        GraphQlClient.Response document = callers.kawasakiEditor.execute(DOCUMENT, Map.of("id", id));
        assertThat(document.data().path("assessment").path("revision").asInt()).isEqualTo(2);
        assertThat(document.body().toString()).contains("一つ目の課").doesNotContain("二つ目の説明");
    }

    @Test
    void givenTheOnlyWorkerHeldPastTheLimit_whenARequestWaitsForIt_thenItIsRefusedWholeWithTimeout() throws Exception {
        String id = start("待たされた照会");
        CompletableFuture<GraphQlClient.Response> queued;
        try (TableLock lock = lock("rm_assessment")) {
            CompletableFuture.runAsync(() -> callers.kawasakiEditor.execute(DOCUMENT, Map.of("id", id)));
            lock.awaitWaiters(1, Duration.ofSeconds(20));
            queued = CompletableFuture.supplyAsync(() -> callers.kawasakiEditor2.execute("{ me { userId } }",
                    Map.of()));
            Thread.sleep(HELD.toMillis());
        }
        GraphQlClient.Response refused = queued.get(20, TimeUnit.SECONDS);

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.errors().get(0).path("extensions").path("code").asText()).isEqualTo("TIMEOUT");
        assertThat(refused.errors().get(0).path("extensions").path("retryable").asBoolean()).isTrue();
    }

    private String start(String name) {
        return callers.kawasakiEditor.data("startAssessment", START, Map.of("kind", "KEY_ITEMS", "name", name))
                .path("assessment").path("id").asText();
    }

    /** Sends the request while rm_assessment is locked, once {@code waiters} queries wait; unlocks after HELD. */
    private GraphQlClient.Response whileLocked(java.util.function.Supplier<GraphQlClient.Response> request,
                                               int waiters) throws Exception {
        CompletableFuture<GraphQlClient.Response> sent;
        try (TableLock lock = lock("rm_assessment")) {
            sent = CompletableFuture.supplyAsync(request);
            lock.awaitWaiters(waiters, Duration.ofSeconds(20));
            Thread.sleep(HELD.toMillis());
        }
        return sent.get(20, TimeUnit.SECONDS);
    }
}
