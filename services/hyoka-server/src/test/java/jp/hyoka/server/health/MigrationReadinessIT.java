package jp.hyoka.server.health;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.hyoka.server.support.TableLock;
import jp.hyoka.server.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static jp.hyoka.server.support.Management.ask;
import static jp.hyoka.server.support.Management.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * While the start-up migration runs (here: held up by a lock on Flyway's history table, as a long migration or
 * another node migrating would), and on until Micronaut's HTTP server starts, the server's port answers the probes:
 * alive, not ready. Then the server itself answers on the same port, and is ready.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MigrationReadinessIT {

    @Test
    void givenAMigrationUnderWay_whenTheProbesAsk_thenLivenessIsUpReadinessDownAndReadyOnceStarted() throws Exception {
        String url = TestDatabase.newDatabase();
        Flyway.configure().dataSource(url, TestDatabase.user(), TestDatabase.password())
                .locations("classpath:db/migration").load().migrate();
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        URI server = URI.create("http://localhost:" + port + "/");
        CompletableFuture<ApplicationContext> starting;
        try (TableLock migrationHeldUp = TableLock.hold(url, TestDatabase.user(), TestDatabase.password(),
                "flyway_schema_history")) {
            starting = CompletableFuture.supplyAsync(() -> ApplicationContext.run(Map.of(
                    "hyoka.database.url", url,
                    "hyoka.database.username", TestDatabase.user(),
                    "hyoka.database.password", TestDatabase.password(),
                    "hyoka.dev-issuer.enabled", "true",
                    "hyoka.demo.enabled", "false",
                    "micronaut.server.port", Integer.toString(port))));
            migrationHeldUp.awaitWaiters(1, Duration.ofSeconds(60));

            HttpResponse<String> alive = ask(server, "/health/liveness");
            HttpResponse<String> ready = ask(server, "/health/readiness");
            assertThat(alive.statusCode()).isEqualTo(200);
            assertThat(alive.body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).isEqualTo("{\"status\":\"DOWN\"}");
            assertThat(ask(server, "/graphql").statusCode()).isEqualTo(503);
        }

        // Between the context's start and the HTTP server's the port may be silent for a moment (a bean that asks
        // for the server ends the start-up probes early): not asserted, it is no longer "during the migration".
        try (ApplicationContext context = starting.get(60, TimeUnit.SECONDS)) {
            context.getBean(EmbeddedServer.class).start();
            assertThat(awaitStatus(server, "/health/readiness", 200, Duration.ofSeconds(20)).statusCode())
                    .isEqualTo(200);
            assertThat(ask(server, "/graphql").statusCode()).as("Micronaut's own answer").isEqualTo(401);
        }
    }
}
