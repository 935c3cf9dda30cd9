package jp.hyoka.server.bench;

import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.axon.AggregateCache;
import jp.hyoka.server.support.TestDatabase;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * What one edit costs, in one JVM at one moment (infra/docs/edit-path.md), so that a busy machine's drift cancels out:
 * <ul>
 *   <li>row 1, command in → commit, with the assessment kept ({@link AggregateCache}) against loaded from the store
 *       (the cache emptied before each): interleaved edit by edit, p50 of each and the request thread's CPU;</li>
 *   <li>row 2's ceiling: the CPU of one whole edit (read-your-writes included, so its read-model batch too) on the
 *       server's JVM and on PostgreSQL's processes, and the round trip and durable INSERT that the municipality's
 *       hash-chain lock is held across.</li>
 * </ul>
 * <pre>infra/scripts/run-harness.sh jp.hyoka.server.bench.EditCostProbe [edits]</pre>
 */
public final class EditCostProbe {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    /** Linux's USER_HZ: /proc/[pid]/stat counts CPU time in 1/100 s. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private EditCostProbe() {
    }

    public static void main(String[] args) throws Exception {
        int edits = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        System.setProperty(TestDatabase.DURABLE_PROPERTY, "true");
        BenchDatabase database = BenchDatabase.create(true);
        try (ProductServer server = new ProductServer(database);
             JdbcCeilings ceilings = new JdbcCeilings(database.url(), database.user(), database.password())) {
            MunicipalityCode tenant = server.tenant(0);
            AggregateCache cache = server.context().getBean(AggregateCache.class);
            DataSource dataSource = server.context().getBean(DataSource.class);
            ProductServer.InProcessEditor editor = new ProductServer.InProcessEditor(server.context(),
                    ProductServer.caller(tenant, "probe-cost"));
            for (int i = 0; i < 200; i++) {                                          // warm-up, both paths
                cache.removeAll();
                editor.commit();
                editor.commit();
            }
            double[] loaded = new double[edits];
            double[] kept = new double[edits];
            long loadedCpu = 0;
            long keptCpu = 0;
            for (int i = 0; i < edits; i++) {
                cache.removeAll();
                long cpu = THREADS.getCurrentThreadCpuTime();
                loaded[i] = millis(editor::commit);
                loadedCpu += THREADS.getCurrentThreadCpuTime() - cpu;
                cpu = THREADS.getCurrentThreadCpuTime();
                kept[i] = millis(editor::commit);
                keptCpu += THREADS.getCurrentThreadCpuTime() - cpu;
            }
            System.out.printf("[cost] row 1 command in → commit, %d edits each, interleaved: loaded from the store "
                            + "p50 %.2f ms (request thread CPU %.2f ms/edit), kept p50 %.2f ms (CPU %.2f ms/edit); "
                            + "kept/loaded %.2f%n", edits, p50(loaded), loadedCpu / 1e6 / edits, p50(kept),
                    keptCpu / 1e6 / edits, p50(kept) / p50(loaded));

            long pgPid = postmaster(dataSource);
            long jvm = PROCESS.getProcessCpuTime();
            long pg = postgresCpu(pgPid);
            double[] whole = new double[edits];
            for (int i = 0; i < edits; i++) {
                whole[i] = millis(editor::edit);
            }
            Thread.sleep(300);                                                  // the last read-model batch
            double jvmPerEdit = (PROCESS.getProcessCpuTime() - jvm) / 1e6 / edits;
            double pgPerEdit = (postgresCpu(pgPid) - pg) / 1e6 / edits;
            double roundTrip = p50(roundTrips(dataSource, edits));
            double insert = ceilings.insertP50Millis(Duration.ofSeconds(2));
            System.out.printf("[cost] row 2 ceiling: whole edit (read-your-writes included) p50 %.2f ms; CPU per edit "
                            + "%.2f ms server JVM + %.2f ms PostgreSQL = %.2f ms → at most %.0f edits/s on %d cores; "
                            + "round trip p50 %.3f ms, durable INSERT p50 %.3f ms → chain lock held ≈ 2 round trips + "
                            + "commit = %.3f ms → at most %.0f appends/s per municipality%n", p50(whole), jvmPerEdit,
                    pgPerEdit, jvmPerEdit + pgPerEdit, Runtime.getRuntime().availableProcessors() * 1000
                            / (jvmPerEdit + pgPerEdit), Runtime.getRuntime().availableProcessors(), roundTrip,
                    insert, 2 * roundTrip + insert, 1000 / (2 * roundTrip + insert));
        }
        System.exit(0);
    }

    private static double millis(Interleaved.Operation operation) throws Exception {
        long began = System.nanoTime();
        operation.run();
        return (System.nanoTime() - began) / 1e6;
    }

    private static double p50(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double[] roundTrips(DataSource dataSource, int count) throws SQLException {
        double[] took = new double[count];
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (int i = 0; i < count; i++) {
                long began = System.nanoTime();
                statement.execute("SELECT 1");
                took[i] = (System.nanoTime() - began) / 1e6;
            }
        }
        return took;
    }

    /** The benchmark cluster's postmaster (its data directory's postmaster.pid). */
    static long postmaster(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW data_directory")) {
            row.next();
            return Long.parseLong(Files.readAllLines(Path.of(row.getString(1), "postmaster.pid")).get(0).trim());
        }
    }

    /** CPU time (user + system) of the postmaster and its children, the backends, in nanoseconds. */
    static long postgresCpu(long postmaster) throws Exception {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(path -> path.getFileName().toString().matches("\\d+")).mapToLong(path -> {
                try {
                    String stat = Files.readString(path.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(path.getFileName().toString());
                    long parent = Long.parseLong(fields[1]);
                    return pid == postmaster || parent == postmaster
                            ? (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK : 0;
                } catch (Exception gone) {
                    return 0;                                       // a process that ended meanwhile
                }
            }).sum();
        }
    }
}
