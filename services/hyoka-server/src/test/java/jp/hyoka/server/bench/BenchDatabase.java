package jp.hyoka.server.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.hyoka.server.support.TestDatabase;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A harness's fresh database (as in the tests: TEST_JDBC_URL, Testcontainers or the embedded PostgreSQL), set up
 * durable or not, described for the report; and the server on it, as the harnesses start it (no demo data, the
 * development issuer: the server refuses to start without a token signature; a random port).
 */
record BenchDatabase(String url, String user, String password, String description) {

    static BenchDatabase create(boolean durable) throws SQLException {
        String url = TestDatabase.newDatabase();
        String user = TestDatabase.user();
        String password = TestDatabase.password();
        String settings = ImportBenchmark.configure(url, user, password, durable);
        return new BenchDatabase(url, user, password, TestDatabase.description() + ", "
                + ImportBenchmark.serverVersion(url, user, password) + ", " + settings);
    }

    /** A server on this database, with {@code more} properties besides the harnesses' own. */
    EmbeddedServer startServer(Map<String, String> more) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "hyoka.database.url", url,
                "hyoka.database.username", user,
                "hyoka.database.password", password,
                "hyoka.demo.enabled", "false",
                "hyoka.dev-issuer.enabled", "true",
                "micronaut.server.port", "-1",
                "hyoka.limits.requests-per-second", "0",        // a benchmark is load on purpose
                "hyoka.limits.cost.restore-rate", "0",
                "hyoka.deadlines.announce-every", "0s"));
        properties.putAll(more);
        return ApplicationContext.builder().deduceEnvironment(false).properties(properties).run(EmbeddedServer.class);
    }
}
