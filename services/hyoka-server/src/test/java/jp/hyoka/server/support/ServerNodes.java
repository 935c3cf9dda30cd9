package jp.hyoka.server.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.security.DevTokenIssuer;
import jp.hyoka.server.security.Tenants;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Several server nodes on one PostgreSQL database, as behind a load balancer: each its own HTTP server, Axon
 * configuration, read-model processor (one of them holds the token) and connection pool. Node 0 starts first, so
 * its processor claims the token; the others answer from read models that node 0 writes.
 */
public final class ServerNodes implements AutoCloseable {

    private final List<EmbeddedServer> nodes = new ArrayList<>();

    public ServerNodes(int count, String jdbcUrl, Map<String, Object> extraProperties) {
        for (int node = 0; node < count; node++) {
            Map<String, Object> properties = properties(jdbcUrl, TestDatabase.user(), TestDatabase.password());
            properties.putAll(extraProperties);
            nodes.add(ApplicationContext.run(EmbeddedServer.class, properties));
        }
    }

    /** The settings of one more node on the database at {@code jdbcUrl}. */
    public static Map<String, Object> properties(String jdbcUrl, String user, String password) {
        return new HashMap<>(Map.of(
                "hyoka.database.url", jdbcUrl,
                "hyoka.database.username", user,
                "hyoka.database.password", password,
                "hyoka.dev-issuer.enabled", "true",
                "micronaut.server.port", "-1",
                "hyoka.demo.enabled", "false",
                "hyoka.limits.requests-per-second", "0",        // load on purpose; RateLimitIT tests the limit
                "hyoka.deadlines.announce-every", "0s",
                "hyoka.limits.cost.restore-rate", "0",          // and CostIT the cost budget
                // One JVM, several nodes: each must hold processor claims under a name of its own, or each would
                // take the other's claim for its own and both would project.
                "hyoka.node-id", "test-node-" + UUID.randomUUID()));
    }

    /** Registers a municipality (once: the tenant table is shared). */
    public void register(MunicipalityCode municipality, String name) {
        nodes.get(0).getApplicationContext().getBean(Tenants.class).register(municipality, name);
    }

    /** A client of {@code node} signed in by that node's development issuer (each node has its own key). */
    public GraphQlClient client(int node, String userId, MunicipalityCode municipality, List<String> roles) {
        return new GraphQlClient(uri(node), token(node, userId, municipality, roles));
    }

    /** A token of {@code node}'s development issuer (another node's key does not verify it). */
    public String token(int node, String userId, MunicipalityCode municipality, List<String> roles) {
        return context(node).getBean(DevTokenIssuer.class).issue(userId, userId, municipality, roles);
    }

    public URI uri(int node) {
        return nodes.get(node).getURI();
    }

    public ApplicationContext context(int node) {
        return nodes.get(node).getApplicationContext();
    }

    public int size() {
        return nodes.size();
    }

    @Override
    public void close() {
        nodes.forEach(EmbeddedServer::stop);
    }
}
