package jp.hyoka.server.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.hyoka.server.security.DevTokenIssuer;
import jp.hyoka.server.security.Tenants;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.RestartablePostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kept-answer read (ResponseCache) while the database is out of reach: it reads the document's version first, and
 * when that cannot get a connection the read answers SERVICE_UNAVAILABLE after that one wait for the pool, not after
 * a second one in the execution (a worker held for twice the connection timeout). The pool's broken connections are
 * evicted first, so that every borrow waits the whole timeout (a broken one would fail at once and hide the wait).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ResponseCacheOutageIT {

    private static final String FEW = "query($id: ID!) { assessment(id: $id) { id revision affairName updatedAt } }";

    private static final Duration POOL_TIMEOUT = Duration.ofSeconds(3);

    private RestartablePostgres postgres;
    private Callers callers;
    private HikariDataSource pool;

    @BeforeAll
    void start() throws IOException {
        postgres = RestartablePostgres.started();
        ApplicationContext context = postgres.startServer(Map.of("hyoka.database.connection-timeout",
                POOL_TIMEOUT.toMillis() + "ms"));
        callers = new Callers(context.getBean(EmbeddedServer.class), context.getBean(DevTokenIssuer.class),
                context.getBean(Tenants.class));
        pool = (HikariDataSource) context.getBean(DataSource.class);
    }

    @AfterAll
    void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void givenAKeptAnswer_whenTheDatabaseIsOutOfReach_thenTheReadAnswersServiceUnavailableAfterOneWaitForThePool()
            throws Exception {
        String id = callers.kawasakiEditor.data("startAssessment", Operations.START,
                Map.of("kind", "KEY_ITEMS", "name", "停止中")).path("assessment").path("id").asText();
        Map<String, Object> variables = Map.of("id", id);
        assertThat(callers.kawasakiReader.data("assessment", FEW, variables).path("id").asText()).isEqualTo(id);
        assertThat(callers.kawasakiReader.data("assessment", FEW, variables).path("id").asText()).isEqualTo(id);

        postgres.stop();
        pool.getHikariPoolMXBean().softEvictConnections();  // idle ones at once, those in use when given back
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (pool.getHikariPoolMXBean().getTotalConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(pool.getHikariPoolMXBean().getTotalConnections()).as("connections left").isZero();

        long start = System.nanoTime();
        unavailable(callers.kawasakiReader.execute(FEW, variables));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        // One wait is the timeout and the request's own work; two would be at least twice the timeout.
        assertThat(waited).as("time to the answer").isGreaterThanOrEqualTo(POOL_TIMEOUT)
                .isLessThan(POOL_TIMEOUT.multipliedBy(3).dividedBy(2));
    }

    private static void unavailable(GraphQlClient.Response response) {
        JsonNode error = response.errors().path(0);
        assertThat(error.path("extensions").path("code").asText()).as(response.body().toString())
                .isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(error.path("extensions").path("retryAfterSeconds").asInt()).isPositive();
        assertThat(response.data().path("assessment").isNull()).isTrue();
    }
}
