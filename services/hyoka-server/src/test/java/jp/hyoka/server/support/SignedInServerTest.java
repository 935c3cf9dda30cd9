package jp.hyoka.server.support;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jp.hyoka.server.security.DevTokenIssuer;
import jp.hyoka.server.security.Tenants;
import jp.hyoka.server.support.HyokaServerTest;
import org.junit.jupiter.api.BeforeAll;

import java.sql.SQLException;

/** A running server with the demo municipalities registered and signed-in clients for them ({@link Callers}). */
public abstract class SignedInServerTest extends HyokaServerTest {

    @Inject
    public EmbeddedServer server;
    @Inject
    public DevTokenIssuer issuer;
    @Inject
    public Tenants tenants;

    public Callers callers;

    @Value("${hyoka.database.url}")
    String databaseUrl;
    @Value("${hyoka.database.username}")
    String databaseUser;
    @Value("${hyoka.database.password:}")
    String databasePassword;

    @BeforeAll
    public void signIn() {
        callers = new Callers(server, issuer, tenants);
    }

    /** Holds {@code table} locked on a connection of the test's own until closed: requests that touch it wait. */
    public TableLock lock(String table) throws SQLException {
        return TableLock.hold(databaseUrl, databaseUser, databasePassword, table);
    }
}
