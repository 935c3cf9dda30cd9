package jp.hyoka.server.rebuild;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * One rebuild at a time in the whole installation, not just on this node: a PostgreSQL session-level advisory lock,
 * held on a connection of its own for as long as a rebuild is active here. A node that dies takes its connection,
 * and with it the lock, along: a crashed rebuild never blocks the next one. Released, the connection goes back to
 * the pool without the lock, or is evicted from it when that cannot be made sure.
 */
final class RebuildLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RebuildLock.class);
    private static final String KEY = "hashtext('hyoka.read_model.rebuild')";

    private final HikariDataSource dataSource;
    private final Connection connection;
    private boolean released;

    private RebuildLock(HikariDataSource dataSource, Connection connection) {
        this.dataSource = dataSource;
        this.connection = connection;
    }

    /** @return empty when a rebuild holds the lock, on any node */
    static Optional<RebuildLock> tryTake(HikariDataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            if (ask(connection, "SELECT pg_try_advisory_lock(" + KEY + ")")) {
                return Optional.of(new RebuildLock(dataSource, connection));
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        connection.close();
        return Optional.empty();
    }

    /** Whether the session that took the lock is still there (a lost connection lost the lock too). */
    boolean held() {
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
            if (!ask(connection, "SELECT pg_advisory_unlock(" + KEY + ")")) {
                throw new SQLException("the rebuild lock was not held by its connection");
            }
            connection.close();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not release the rebuild lock; closing its connection instead", e);
            dataSource.evictConnection(connection);
            try {
                connection.close();
            } catch (SQLException alreadyGone) {
                LOG.debug("The rebuild lock's connection was gone already", alreadyGone);
            }
        }
    }

    private static boolean ask(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getBoolean(1);
        }
    }
}
