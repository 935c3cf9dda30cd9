package jp.hyoka.server.support;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jp.hyoka.server.security.DevTokenIssuer;
import jp.hyoka.server.security.Tenants;
import jp.hyoka.server.support.HyokaServerTest;
import org.junit.jupiter.api.BeforeAll;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

    /** How many stored events' payloads contain {@code text} (read as the database's owner: what was stored at all). */
    public long storedEventsMentioning(String text) throws SQLException {
        try (Connection connection = DriverManager.getConnection(databaseUrl, databaseUser, databasePassword);
             PreparedStatement count = connection.prepareStatement(
                     "SELECT count(*) FROM domainevententry WHERE convert_from(payload, 'UTF8') LIKE ?")) {
            count.setString(1, "%" + text + "%");
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Holds {@code table} locked on a connection of the test's own until closed: requests that touch it wait. */
    public TableLock lock(String table) throws SQLException {
        return TableLock.hold(databaseUrl, databaseUser, databasePassword, table);
    }
}
