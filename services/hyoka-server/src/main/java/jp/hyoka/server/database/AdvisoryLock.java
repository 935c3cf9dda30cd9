package jp.hyoka.server.database;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Something only one node of the installation may do at a time: a PostgreSQL session-level advisory lock (key
 * {@code hashtext(name)}), held on a connection of its own for as long as the holder works. A node that dies takes
 * its connection, and with it the lock, along: a crashed holder never blocks the next one. Released, the connection
 * goes back to the pool without the lock, or is evicted from it when that cannot be made sure.
 */
public final class AdvisoryLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryLock.class);

    private final HikariDataSource dataSource;
    private final Connection connection;
    private final String name;
    private boolean released;

    private AdvisoryLock(HikariDataSource dataSource, Connection connection, String name) {
        this.dataSource = dataSource;
        this.connection = connection;
        this.name = name;
    }

    /** @return empty when another session (on any node) holds the lock named {@code name} */
    public static Optional<AdvisoryLock> tryTake(HikariDataSource dataSource, String name) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            if (ask(connection, "SELECT pg_try_advisory_lock(hashtext(?))", name)) {
                return Optional.of(new AdvisoryLock(dataSource, connection, name));
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        connection.close();
        return Optional.empty();
    }

    /**
     * Whether any session of this database holds the lock named {@code name} (a bigint advisory key shows in
     * pg_locks as classid, its high half, and objid, its low half).
     */
    public static boolean heldAnywhere(Connection connection, String name) throws SQLException {
        return ask(connection, "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted "
                + "AND objsubid = 1 AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                + "AND ((classid::bigint << 32) | objid::bigint) = hashtext(?)::bigint)", name);
    }

    /** The lock's own session: work done on it fails once the lock is lost with it. */
    public Connection connection() {
        return connection;
    }

    /** Whether the session that took the lock is still there (a lost connection lost the lock too). */
    public boolean held() {
        try {
            return connection.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Releases the lock; again, does nothing. */
    @Override
    public synchronized void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            if (!ask(connection, "SELECT pg_advisory_unlock(hashtext(?))", name)) {
                throw new SQLException("the lock " + name + " was not held by its connection");
            }
            connection.close();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not release the lock {}; closing its connection instead", name, e);
            dataSource.evictConnection(connection);
            try {
                connection.close();
            } catch (SQLException alreadyGone) {
                LOG.debug("The connection of the lock {} was gone already", name, alreadyGone);
            }
        }
    }

    private static boolean ask(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }
}
