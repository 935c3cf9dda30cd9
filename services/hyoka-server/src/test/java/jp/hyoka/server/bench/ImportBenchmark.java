package jp.hyoka.server.bench;

import io.micronaut.context.ApplicationContext;
import jp.hyoka.server.importing.DocumentImport;
import jp.hyoka.server.security.Tenants;
import jp.hyoka.server.support.TestDatabase;
import org.axonframework.config.Configuration;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * BENCHMARKS.md row 4, bulk import: the product's document import against a plain JDBC batch insert on the same
 * PostgreSQL, interleaved, median of the rounds, reported as a ratio (never an absolute time).
 *
 * <p>The PostgreSQL is the tests' ({@link TestDatabase}: {@code TEST_JDBC_URL}, else Testcontainers, else the
 * embedded one) with a database of its own. With {@code --durable on} (the default) commits are durable as
 * BENCHMARKS.md requires: the database is set to {@code synchronous_commit=on}, and an embedded server started by
 * this run gets {@code fsync=on} (zonky's default is off for both). The settings in force are in the report. The product is the real server context (Micronaut + Axon + Flyway, no HTTP listener): imports go through
 * {@link DocumentImport} exactly as the {@code importDocument} mutation sends them.
 *
 * <p>Run it with {@code infra/scripts/bench-import.sh [options]}; options: {@code --rounds 5 --sets 4 --warmup 48
 * --warmup-max 600 --warmup-batch 8 --warmup-jit-share 0.05 --levels 10000,100000 --clients 1 --durable on
 * --row-bytes 1024 --rows-per-txn 1000}. {@code --clients 2,1}
 * measures each client count in every round (product with N importing clients, ceiling with N threads, back to
 * back), one level of the report per table size and client count.
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    /**
     * What to run. {@code levels}: event-table sizes to fill up to before measuring; empty: measure as it is.
     * {@code clients}: the client counts measured in each round, in this order (each a divisor of the sets per round:
     * a client imports whole sets, one municipality each, so every client has the same work and none idles).
     * {@code warmUp}: at least {@code --warmup} sets, then batches until the JIT compilers are calm, at most
     * {@code --warmup-max} sets ({@link JitWarmUp}).
     */
    public record Options(int rounds, int setsPerRound, JitWarmUp.Policy warmUp, List<Long> levels,
                          List<Integer> clients, boolean durable, int rowBytes, int rowsPerTransaction) {

        public static Options defaults() {
            return parse();
        }

        /** The most clients of any measurement (the warm-up's). */
        int maxClients() {
            return clients.stream().mapToInt(Integer::intValue).max().orElse(1);
        }

        /**
         * {@code --rounds 5 --sets 4 --warmup 48 --warmup-max 600 --warmup-batch 8 --warmup-jit-share 0.05
         * --levels 10000,100000 --clients 1 --durable on --row-bytes 1024 --rows-per-txn 1000}.
         */
        public static Options parse(String... args) {
            Map<String, String> values = new java.util.LinkedHashMap<>(Map.of("--rounds", "5", "--sets", "4",
                    "--warmup", "48", "--warmup-max", "600", "--warmup-batch", "8", "--warmup-jit-share", "0.05",
                    "--levels", "10000,100000", "--clients", "1", "--durable", "on"));
            values.putAll(Map.of("--row-bytes", "1024", "--rows-per-txn", "1000"));
            for (int i = 0; i < args.length; i += 2) {
                if (!values.containsKey(args[i])) {
                    throw new IllegalArgumentException("unknown option " + args[i]);
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("no value for " + args[i]);
                }
                values.put(args[i], args[i + 1]);
            }
            String levels = values.get("--levels");
            List<Integer> clients = Arrays.stream(values.get("--clients").split(",")).map(String::trim)
                    .map(Integer::parseInt).toList();
            int rounds = Integer.parseInt(values.get("--rounds"));
            int sets = Integer.parseInt(values.get("--sets"));
            int warmup = Integer.parseInt(values.get("--warmup"));
            if (rounds < 1 || sets < 1 || warmup < 1 || clients.isEmpty() || clients.stream().anyMatch(c -> c < 1)) {
                throw new IllegalArgumentException("rounds, sets, warmup and clients must be at least 1: " + values);
            }
            JitWarmUp.Policy warmUp = new JitWarmUp.Policy(warmup,
                    Math.max(warmup, Integer.parseInt(values.get("--warmup-max"))),
                    Integer.parseInt(values.get("--warmup-batch")),
                    Double.parseDouble(values.get("--warmup-jit-share")), 2);
            Options parsed = new Options(rounds, sets, warmUp, levels.isBlank() ? List.of()
                    : Arrays.stream(levels.split(",")).map(String::trim).map(v -> (long) Double.parseDouble(v))
                    .toList(), clients, !values.get("--durable").equals("off"),
                    Integer.parseInt(values.get("--row-bytes")), Integer.parseInt(values.get("--rows-per-txn")));
            // A client imports whole sets: with fewer sets than clients, or sets not shared evenly, a client would
            // idle or finish early while the rate divides the summed import times by every client.
            if (parsed.clients.stream().anyMatch(c -> parsed.setsPerRound % c != 0)
                    || warmup < parsed.maxClients()) {
                throw new IllegalArgumentException("the sets per round must be a multiple of every client count, "
                        + "and the warm-up at least as many sets as clients: " + parsed);
            }
            return parsed;
        }
    }

    public static void main(String[] args) {
        HarnessMain.run(progress -> run(Options.parse(args), progress).render());
    }

    public static ImportBenchmarkReport run(Options options, Consumer<String> progress) throws Exception {
        if (options.durable()) {
            // Only an embedded server started from now on takes it; the report shows what the server runs with.
            System.setProperty(TestDatabase.DURABLE_PROPERTY, "true");
        }
        String url = TestDatabase.newDatabase();
        String user = TestDatabase.user();
        String password = TestDatabase.password();
        String settings = configure(url, user, password, options.durable());
        String database = TestDatabase.description() + ", " + serverVersion(url, user, password);
        progress.accept("database: " + database + "; " + settings);

        Map<String, Object> properties = new HashMap<>();
        properties.put("hyoka.database.url", url);
        properties.put("hyoka.database.username", user);
        properties.put("hyoka.database.password", password);
        properties.put("hyoka.demo.enabled", "false");
        // The server refuses to start without a token signature; the development issuer is what the tests use.
        // No request is made: the imports are sent to DocumentImport directly, as the mutation does.
        properties.put("hyoka.dev-issuer.enabled", "true");
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false)
                .properties(properties).start()) {
            Configuration axon = context.getBean(Configuration.class);
            CommitClock clock = new CommitClock();
            axon.commandBus().registerHandlerInterceptor(clock);
            ImportWorkload workload = new ImportWorkload(context.getBean(DocumentImport.class),
                    context.getBean(Tenants.class), axon, context.getBean(DataSource.class), clock);
            JdbcBatchCeiling ceiling = new JdbcBatchCeiling(url, user, password, options.rowsPerTransaction(),
                    options.rowBytes());
            ceiling.createTable();

            long heldBefore = workload.eventCount();          // > 0: a copy of the at-scale pass's data set
            JitWarmUp.Result warmup = JitWarmUp.run(workload, options.warmUp(), options.maxClients(), progress);
            long eventsPerSet = warmup.events() / warmup.sets();
            long documentRowsPerSet = warmup.documentRows() / warmup.sets();
            if (eventsPerSet * warmup.sets() != warmup.events()
                    || documentRowsPerSet * warmup.sets() != warmup.documentRows()) {
                throw new IllegalStateException("sets differ in events: " + warmup.events() + " events, "
                        + warmup.documentRows() + " document rows in " + warmup.sets() + " sets");
            }
            for (int clients : options.clients()) {           // the ceiling's threads warmed up as well
                ceiling.insert((int) documentRowsPerSet * options.setsPerRound(), clients);
            }
            progress.accept(String.format(Locale.ROOT, "warm-up: %s; %d events stored (%d per set) for %d "
                    + "document rows (%d per set), %.0f document rows/s end-to-end", warmup.describe(),
                    warmup.events(), eventsPerSet, warmup.documentRows(), documentRowsPerSet,
                    ImportBenchmarkReport.rate(warmup.documentRows(), warmup.wallNanos())));
            long storedBytes = workload.storedEventBytes();
            long storedEvents = workload.eventCount();
            ImportBenchmarkReport.Setup setup = new ImportBenchmarkReport.Setup(database, settings, options.clients(),
                    options.rounds(), options.setsPerRound(), warmup, eventsPerSet, documentRowsPerSet,
                    workload.averageEventBytes(), storedEvents == 0 ? 0 : storedBytes * eventsPerSet / storedEvents,
                    ceiling.averageStoredBytes(), options.rowsPerTransaction());
            // The warm-up leaves the JIT and the caches warm; the event table starts empty for the sizes to measure,
            // unless it held a data set before (the at-scale pass: imports among it), which stays.
            if (heldBefore == 0) {
                workload.clearStore();
            }

            List<ImportBenchmarkReport.Level> levels = new ArrayList<>();
            List<Long> targets = options.levels().isEmpty() ? List.of(0L) : options.levels();
            for (long target : targets) {
                fill(workload, target, options.maxClients(), eventsPerSet, progress);  // the table's size: events
                long before = workload.eventCount();
                Map<Integer, List<ImportBenchmarkReport.Round>> rounds = new java.util.LinkedHashMap<>();
                options.clients().forEach(clients -> rounds.put(clients, new ArrayList<>()));
                for (int round = 0; round < options.rounds(); round++) {
                    for (int clients : options.clients()) {     // each client count in every round, back to back
                        ImportBenchmarkReport.Round last = round(workload, ceiling, options.setsPerRound(), clients,
                                documentRowsPerSet, round % 2 == 1);
                        rounds.get(clients).add(last);
                        progress.accept(String.format(Locale.ROOT, "table %,d: round %d, %d client(s): import→commit "
                                        + "%.0f document rows/s, ceiling %.0f rows/s, ratio %.1f %%; JIT %.1f %% of the "
                                        + "process's CPU in the imports", before, round + 1, clients,
                                last.importToCommit(), last.ceiling(), last.ratio() * 100, last.jit().share() * 100));
                    }
                }
                long after = workload.eventCount();
                rounds.forEach((clients, measured) -> levels.add(new ImportBenchmarkReport.Level(target, clients,
                        before, after, measured)));
            }
            return new ImportBenchmarkReport(setup, levels);
        }
    }

    /**
     * One interleaved round; odd rounds measure the ceiling first, so that drift does not favour either side. The
     * ceiling writes one row per document row of the product's round (what the per-answer contract stored for the
     * same imports), whatever number of events the product stores for them. The JIT compilers' CPU is taken over the
     * product's side (the imports and the read models' catch-up), so that the report shows the rounds ran warm.
     */
    private static ImportBenchmarkReport.Round round(ImportWorkload workload, JdbcBatchCeiling ceiling, int sets,
                                                     int clients, long documentRowsPerSet, boolean ceilingFirst)
            throws Exception {
        long ceilingNanos = 0;
        int rows = 0;
        if (ceilingFirst) {
            rows = (int) documentRowsPerSet * sets;                     // the product round's document rows
            ceilingNanos = ceiling.insert(rows, clients);
        }
        long before = workload.eventCount();
        JitCpu.Sample jitBefore = JitCpu.now();
        ImportWorkload.Round product = workload.run(sets, clients);
        JitCpu.Spent jit = JitCpu.now().since(jitBefore);
        long appended = workload.eventCount() - before;
        if (appended != product.events()) {
            throw new IllegalStateException("the imports reported " + product.events() + " events but the store "
                    + "gained " + appended);
        }
        if (!ceilingFirst) {
            rows = (int) product.documentRows();
            ceilingNanos = ceiling.insert(rows, clients);
        }
        return new ImportBenchmarkReport.Round(product, rows, ceilingNanos, jit);
    }

    /** Imports sets (outside any measurement) until the event table holds at least {@code target} events. */
    private static void fill(ImportWorkload workload, long target, int clients, long eventsPerSet,
                             Consumer<String> progress) throws Exception {
        long count = workload.eventCount();
        if (count >= target) {
            return;
        }
        long start = System.nanoTime();
        long added = 0;
        int fillClients = Math.max(2, clients);
        while (count < target) {
            int sets = (int) Math.min(50, Math.max(1, (target - count + eventsPerSet - 1) / eventsPerSet));
            added += workload.run(sets, fillClients).events();
            count = workload.eventCount();
            progress.accept(String.format(Locale.ROOT, "filling the event table: %,d of %,d events (%.0f events/s "
                    + "end-to-end, %d clients)", count, target, ImportBenchmarkReport.rate(added,
                    System.nanoTime() - start), fillClients));
        }
    }

    /**
     * Durable commits as BENCHMARKS.md demands: the benchmark's database is set to {@code synchronous_commit=on}
     * (both sides connect afresh and get it). Answers the settings both sides run with.
     */
    static String configure(String url, String user, String password, boolean durable)
            throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            String name;
            try (ResultSet row = statement.executeQuery("SELECT current_database()")) {
                row.next();
                name = row.getString(1);
            }
            statement.execute("ALTER DATABASE \"" + name + "\" SET synchronous_commit = "
                    + (durable ? "on" : "off"));
        }
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            List<String> values = new ArrayList<>();
            for (String setting : List.of("synchronous_commit", "fsync", "wal_sync_method", "shared_buffers")) {
                try (ResultSet row = statement.executeQuery("SHOW " + setting)) {
                    row.next();
                    values.add(setting + "=" + row.getString(1));
                }
            }
            return String.join(" ", values);
        }
    }

    static String serverVersion(String url, String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW server_version")) {
            row.next();
            return "PostgreSQL " + row.getString(1);
        }
    }
}
