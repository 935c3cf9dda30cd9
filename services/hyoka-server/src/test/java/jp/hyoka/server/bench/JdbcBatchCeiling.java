package jp.hyoka.server.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The ceiling of BENCHMARKS.md row 4: plain JDBC batch inserts of ~1 KB jsonb rows into a scratch table of the same
 * database, {@code reWriteBatchedInserts=true}, 1000 rows per transaction, as many threads as the product had
 * clients. Nothing of the product is involved; it is what this PostgreSQL can take at best.
 */
final class JdbcBatchCeiling {

    static final String TABLE = "bench_ceiling";

    private final String url;
    private final Properties credentials;
    private final int rowsPerTransaction;
    private final String template;

    JdbcBatchCeiling(String url, String user, String password, int rowsPerTransaction, int rowBytes) {
        this.url = url;
        this.credentials = new Properties();
        credentials.setProperty("user", user);
        if (password != null && !password.isEmpty()) {
            credentials.setProperty("password", password);
        }
        credentials.setProperty("reWriteBatchedInserts", "true");
        this.rowsPerTransaction = rowsPerTransaction;
        this.template = template(rowBytes);
    }

    void createTable() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE
                    + " (id BIGSERIAL PRIMARY KEY, payload JSONB NOT NULL)");
        }
    }

    /** Inserts {@code rows} rows with {@code threads} threads; the wall time in nanoseconds. */
    long insert(int rows, int threads) throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE " + TABLE);       // every round starts from the same empty table
        }
        List<Callable<Void>> work = new ArrayList<>();
        int first = 0;
        for (int thread = 0; thread < threads; thread++) {
            int share = rows / threads + (thread < rows % threads ? 1 : 0);
            List<String> payloads = new ArrayList<>(share);
            for (int row = 0; row < share; row++) {
                payloads.add(template.replace("#ROW#", Integer.toString(first + row)));
            }
            first += share;
            Connection connection = connect();
            connection.setAutoCommit(false);
            work.add(() -> {
                try (connection; PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO " + TABLE + " (payload) VALUES (?::jsonb)")) {
                    int inTransaction = 0;
                    for (String payload : payloads) {
                        insert.setString(1, payload);
                        insert.addBatch();
                        if (++inTransaction == rowsPerTransaction) {
                            insert.executeBatch();
                            connection.commit();
                            inTransaction = 0;
                        }
                    }
                    if (inTransaction > 0) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                return null;
            });
        }
        return timeAll(work);
    }

    /** Runs every piece of {@code work} on a thread of its own, all at once; the wall time in nanoseconds. */
    static long timeAll(List<Callable<Void>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        try {
            long start = System.nanoTime();
            List<Future<Void>> done = pool.invokeAll(work);
            long elapsed = System.nanoTime() - start;
            for (Future<Void> future : done) {
                future.get();
            }
            return elapsed;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The size a stored row's payload has, in bytes as PostgreSQL counts them (jsonb). */
    double averageStoredBytes() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             var row = statement.executeQuery("SELECT avg(pg_column_size(payload)) FROM " + TABLE)) {
            return row.next() ? row.getDouble(1) : 0;
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, credentials);
    }

    /** A JSON object of about {@code bytes} UTF-8 bytes, shaped like an answer event, with a row-number slot. */
    static String template(int bytes) {
        StringBuilder json = new StringBuilder("{\"row\":#ROW#,\"tenant\":\"141305\",\"itemId\":\"affair.content\","
                + "\"entries\":[\"0190f3c2-7d0a-7b3e-9a5c-3f1e2d4c5b6a\"],\"answer\":{\"kind\":\"TEXT\",\"text\":\"");
        String filler = "特定個人情報の保護評価 ";             // 3 bytes per character in UTF-8
        while (json.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < bytes - 60) {
            json.append(filler);
        }
        return json.append("\"},\"by\":{\"userId\":\"bench\",\"displayName\":\"ベンチ\"}}").toString();
    }
}
