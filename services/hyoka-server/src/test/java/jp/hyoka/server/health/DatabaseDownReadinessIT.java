package jp.hyoka.server.health;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.hyoka.server.support.RestartablePostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static jp.hyoka.server.support.Management.ask;
import static jp.hyoka.server.support.Management.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stops under a running server (as in PostgresRestartIT, on a port and data directory of the test's own)
 * and starts again: readiness is DOWN while it is away and UP once it is back; liveness stays UP throughout, since a
 * restart of the server would not bring the database back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DatabaseDownReadinessIT {

    private static final Duration CHECKED = Duration.ofSeconds(30);

    private RestartablePostgres postgres;
    private URI server;

    @BeforeAll
    void start() throws IOException {
        postgres = RestartablePostgres.started();
        ApplicationContext context = postgres.startServer(Map.of(
                "hyoka.database.connection-timeout", "1s",
                "hyoka.health.check-interval", "200ms"));
        server = context.getBean(EmbeddedServer.class).getURI();
    }

    @AfterAll
    void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void givenTheDatabaseStops_whenTheProbesAsk_thenReadinessIsDownLivenessUpAndReadyAgainOnceItIsBack()
            throws Exception {
        assertThat(awaitStatus(server, "/health/readiness", 200, CHECKED).statusCode()).isEqualTo(200);

        postgres.stop();
        HttpResponse<String> away = awaitStatus(server, "/health/readiness", 503, CHECKED);
        assertThat(away.statusCode()).isEqualTo(503);
        assertThat(away.body()).isEqualTo("{\"status\":\"DOWN\"}");
        HttpResponse<String> alive = ask(server, "/health/liveness");
        assertThat(alive.statusCode()).isEqualTo(200);
        assertThat(alive.body()).isEqualTo("{\"status\":\"UP\"}");

        postgres.start();
        assertThat(awaitStatus(server, "/health/readiness", 200, CHECKED).statusCode()).isEqualTo(200);
    }
}
