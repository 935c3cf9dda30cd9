package jp.hyoka.server.support;

import io.micronaut.test.support.TestPropertyProvider;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Base of tests that run the whole server (HTTP, GraphQL, Axon, PostgreSQL) with the development issuer, on a
 * database of their own. Subclasses are {@code @MicronautTest} classes with a per-class lifecycle.
 */
public abstract class HyokaServerTest implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return baseProperties();
    }

    /**
     * For a subclass's {@link #getProperties()}: the base properties with {@code put} set and {@code removed} taken
     * out (where the configuration files' value is what the test is about).
     */
    protected static Map<String, String> baseProperties(Map<String, String> put, String... removed) {
        Map<String, String> properties = new HashMap<>(baseProperties());
        properties.putAll(put);
        List.of(removed).forEach(properties::remove);
        return properties;
    }

    private static Map<String, String> baseProperties() {
        return Map.ofEntries(
                Map.entry("hyoka.database.url", TestDatabase.newDatabase()),
                Map.entry("hyoka.database.username", TestDatabase.user()),
                Map.entry("hyoka.database.password", TestDatabase.password()),
                Map.entry("hyoka.dev-issuer.enabled", "true"),
                // A free port: the configured default (8080) may be taken by a running server.
                Map.entry("micronaut.server.port", "-1"),
                Map.entry("hyoka.demo.enabled", "false"),
                // Scraped without a token, as on the embedded default (MetricsAccessIT holds the deployment's rule).
                Map.entry("hyoka.metrics.access", "isAnonymous()"),
                // Tests send load on purpose (races, outages, pools); RateLimitIT sets and tests the limits itself,
                // CostIT the cost budget.
                Map.entry("hyoka.limits.requests-per-second", "0"),
                Map.entry("hyoka.limits.public-requests-per-second-per-address", "0"),
                Map.entry("hyoka.limits.cost.restore-rate", "0"),
                // Deadline passes are run by the tests that mean them (AffairEndAndIncidentsIT), on the day they name.
                Map.entry("hyoka.deadlines.announce-every", "0s"));
    }

}
