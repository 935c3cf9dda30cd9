package jp.hyoka.server.graphql;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.SignedInServerTest;
import jp.hyoka.server.support.TableLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static jp.hyoka.server.support.Operations.DOCUMENT;
import static jp.hyoka.server.support.Operations.START;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Once the server stops (the graceful phase of SIGTERM; GracefulShutdownIT does it to a real process), a request
 * that still reaches it is refused at once with 503 SHUTTING_DOWN, Retry-After and Connection: close, while the
 * request already running is answered, and only then are the workers done.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShuttingDownRefusalIT extends SignedInServerTest {

    @Inject
    GraphQlWorkers workers;
    @Inject
    DataSource dataSource;

    @Test
    void givenARequestRunning_whenTheWorkersStop_thenANewOneIsRefusedAtOnceAndTheRunningOneAnswered()
            throws Exception {
        String id = callers.kawasakiEditor.data("startAssessment", START, Map.of("kind", "KEY_ITEMS", "name", "停止"))
                .path("assessment").path("id").asText();
        CompletableFuture<GraphQlClient.Response> running;
        CompletionStage<?> drained;
        GraphQlClient.Response refused;
        try (TableLock lock = TableLock.hold(dataSource, "rm_assessment")) {
            running = CompletableFuture.supplyAsync(() -> callers.kawasakiEditor.execute(DOCUMENT, Map.of("id", id)));
            lock.awaitWaiters(1, Duration.ofSeconds(20));
            drained = workers.shutdownGracefully();
            refused = callers.kawasakiEditor2.execute("{ me { userId } }", Map.of());
            assertThat(drained.toCompletableFuture()).as("drained while a request runs").isNotDone();
        }

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(refused.headers().firstValue("Connection")).hasValue("close");
        assertThat(refused.errors().path(0).path("extensions").path("code").asText()).isEqualTo("SHUTTING_DOWN");
        GraphQlClient.Response answered = running.get(20, TimeUnit.SECONDS);
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.data().path("assessment").path("id").asText()).isEqualTo(id);
        drained.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
