package jp.hyoka.server.support;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

/**
 * A slow query made on purpose, without a hook in the server: the test holds an exclusive lock on a table, so every
 * query of the server that reads it waits in PostgreSQL until the lock is released.
 */
public final class TableLock implements AutoCloseable {

    private final Connection connection;
    private final String table;

    private TableLock(Connection connection, String table) {
        this.connection = connection;
        this.table = table;
    }

    public static TableLock hold(String url, String user, String password, String table) throws SQLException {
        return hold(DriverManager.getConnection(url, user, password), table);
    }

    /** On a connection of the server's own pool (in-process tests): one connection fewer for the server. */
    public static TableLock hold(DataSource dataSource, String table) throws SQLException {
        return hold(dataSource.getConnection(), table);
    }

    private static TableLock hold(Connection connection, String table) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
        }
        return new TableLock(connection, table);
    }

    /** Polls until {@code count} sessions wait for this lock; fails after {@code deadline}. */
    public void awaitWaiters(int count, Duration deadline) throws SQLException, InterruptedException {
        Instant end = Instant.now().plus(deadline);
        while (waiters() < count) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("only " + waiters() + " of " + count + " queries wait for " + table);
            }
            Thread.sleep(20);
        }
    }

    public int waiters() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = '"
                     + table + "'::regclass")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
