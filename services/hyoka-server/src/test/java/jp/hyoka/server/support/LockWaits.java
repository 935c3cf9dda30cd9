package jp.hyoka.server.support;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Makes an overlap certain instead of likely: a test holds a lock the server's work needs, starts that work, and
 * waits here until PostgreSQL shows the server's backends waiting for a lock, before it lets go.
 */
public final class LockWaits {

    private static final String WAITING = """
            SELECT pid || ' ' || wait_event || ': ' || query FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()""";

    private LockWaits() {
    }

    /**
     * Waits until at least {@code backends} backends of this database wait for a lock (each poll on a connection of
     * its own: a transaction sees one snapshot of pg_stat_activity).
     *
     * @return what they are running
     */
    public static List<String> await(DataSource dataSource, int backends, Duration within) throws SQLException {
        long deadline = System.nanoTime() + within.toNanos();
        List<String> waiting = waiting(dataSource);
        while (waiting.size() < backends) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + backends + " backends waiting for a lock within " + within
                        + ", found " + waiting);
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
            waiting = waiting(dataSource);
        }
        return waiting;
    }

    private static List<String> waiting(DataSource dataSource) throws SQLException {
        List<String> waiting = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(WAITING)) {
            while (rows.next()) {
                waiting.add(rows.getString(1));
            }
        }
        return waiting;
    }

    /**
     * Locks a municipality's hash-chain head on {@code head} (in a transaction the caller ends), as every append of
     * that municipality must: appends then wait, where {@link #await} can see them.
     */
    public static void holdChainHead(Connection head, String tenant) throws SQLException {
        head.setAutoCommit(false);
        try (PreparedStatement lock = head.prepareStatement(
                "SELECT 1 FROM event_chain_head WHERE tenant_code = ? FOR UPDATE")) {
            lock.setString(1, tenant);
            try (ResultSet locked = lock.executeQuery()) {
                assertThat(locked.next()).as("the municipality's chain head").isTrue();
            }
        }
    }
}
