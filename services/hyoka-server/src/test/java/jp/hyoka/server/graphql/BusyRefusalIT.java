package jp.hyoka.server.graphql;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.SignedInServerTest;
import jp.hyoka.server.support.TableLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import static jp.hyoka.server.support.Operations.DOCUMENT;
import static jp.hyoka.server.support.Operations.START;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With every worker busy and the queue full, a request is refused at once with HTTP 503, Retry-After and the code
 * BUSY; the requests already accepted complete once the slow query ends. One worker and one queue place here.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BusyRefusalIT extends SignedInServerTest {

    @Inject
    GraphQlWorkers workers;
    @Override
    public Map<String, String> getProperties() {
        return baseProperties(Map.of("hyoka.graphql.workers", "1", "hyoka.graphql.queue-size", "1"));
    }

    @Test
    void givenTheWorkerAndTheQueueTaken_whenAnotherRequestComes_thenBusyWithRetryAfterAndTheOthersComplete()
            throws Exception {
        String id = callers.kawasakiEditor.data("startAssessment", START, Map.of("kind", "KEY_ITEMS", "name", "満員"))
                .path("assessment").path("id").asText();
        CompletableFuture<GraphQlClient.Response> running;
        CompletableFuture<GraphQlClient.Response> queued;
        HttpResponse<String> refused;
        Duration took;
        try (TableLock lock = lock("rm_assessment")) {
            running = CompletableFuture.supplyAsync(() -> callers.kawasakiEditor.execute(DOCUMENT, Map.of("id", id)));
            lock.awaitWaiters(1, Duration.ofSeconds(20));
            queued = CompletableFuture.supplyAsync(() -> callers.kawasakiEditor.execute(DOCUMENT, Map.of("id", id)));
            await(() -> workers.queued(), 1);

            long started = System.nanoTime();
            refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.getURI().resolve("/graphql"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + issuer.issue("k-editor", "川崎 一郎",
                            new MunicipalityCode("141305"), List.of("editor")))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ me { userId } }\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            took = Duration.ofNanos(System.nanoTime() - started);
        }

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.body()).contains("\"code\":\"BUSY\"").contains("\"retryAfterSeconds\":1");
        assertThat(took).isLessThan(Duration.ofSeconds(3));
        for (CompletableFuture<GraphQlClient.Response> accepted : List.of(running, queued)) {
            GraphQlClient.Response response = accepted.get(20, TimeUnit.SECONDS);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.data().path("assessment").path("id").asText()).isEqualTo(id);
        }
        assertThat(callers.kawasakiEditor.execute("{ me { userId } }", Map.of()).status()).isEqualTo(200);
    }

    private static void await(IntSupplier value, int expected) throws InterruptedException {
        Instant end = Instant.now().plusSeconds(20);
        while (value.getAsInt() < expected) {
            assertThat(Instant.now()).as("waiting for %d", expected).isBefore(end);
            Thread.sleep(20);
        }
    }
}
