package jp.hyoka.server.support;

import io.micronaut.test.support.TestPropertyProvider;

import java.util.Map;

/**
 * Base of tests that run the whole server (HTTP, GraphQL, Axon, PostgreSQL) with the development issuer, on a
 * database of their own. Subclasses are {@code @MicronautTest} classes with a per-class lifecycle.
 */
public abstract class HyokaServerTest implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "hyoka.database.url", TestDatabase.newDatabase(),
                "hyoka.database.username", TestDatabase.user(),
                "hyoka.database.password", TestDatabase.password(),
                "hyoka.dev-issuer.enabled", "true",
                // A free port: the configured default (8080) may be taken by a running server.
                "micronaut.server.port", "-1",
                "hyoka.demo.enabled", "false",
                // Scraped without a token, as on the embedded default (MetricsAccessIT holds the deployment's rule).
                "hyoka.metrics.access", "isAnonymous()");
    }
}
