package jp.hyoka.server.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * BENCHMARKS.md's ceilings by raw JDBC on the benchmark's own database: ~1 KB jsonb rows in a scratch table, one
 * connection per client (opened once, outside the timing), autocommit single-row INSERTs, 10-row transactions (one
 * batch, one commit) and primary-key SELECTs.
 */
final class JdbcCeilings implements AutoCloseable {

    static final String TABLE = "bench_ceiling";
    /** ~1 KB of jsonb, as BENCHMARKS.md's ceilings were measured (the product's events are about as large). */
    static final String BODY = "{\"text\": \"" + "計".repeat(300) + "\", \"kind\": \"ceiling\"}";

    private final String url;
    private final Properties credentials = new Properties();
    private final List<Connection> connections = new ArrayList<>();

    JdbcCeilings(String url, String user, String password) throws SQLException {
        this.url = url;
        credentials.setProperty("user", user);
        if (password != null && !password.isEmpty()) {
            credentials.setProperty("password", password);
        }
        try (Statement create = connection(0).createStatement()) {
            create.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (id bigserial PRIMARY KEY, body jsonb NOT NULL)");
        }
    }

    /** Client {@code n}'s connection (autocommit on), opened on first use and kept. */
    synchronized Connection connection(int n) throws SQLException {
        while (connections.size() <= n) {
            connections.add(DriverManager.getConnection(url, credentials));
        }
        return connections.get(n);
    }

    /** p50 ms of one single-row durable INSERT (autocommit), 1 client. */
    double insertP50Millis(Duration time) throws Exception {
        PreparedStatement insert = insert(connection(0));
        return Interleaved.p50Millis(time, insert::executeUpdate);
    }

    /** Single-row durable INSERTs/s of {@code clients} clients. */
    double insertsPerSecond(int clients, Duration time) throws Exception {
        List<PreparedStatement> inserts = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            inserts.add(insert(connection(client)));
        }
        return Interleaved.perSecond(clients, time, client -> inserts.get(client)::executeUpdate);
    }

    /** Rows/s of {@code clients} clients, each committing transactions of {@code rows} rows (one batch each). */
    double transactionRowsPerSecond(int clients, int rows, Duration time) throws Exception {
        List<PreparedStatement> inserts = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            inserts.add(insert(connection(client)));
        }
        return rows * Interleaved.perSecond(clients, time, client -> () -> {
            PreparedStatement insert = inserts.get(client);
            Connection connection = insert.getConnection();
            connection.setAutoCommit(false);
            for (int row = 0; row < rows; row++) {
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
            connection.setAutoCommit(true);
        });
    }

    /** PK SELECTs/s of {@code clients} clients over the rows the INSERTs left (at least 1000 are made sure of). */
    double pkSelectsPerSecond(int clients, Duration time) throws Exception {
        long rows = ensureRows(1000);
        List<PreparedStatement> selects = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            selects.add(select(connection(client)));
        }
        return Interleaved.perSecond(clients, time, client -> () -> selectOne(selects.get(client), rows));
    }

    /** p50 ms of one PK SELECT, 1 client. */
    double pkSelectP50Millis(Duration time) throws Exception {
        long rows = ensureRows(1000);
        PreparedStatement select = select(connection(0));
        return Interleaved.p50Millis(time, () -> selectOne(select, rows));
    }

    private static void selectOne(PreparedStatement select, long rows) throws SQLException {
        select.setLong(1, 1 + ThreadLocalRandom.current().nextLong(rows));
        try (ResultSet row = select.executeQuery()) {
            if (!row.next() || row.getString(1).isEmpty()) {
                throw new IllegalStateException("no ceiling row");
            }
        }
    }

    private long ensureRows(int at) throws SQLException {
        Connection connection = connection(0);
        try (Statement count = connection.createStatement();
             ResultSet result = count.executeQuery("SELECT coalesce(min(id), 1), count(*) FROM " + TABLE)) {
            result.next();
            if (result.getLong(1) == 1 && result.getLong(2) >= at) {
                return result.getLong(2);
            }
        }
        try (Statement reset = connection.createStatement()) {
            reset.execute("TRUNCATE " + TABLE + " RESTART IDENTITY");
        }
        PreparedStatement insert = insert(connection);
        for (int row = 0; row < at; row++) {
            insert.addBatch();
        }
        insert.executeBatch();
        return at;
    }

    private static PreparedStatement insert(Connection connection) throws SQLException {
        PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " (body) VALUES (?::jsonb)");
        insert.setString(1, BODY);
        return insert;
    }

    private static PreparedStatement select(Connection connection) throws SQLException {
        return connection.prepareStatement("SELECT body FROM " + TABLE + " WHERE id = ?");
    }

    @Override
    public synchronized void close() throws SQLException {
        for (Connection connection : connections) {
            connection.close();
        }
    }
}
