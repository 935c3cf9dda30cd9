package jp.hyoka.server.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.hyoka.server.editing.Editing;
import jp.hyoka.server.security.Tenants;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What PostgreSQL's side of a row 5 load costs (BENCHMARKS.md row 5): ways of reading an aggregate's newest snapshot
 * and its events after it in one statement, against the raw select of its events, interleaved statement by statement
 * on one connection pool, wall p50 per round; then each one's plan with {@code EXPLAIN ANALYZE}.
 * <pre>infra/scripts/run-harness.sh jp.hyoka.server.bench.LoadStatementProbe [reads per round] [rounds]</pre>
 */
public final class LoadStatementProbe {

    private static final String FIELDS = "type, aggregateidentifier, sequencenumber, eventidentifier, timestamp, "
            + "payloadtype, payloadrevision, payload, metadata";
    private static final String SNAPSHOT = "SELECT true AS snapshot, " + FIELDS + " FROM snapshotevententry WHERE "
            + "aggregateidentifier = ? ORDER BY sequencenumber DESC LIMIT 1";
    /** The statement of {@code NotifyingEventStorageEngine.readFromNewestSnapshot} until 2026-12-07. */
    private static final String CTE_SORTED = "WITH newest AS (SELECT " + FIELDS + " FROM snapshotevententry WHERE "
            + "aggregateidentifier = ? ORDER BY sequencenumber DESC LIMIT 1) SELECT true AS snapshot, " + FIELDS
            + " FROM newest UNION ALL (SELECT false, " + FIELDS + " FROM domainevententry WHERE aggregateidentifier = ? "
            + "AND sequencenumber > coalesce((SELECT sequencenumber FROM newest), -1) ORDER BY sequencenumber LIMIT ?) "
            + "ORDER BY snapshot DESC, sequencenumber";
    private static final String CTE = CTE_SORTED.substring(0, CTE_SORTED.lastIndexOf(" ORDER BY snapshot"));
    private static final String SUBQUERIES = "(" + SNAPSHOT + ") UNION ALL (SELECT false, " + FIELDS
            + " FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber > coalesce((SELECT max("
            + "sequencenumber) FROM snapshotevententry WHERE aggregateidentifier = ?), -1) ORDER BY sequencenumber "
            + "LIMIT ?)";
    private static final String RAW = "SELECT eventidentifier, type, payloadtype, payloadrevision, payload, metadata, "
            + "timestamp, sequencenumber FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber";
    private static final String[] NAMES = {"cte+sort", "cte", "subqueries", "raw"};

    private LoadStatementProbe() {
    }

    public static void main(String[] args) {
        HarnessMain.run(progress -> {
            int reads = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
            int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
            BenchDatabase database = BenchDatabase.create(false);
            try (EmbeddedServer server = database.startServer(Map.of())) {
                ApplicationContext context = server.getApplicationContext();
                context.getBean(Tenants.class).register(HistoryGrowthBenchmark.CODE, "ベンチ市");
                String id = HistoryGrowthBenchmark.documentOf(context.getBean(Editing.class), new CommitClock(), 10);
                DataSource dataSource = context.getBean(DataSource.class);
                round(dataSource, id, reads);
                List<double[]> perRound = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    perRound.add(round(dataSource, id, reads));
                    progress.accept("round " + (r + 1) + ": " + Arrays.toString(perRound.get(r)));
                }
                StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                        "row 5 statements, wall p50 µs, %d reads × %d rounds (%s)%n", reads, rounds,
                        database.description()));
                for (int k = 0; k < NAMES.length; k++) {
                    int at = k;
                    report.append(String.format(Locale.ROOT, "%-11s p50 median %7.1f µs, ÷ raw median %.2f%n",
                            NAMES[k], median(perRound.stream().mapToDouble(r -> r[at]).toArray()),
                            median(perRound.stream().mapToDouble(r -> r[at] / r[NAMES.length - 1]).toArray())));
                }
                for (int k = 0; k < NAMES.length; k++) {
                    report.append(NAMES[k]).append(":\n").append(explain(dataSource, k, id));
                }
                return report.toString();
            }
        });
    }

    private static double[] round(DataSource dataSource, String id, int reads) throws SQLException {
        double[][] wall = new double[NAMES.length][reads];
        for (int i = 0; i < reads; i++) {
            for (int j = 0; j < NAMES.length; j++) {
                int k = (i + j) % NAMES.length;
                long start = System.nanoTime();
                int rows = read(dataSource, k, id, false, null);
                wall[k][i] = (System.nanoTime() - start) / 1e3;
                if (rows != 10) {
                    throw new IllegalStateException(NAMES[k] + " read " + rows + " rows");
                }
            }
        }
        return Arrays.stream(wall).mapToDouble(LoadStatementProbe::median).toArray();
    }

    private static String explain(DataSource dataSource, int k, String id) throws SQLException {
        StringBuilder plan = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            plan.setLength(0);
            read(dataSource, k, id, true, plan);
        }
        return plan.toString();
    }

    private static int read(DataSource dataSource, int k, String id, boolean explain, StringBuilder plan)
            throws SQLException {
        String sql = switch (k) {
            case 0 -> CTE_SORTED;
            case 1 -> CTE;
            case 2 -> SUBQUERIES;
            default -> RAW;
        };
        int rows = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(explain ? "EXPLAIN (ANALYZE) " + sql : sql)) {
            select.setString(1, id);
            switch (k) {
                case 0, 1 -> {
                    select.setString(2, id);
                    select.setInt(3, 251);
                }
                case 2 -> {
                    select.setString(2, id);
                    select.setString(3, id);
                    select.setInt(4, 251);
                }
                default -> {
                }
            }
            try (ResultSet result = select.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    for (int column = 1; column <= columns; column++) {
                        result.getObject(column);
                    }
                    if (plan != null) {
                        plan.append("  ").append(result.getString(1)).append('\n');
                    }
                    rows++;
                }
            }
        }
        return rows;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
