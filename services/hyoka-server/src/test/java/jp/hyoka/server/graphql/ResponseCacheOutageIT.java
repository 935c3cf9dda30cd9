package jp.hyoka.server.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kept-answer read (ResponseCache) while the database is out of reach: it reads the document's version first, and
 * when that cannot get a connection the read answers SERVICE_UNAVAILABLE after that one wait for the pool, not after
 * a second one in the execution (a worker held for twice the connection timeout).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ResponseCacheOutageIT {

    private static final String FEW = "query($id: ID!) { assessment(id: $id) { id revision affairName updatedAt } }";

    private RestartablePostgres postgres;
    private Callers callers;
    private Counter poolTimeouts;

    @BeforeAll
    void start() throws IOException {
        postgres = RestartablePostgres.started();
        ApplicationContext context = postgres.startServer(Map.of("hyoka.database.connection-timeout", "1s"));
        callers = new Callers(context.getBean(EmbeddedServer.class), context.getBean(DevTokenIssuer.class),
                context.getBean(Tenants.class));
        poolTimeouts = context.getBean(MeterRegistry.class).get("hikaricp.connections.timeout").counter();
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
        // The pool's connections are broken now: the first read finds that out (and may fail on one at once); the
        // next finds none left and waits for a new one until the connection timeout.
        unavailable(callers.kawasakiReader.execute(FEW, variables));
        double before = poolTimeouts.count();
        unavailable(callers.kawasakiReader.execute(FEW, variables));

        assertThat(poolTimeouts.count() - before).as("waits for a connection that timed out").isEqualTo(1.0);
    }

    private static void unavailable(GraphQlClient.Response response) {
        JsonNode error = response.errors().path(0);
        assertThat(error.path("extensions").path("code").asText()).as(response.body().toString())
                .isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(error.path("extensions").path("retryAfterSeconds").asInt()).isPositive();
        assertThat(response.data().path("assessment").isNull()).isTrue();
    }
}
