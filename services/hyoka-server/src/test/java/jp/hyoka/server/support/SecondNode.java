package jp.hyoka.server.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.security.DevTokenIssuer;

import java.util.List;
import java.util.Map;

/**
 * Another node of the same installation, in this JVM: a second server (its own Axon, processors, connection pool and
 * in-memory locks) on the database of a running test server. Its development issuer signs with a key of its own,
 * so its callers get their tokens from {@link #client}.
 */
public final class SecondNode implements AutoCloseable {

    private final EmbeddedServer server;

    private SecondNode(EmbeddedServer server) {
        this.server = server;
    }

    /** Starts a node on the database {@code first} uses. */
    public static SecondNode on(ApplicationContext first) {
        return on(first, Map.of());
    }

    /** Starts a node on the database {@code first} uses, with {@code extraProperties} on top of the usual ones. */
    public static SecondNode on(ApplicationContext first, Map<String, Object> extraProperties) {
        Map<String, Object> properties = ServerNodes.properties(first.getProperty("hyoka.database.url", String.class)
                        .orElseThrow(), first.getProperty("hyoka.database.username", String.class).orElse(""),
                first.getProperty("hyoka.database.password", String.class).orElse(""));
        properties.putAll(extraProperties);
        return new SecondNode(ApplicationContext.run(EmbeddedServer.class, properties));
    }

    public java.net.URI uri() {
        return server.getURI();
    }

    /** A client of this node, signed in with a token this node issued. */
    public GraphQlClient client(String userId, String name, MunicipalityCode tenant, List<String> roles) {
        return new GraphQlClient(server.getURI(), server.getApplicationContext().getBean(DevTokenIssuer.class)
                .issue(userId, name, tenant, roles));
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
