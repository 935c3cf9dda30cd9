package jp.hyoka.server.bench;

import com.zaxxer.hikari.HikariDataSource;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.axon.AxonConnections;
import jp.hyoka.server.rebuild.RebuildBenchmark;
import jp.hyoka.server.support.TestDatabase;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static jp.hyoka.server.bench.BenchResult.Target.atLeast;
import static jp.hyoka.server.bench.BenchResult.Target.atMost;

/**
 * One command for every row of BENCHMARKS.md (infra/bench/run.sh): a fresh durable PostgreSQL (the tests' own:
 * TEST_JDBC_URL, else the embedded one with fsync and synchronous_commit on), every row interleaved with its ceiling
 * measured on that database in the same run, then the load run; writes bench-report.md and bench-report.json.
 *
 * <pre>infra/bench/run.sh [--quick] [--rows 1,2,8,load] [--out DIR]</pre>
 */
public final class BenchRunner {

    /**
     * How long each side of a round runs and how big the borrowed harnesses' runs are. {@code full}: the figures
     * to publish (under 30 minutes); {@code quick}: the same rows in under 3 minutes; {@code smoke}: the structure
     * only, for BenchRunnerIT.
     */
    public record Profile(String name, int rounds, Duration side, int startRounds, Duration load, int loadClients,
                          String[] importArgs, int rebuildTenants, String[] integrationArgs) {

        /** The smoke run shares the test suite's PostgreSQL and does not make it durable. */
        boolean durable() {
            return !name.equals("smoke");
        }

        /** A short pass (one round, sides of at most 300 ms) that warms a new server context up, not reported. */
        Profile warmUp() {
            Duration warm = side.compareTo(Duration.ofMillis(300)) < 0 ? side : Duration.ofMillis(300);
            return new Profile(name, 1, warm, startRounds, load, loadClients, importArgs, rebuildTenants,
                    integrationArgs);
        }

        static Profile named(String name) {
            return switch (name) {
                case "full" -> new Profile(name, 3, Duration.ofSeconds(10), 3, Duration.ofMinutes(2), 32,
                        new String[]{"--levels", "", "--rounds", "3", "--warmup", "24", "--warmup-max", "600",
                                "--warmup-batch", "8", "--clients", "2,1"}, 20,
                        new String[]{"--rows", "50000", "--rounds", "3"});
                case "quick" -> new Profile(name, 3, Duration.ofSeconds(1), 3, Duration.ofSeconds(20), 32,
                        new String[]{"--levels", "", "--rounds", "3", "--sets", "2", "--warmup", "4", "--warmup-max",
                                "48", "--warmup-batch", "4", "--clients", "2,1"}, 2,
                        new String[]{"--rows", "3000", "--rounds", "3", "--latency-commands", "50", "--clients",
                                "16", "--commands-per-client", "5"});
                case "smoke" -> new Profile(name, 3, Duration.ofMillis(200), 1, Duration.ofSeconds(3), 8,
                        new String[]{"--levels", "", "--rounds", "3", "--sets", "2", "--warmup", "2",
                                "--warmup-max", "2", "--clients", "2,1", "--durable", "off"}, 1,
                        new String[]{"--rows", "600", "--rounds", "3", "--latency-commands", "5", "--clients",
                                "4", "--commands-per-client", "2", "--durable", "off"});
                default -> throw new IllegalArgumentException("unknown profile " + name + " (full, quick, smoke)");
            };
        }
    }

    /**
     * A level of the at-scale pass: a data set of {@code municipalities} × 20 assessments × (1 + history) events to
     * measure every wanted row among.
     */
    record Scale(String name, int municipalities, int history) {
        static Scale parse(String value) {
            int history = 9;
            return value.equals("national") ? new Scale("national (1,788 municipalities)", NationalLoader.NATIONAL,
                    history) : new Scale(value + " events", NationalLoader.municipalitiesFor(
                    (long) Double.parseDouble(value), history), history);
        }

        /** {@code 1e4,1e5,national,1e6}: the levels, smallest first (each data set grows into the next). */
        static List<Scale> parseList(String values) {
            return Stream.of(values.split(",")).map(String::trim).map(Scale::parse)
                    .sorted(java.util.Comparator.comparingInt(Scale::municipalities)).toList();
        }
    }

    /** Up to how many events in the store row 7 (a rebuild of the whole store) is measured among data. */
    static final long REBUILD_AMONG_LIMIT = 200_000;

    private BenchRunner() {
    }

    public static void main(String[] args) throws Exception {
        String profile = "full";
        List<Scale> scales = List.of();
        Path out = Path.of("target/bench");
        Predicate<String> wanted = row -> true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> profile = "quick";
                case "--profile" -> profile = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                case "--scale" -> scales = Scale.parseList(args[++i]);
                case "--rows" -> wanted = rowsNamed(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--quick, --profile full|quick|smoke, --scale 1e4,1e5,1e6,national, --rows 1,2,8,load, --out DIR)");
            }
        }
        // Before the embedded PostgreSQL starts: fsync and synchronous_commit on, as BENCHMARKS.md demands.
        System.setProperty(TestDatabase.DURABLE_PROPERTY, "true");
        int status = 0;
        try {
            Path directory = out;
            BenchReport report = run(Profile.named(profile), scales, wanted,
                    line -> System.out.println("[bench] " + line), partial -> {
                        // after the alone pass and each level: a sweep cut short keeps what it measured
                        partial.write(directory);
                        System.out.println("[bench] report so far written to " + directory.toAbsolutePath());
                    });
            report.write(out);
            System.out.println(report.markdown());
            System.out.println("Written: " + out.toAbsolutePath().resolve("bench-report.md") + " and .json");
        } catch (Throwable failure) {
            failure.printStackTrace();
            status = 1;
        }
        System.out.flush();
        System.exit(status);                      // Axon's and Kafka's threads; zonky's hook stops PostgreSQL
    }

    static BenchReport run(Profile profile, Consumer<String> progress) throws Exception {
        return run(profile, List.of(), row -> true, progress);
    }

    /**
     * {@code --rows 1,2,load}: the rows to run, by number ("1" is row 1 and its in-process and HTTP lines; "8" every row 8;
     * "load" the load run); without it, every row.
     */
    static Predicate<String> rowsNamed(String list) {
        Set<String> named = Set.of(list.split(","));
        return row -> named.contains(row.split(" ")[0]);
    }

    /**
     * {@code scales}: the levels (none, or data sets among which every wanted row is measured again, beside alone:
     * {@link AtScalePass}); {@code wanted}: which rows to run ({@link #rowsNamed}).
     */
    static BenchReport run(Profile profile, List<Scale> scales, Predicate<String> wanted, Consumer<String> progress)
            throws Exception {
        return run(profile, scales, wanted, progress, partial -> { });
    }

    /** The same; {@code soFar} receives the report after the alone pass and after each level. */
    static BenchReport run(Profile profile, List<Scale> scales, Predicate<String> wanted, Consumer<String> progress,
                           ThrowingConsumer<BenchReport> soFar) throws Exception {
        long began = System.nanoTime();
        BenchDatabase database = BenchDatabase.create(profile.durable());
        progress.accept("database: " + database.description());
        Map<String, BenchResult> rows = new LinkedHashMap<>();
        LoadRun.Result load = measure(profile, database, wanted, rows, Among.NOTHING, progress);
        List<BenchResult> ordered = inRowOrder(rows);
        Map<String, Object> machine = machine(database);
        List<BenchReport.AtScale> atScale = new ArrayList<>();
        if (!scales.isEmpty()) {
            soFar.accept(new BenchReport(profile.name(), machine, ordered, load, List.copyOf(atScale),
                    (System.nanoTime() - began) / 1e9));
            AtScalePass.run(profile, scales, wanted, progress, level -> {
                atScale.add(level);
                soFar.accept(new BenchReport(profile.name(), machine, ordered, load, List.copyOf(atScale),
                        (System.nanoTime() - began) / 1e9));
            });
        }
        return new BenchReport(profile.name(), machine, ordered, load, atScale, (System.nanoTime() - began) / 1e9);
    }

    /** A consumer that may fail (writing a report). */
    interface ThrowingConsumer<T> {
        void accept(T value) throws Exception;
    }

    /**
     * What a pass measures its rows among: nothing (the rows alone), or a copy of a loaded data set. {@code
     * warmUpFirst}: rows 1, 2 and 8 get a short warm-up pass on their server before they are measured for another new
     * municipality — the at-scale pass measures both its sides so (among a level's data, and alone beside it).
     */
    record Among(long eventsInStore, boolean warmUpFirst) {
        static final Among NOTHING = new Among(0, false);
        /** Alone, measured back to back with a level's pass among data, exactly as that pass measures. */
        static final Among BESIDE_A_LEVEL = new Among(0, true);

        static Among data(long eventsInStore) {
            return new Among(eventsInStore, true);
        }

        boolean data() {
            return eventsInStore > 0;
        }
    }

    /**
     * One pass over the wanted rows, each on a database of its own made by {@link jp.hyoka.server.support.TestDatabase}
     * (empty alone; a copy of the data set in the at-scale pass). In the at-scale pass ({@link Among#warmUpFirst})
     * rows 1, 2 and 8 are measured after a short warm-up pass on the same server, for a new municipality, and the load
     * run is not repeated. Answers the load run, if any.
     */
    static LoadRun.Result measure(Profile profile, BenchDatabase database, Predicate<String> wanted,
                                  Map<String, BenchResult> rows, Among among, Consumer<String> progress)
            throws Exception {
        // The in-process server only for the rows that use it (each other row starts what it measures itself).
        boolean inProcess = Stream.of("1", "2", "3", "8", "load").anyMatch(wanted);
        LoadRun.Result[] load = new LoadRun.Result[1];
        isolated(among, wanted, rows, progress, List.of("1", "1 (in-process)", "1 (HTTP)", ROW_TWO,
                ROW_TWO_MUNICIPALITIES, "2", "2 (16 municipalities)", "3", "8 few fields", "8 whole document",
                "8 p50 1 client"), () -> {
            try (ProductServer server = inProcess ? new ProductServer(database) : null;
                 JdbcCeilings ceilings = inProcess ? new JdbcCeilings(database.url(), database.user(),
                         database.password()) : null) {
                if (inProcess && among.warmUpFirst()) {
                    httpRows(profile.warmUp(), server, ceilings, 0, wanted, new LinkedHashMap<>(), line -> { });
                    httpRows(profile, server, ceilings, 1, wanted, rows, progress);
                } else if (inProcess) {
                    httpRows(profile, server, ceilings, 0, wanted, rows, progress);
                    load[0] = wanted.test("load") ? new LoadRun(server).run(profile.loadClients(), profile.load())
                            : null;
                    progress.accept("load run: " + load[0]);
                }
                if (wanted.test("3")) {
                    rows.put("3", rowThree(profile, server, ceilings, among));
                    progress.accept("row 3: " + rows.get("3"));
                }
            }
        });
        if (wanted.test("5")) {
            isolated(among, wanted, rows, progress, List.of("5"), () -> rows.put("5", rowFive(profile, progress)));
            progress.accept("row 5: " + rows.get("5"));
        }
        if (wanted.test("4")) {
            isolated(among, wanted, rows, progress, List.of("4", "4 (1 client)"),
                    () -> rowFour(profile, rows, progress));
            progress.accept("row 4: " + rows.get("4") + " " + rows.get("4 (1 client)"));
        }
        if (wanted.test("6") || wanted.test("7")) {
            isolated(among, wanted, rows, progress, List.of("6", "7"), () -> rowsSixAndSeven(profile, rows, among));
            progress.accept("rows 6, 7: " + rows.get("6") + " " + rows.get("7"));
        }
        if (wanted.test("10")) {
            isolated(among, wanted, rows, progress, List.of("10"), () -> rows.put("10", rowTen(profile, progress)));
            progress.accept("row 10: " + rows.get("10"));
        }
        if (wanted.test("9")) {
            isolated(among, wanted, rows, progress, List.of("9 start", "9 RSS"), () -> rowNine(profile, rows));
            progress.accept("row 9: " + rows.get("9 start") + " " + rows.get("9 RSS"));
        }
        return load[0];
    }

    private interface Rows {
        void measure() throws Exception;
    }

    /**
     * A row (or a harness's group of rows) that fails is reported as not measured, with the failure as its note, and
     * the other rows and levels go on: one harness timing out on a busy machine must not lose a half-hour sweep.
     * {@code BenchRunnerIT} still fails on it (every row must have figures).
     */
    private static void isolated(Among among, Predicate<String> wanted, Map<String, BenchResult> rows,
                                 Consumer<String> progress, List<String> group, Rows measure) {
        try {
            measure.measure();
        } catch (Exception | AssertionError failure) {
            String where = among.data() ? "failed among the data: " : "failed: ";
            progress.accept(where + failure);
            failure.printStackTrace();
            group.stream().filter(wanted).filter(row -> !rows.containsKey(row)).forEach(row -> rows.put(row,
                    BenchResult.missing(row, "", atLeast(0), where + failure)));
        }
    }

    static List<BenchResult> inRowOrder(Map<String, BenchResult> rows) {
        List<BenchResult> ordered = new ArrayList<>();
        BenchResult.rowOrder().forEach(row -> {
            if (rows.containsKey(row)) {
                ordered.add(rows.get(row));
            }
        });
        return ordered;
    }

    /** The figures alone to compare with: rows 1, 2 and 8 from the warm server's second pass, the others as run. */
    /** Rows 1, 2 and 8 over HTTP on the in-process server, and row 1 through the command path. */
    private static void httpRows(Profile profile, ProductServer server, JdbcCeilings ceilings, int tenantNumber,
                                 Predicate<String> wanted, Map<String, BenchResult> rows, Consumer<String> progress)
            throws Exception {
        MunicipalityCode tenant = server.tenant(tenantNumber);
        if (wanted.test("1")) {
            rowOne(profile, server, ceilings, tenant, rows, progress);
        }
        if (wanted.test("2")) {
            rowTwo(profile, server, ceilings, tenant, tenantNumber, rows, progress);
        }
        if (wanted.test("8")) {
            rowEight(profile, server, ceilings, tenant, rows, progress);
        }
    }

    /**
     * Row 1 as BENCHMARKS.md defines it (command in → commit, in-process, its verdict), and beside it what a client
     * waits for: the edit in-process with the read-your-writes wait, and over HTTP.
     */
    private static void rowOne(Profile profile, ProductServer server, JdbcCeilings ceilings, MunicipalityCode tenant,
                               Map<String, BenchResult> rows, Consumer<String> progress) throws Exception {
        Duration side = profile.side();
        ProductServer.InProcessEditor direct = new ProductServer.InProcessEditor(server.context(),
                ProductServer.caller(tenant, "bench-direct"));
        ceilings.insertP50Millis(side);                                             // warm-up
        Interleaved.p50Millis(side, direct::commit);
        rows.put("1", BenchResult.measured("1", "one edit at a time, command in → commit (AnswerItem through the "
                        + "command gateway, which returns after the unit of work committed; no read-your-writes "
                        + "wait, no HTTP), 1 client, p50", "ms", Interleaved.rounds(profile.rounds(),
                        () -> Interleaved.p50Millis(side, direct::commit), () -> ceilings.insertP50Millis(side)),
                atMost(3), "single-row INSERT p50", ""));
        progress.accept("row 1: " + rows.get("1"));

        Interleaved.p50Millis(side, direct::edit);
        rows.put("1 (in-process)", BenchResult.measured("1 (in-process)", "one edit at a time through the command "
                        + "path (Editing.answer, read-your-writes wait included, no HTTP), 1 client, p50", "ms",
                Interleaved.rounds(profile.rounds(), () -> Interleaved.p50Millis(side, direct::edit),
                        () -> ceilings.insertP50Millis(side)), atMost(3), "single-row INSERT p50", ""));
        progress.accept("row 1 (in-process): " + rows.get("1 (in-process)"));

        ProductServer.Editor one = server.httpEditor(tenant, "bench-1");
        Interleaved.p50Millis(side, one::edit);
        rows.put("1 (HTTP)", BenchResult.measured("1 (HTTP)", "one edit at a time over HTTP (answerItem, "
                        + "read-your-writes included), 1 client, p50", "ms", Interleaved.rounds(profile.rounds(),
                        () -> Interleaved.p50Millis(side, one::edit), () -> ceilings.insertP50Millis(side)),
                atMost(3), "single-row INSERT p50", ""));
        progress.accept("row 1 (HTTP): " + rows.get("1 (HTTP)"));
    }

    /** Row 2's own definition, command in → commit (its verdict line), and beside it with 16 municipalities. */
    static final String ROW_TWO = "2 (command in → commit)";
    static final String ROW_TWO_MUNICIPALITIES = "2 (command in → commit, 16 municipalities)";

    /**
     * Row 2 as BENCHMARKS.md defines it, command in → commit ({@link #sixteenCommitters}): 16 clients of one
     * municipality (one hash-chain head; the verdict line) and of 16 (16 heads); then the same over HTTP with
     * read-your-writes: 16 editors of one municipality (they share its hash-chain head), and beside it the same 16
     * editors each in a municipality of its own (a hosted platform's usual concurrency), against the same ceiling,
     * so that the report shows what the shared chain head costs.
     */
    private static void rowTwo(Profile profile, ProductServer server, JdbcCeilings ceilings, MunicipalityCode tenant,
                               int tenantNumber, Map<String, BenchResult> rows, Consumer<String> progress)
            throws Exception {
        List<ProductServer.DocumentStarter> oneHead = new ArrayList<>();
        List<ProductServer.DocumentStarter> ownHeads = new ArrayList<>();
        for (int client = 0; client < 16; client++) {
            oneHead.add(new ProductServer.DocumentStarter(server.context(),
                    ProductServer.caller(tenant, "bench-cmd-" + client)));
            ownHeads.add(new ProductServer.DocumentStarter(server.context(), ProductServer.caller(
                    server.tenant(COMMAND_MUNICIPALITIES + 16 * tenantNumber + client), "bench-cmd-m-" + client)));
        }
        rows.put(ROW_TWO, sixteenCommitters(profile, server, ceilings, ROW_TWO, "one municipality (one hash-chain "
                + "head)", oneHead));
        progress.accept("row " + ROW_TWO + ": " + rows.get(ROW_TWO));
        rows.put(ROW_TWO_MUNICIPALITIES, sixteenCommitters(profile, server, ceilings, ROW_TWO_MUNICIPALITIES,
                "each in a municipality of its own (16 hash-chain heads)", ownHeads));
        progress.accept("row " + ROW_TWO_MUNICIPALITIES + ": " + rows.get(ROW_TWO_MUNICIPALITIES));

        List<ProductServer.Editor> oneMunicipality = new ArrayList<>();
        List<ProductServer.Editor> ownMunicipalities = new ArrayList<>();
        for (int editor = 0; editor < 16; editor++) {
            oneMunicipality.add(server.httpEditor(tenant, "bench-16-" + editor));
            ownMunicipalities.add(server.httpEditor(server.tenant(OWN_MUNICIPALITIES + 16 * tenantNumber + editor),
                    "bench-16m-" + editor));
        }
        rows.put("2", sixteenEditors(profile, ceilings, "2", "16 editors on their own documents in one municipality "
                + "over HTTP (outbox included; one hash-chain head)", oneMunicipality));
        progress.accept("row 2: " + rows.get("2"));
        rows.put("2 (16 municipalities)", sixteenEditors(profile, ceilings, "2 (16 municipalities)", "16 editors "
                + "on their own documents, each in a municipality of its own, over HTTP (outbox included; 16 "
                + "hash-chain heads)", ownMunicipalities));
        progress.accept("row 2 (16 municipalities): " + rows.get("2 (16 municipalities)"));
    }

    /** Where row 2's municipalities of one editor each are numbered from ({@link ProductServer#tenant}). */
    private static final int OWN_MUNICIPALITIES = 1000;
    /** Where row 2's command lines' municipalities of one client each are numbered from. */
    private static final int COMMAND_MUNICIPALITIES = 2000;

    /**
     * Row 2's command lines: 16 client threads in-process, each sending single-event commands through the command
     * gateway ({@link ProductServer.DocumentStarter}: event, hash-chain link and outbox row in one durable commit) in
     * a closed loop, commands/s counted as {@code sendAndWait} returns, against 16-client INSERT/s, interleaved. The
     * read-model processor runs as the server runs it (its CPU is the machine's, as in production). Afterwards the
     * stored rows are checked: exactly one outbox row and one chain link per command counted.
     */
    private static BenchResult sixteenCommitters(Profile profile, ProductServer server, JdbcCeilings ceilings,
                                                 String row, String clients, List<ProductServer.DocumentStarter> starters)
            throws Exception {
        Duration side = profile.side();
        List<MunicipalityCode> tenants = starters.stream().map(ProductServer.DocumentStarter::tenant).toList();
        long[] before = server.outboxRowsAndLinks(tenants);
        Interleaved.perSecond(16, side, client -> starters.get(client)::commit);            // warm-up
        Interleaved.Measured measured = Interleaved.rounds(profile.rounds(),
                () -> Interleaved.perSecond(16, side, client -> starters.get(client)::commit),
                () -> ceilings.insertsPerSecond(16, side));
        long[] after = server.outboxRowsAndLinks(tenants);
        long commands = starters.stream().mapToLong(ProductServer.DocumentStarter::committed).sum();
        double outboxPerCommand = (after[0] - before[0]) / (double) commands;
        double linksPerCommand = (after[1] - before[1]) / (double) commands;
        if (outboxPerCommand != 1 || linksPerCommand != 1) {
            throw new IllegalStateException(String.format(java.util.Locale.ROOT, "row %s: %d commands committed "
                    + "%d outbox rows and %d chain links, not one of each", row, commands, after[0] - before[0],
                    after[1] - before[1]));
        }
        BenchResult measuredRow = BenchResult.measured(row, "single-event commands/s, 16 clients in-process, command "
                        + "in → commit (StartAssessment through the command gateway: its event, hash-chain link and "
                        + "outbox row in one durable commit; no HTTP, no read-your-writes), " + clients, "/s", measured,
                atLeast(0.30), "16-client single-row INSERT/s", "");
        Map<String, Object> details = new LinkedHashMap<>(measuredRow.details());
        details.put("commandsCommitted", commands);
        details.put("outboxRowsPerCommand", outboxPerCommand);
        details.put("chainLinksPerCommand", linksPerCommand);
        return new BenchResult(measuredRow.row(), measuredRow.metric(), measuredRow.unit(), measuredRow.product(),
                measuredRow.ceiling(), measuredRow.ratio(), measuredRow.target(), measuredRow.ceilingName(),
                measuredRow.note(), details);
    }

    private static BenchResult sixteenEditors(Profile profile, JdbcCeilings ceilings, String row, String metric,
                                              List<ProductServer.Editor> editors) throws Exception {
        Duration side = profile.side();
        return BenchResult.measured(row, metric, "/s", Interleaved.rounds(profile.rounds(),
                        () -> Interleaved.perSecond(16, side, editor -> editors.get(editor)::edit),
                        () -> ceilings.insertsPerSecond(16, side)), atLeast(0.30), "16-client single-row INSERT/s", "");
    }

    /**
     * Row 8: 4 readers (lean clients) of sample 000 imported, which nothing edits; every answer must be the bytes of
     * the reference answer of its query (verified once), so that no error is ever counted as a read.
     */
    private static void rowEight(Profile profile, ProductServer server, JdbcCeilings ceilings, MunicipalityCode tenant,
                                 Map<String, BenchResult> rows, Consumer<String> progress) throws Exception {
        Duration side = profile.side();
        String whole = server.importWholeDocument(tenant, server.editor(tenant, "bench-importer"));
        List<LeanHttpClient> readers = new ArrayList<>();
        for (String user : List.of("bench-reader", "bench-reader-2", "bench-reader-3", "bench-reader-4")) {
            readers.add(server.leanEditor(tenant, user));
        }
        List<Interleaved.Operation> fewFields = checkedReads(readers, ProductServer.READ_FEW, whole);
        readRow(profile, ceilings, "8 few fields", "4 fields", fewFields, rows, progress);
        readRow(profile, ceilings, "8 whole document", "every answer, entry and completeness of sample 000",
                checkedReads(readers, ProductServer.READ_WHOLE, whole), rows, progress);
        rows.put("8 p50 1 client", BenchResult.measured("8 p50 1 client", "GraphQL read by id (4 fields), 1 client, "
                        + "p50", "ms", Interleaved.rounds(profile.rounds(), () -> Interleaved.p50Millis(side,
                                fewFields.get(0)), () -> ceilings.pkSelectP50Millis(side)), atMost(5), "PK SELECT p50",
                ""));
        progress.accept("row 8 p50 1 client: " + rows.get("8 p50 1 client"));
    }

    /** A row 8 line of 4 clients: {@code reads} (one per client) in a closed loop, after a warm-up side. */
    private static void readRow(Profile profile, JdbcCeilings ceilings, String row, String selection,
                                List<Interleaved.Operation> reads, Map<String, BenchResult> rows,
                                Consumer<String> progress) throws Exception {
        Duration side = profile.side();
        Interleaved.perSecond(4, side, reads::get);
        rows.put(row, BenchResult.measured(row, "GraphQL read of a document by id over HTTP (" + selection
                        + "), 4 clients", "/s", Interleaved.rounds(profile.rounds(),
                        () -> Interleaved.perSecond(4, side, reads::get), () -> ceilings.pkSelectsPerSecond(4, side)),
                atLeast(0.20), "4-client PK SELECT/s", ""));
        progress.accept("row " + row + ": " + rows.get(row));
    }

    /**
     * One read of {@code query} for document {@code id} per reader, each prepared once and checked against the first
     * reader's first answer, the reference ({@link ReferenceAnswer}).
     */
    private static List<Interleaved.Operation> checkedReads(List<LeanHttpClient> readers, String query, String id) {
        byte[] body = GraphQlBodies.of(query, Map.of("id", id));
        List<LeanHttpClient.Request> requests = readers.stream().map(reader -> reader.prepare(body)).toList();
        ReferenceAnswer reference = ReferenceAnswer.of(readers.get(0).send(requests.get(0)), "assessment");
        List<Interleaved.Operation> reads = new ArrayList<>();
        for (int reader = 0; reader < readers.size(); reader++) {
            LeanHttpClient client = readers.get(reader);
            LeanHttpClient.Request request = requests.get(reader);
            reads.add(() -> reference.check(client.send(request)));
        }
        return reads;
    }

    private static BenchResult rowThree(Profile profile, ProductServer server, JdbcCeilings ceilings, Among among)
            throws Exception {
        EventStoreAppends appends = new EventStoreAppends(server.context().getBean(HikariDataSource.class),
                server.context().getBean(AxonConnections.class));
        if (among.data()) {
            appends.holdTheStoresEvents();          // appends into a table (and indexes) holding the data set's events
        }
        appends.eventsPerSecond(4, profile.side());
        return BenchResult.measured("3", "event-store appends alone (Axon JdbcEventStorageEngine), 10 events/txn, "
                        + "4 writers", "events/s", Interleaved.rounds(profile.rounds(),
                        () -> appends.eventsPerSecond(4, profile.side()),
                        () -> ceilings.transactionRowsPerSecond(4, EventStoreAppends.EVENTS_PER_TRANSACTION,
                                profile.side())), atLeast(0.60), "10-row-txn rows/s, 4 clients", "");
    }

    /**
     * Row 5: a 10-event assessment loaded by the product's repository (snapshot lookup included) against the raw
     * select of its rows, interleaved ({@link HistoryGrowthBenchmark}, without its long edit run).
     */
    private static BenchResult rowFive(Profile profile, Consumer<String> progress) throws Exception {
        int loads = switch (profile.name()) {
            case "full" -> 200;
            case "quick" -> 50;
            default -> 10;
        };
        boolean smoke = profile.name().equals("smoke");
        HistoryGrowthReport report = HistoryGrowthBenchmark.run(new HistoryGrowthBenchmark.Options(2, 1,
                smoke ? 1 : 50, 250, profile.rounds(), loads, profile.durable(), smoke ? 10 : 1000), progress);
        double product = median(report.loadRounds().stream().mapToDouble(round -> round.productNanos() / 1e6));
        double raw = median(report.loadRounds().stream().mapToDouble(round -> round.rawNanos() / 1e6));
        return BenchResult.of("5", "aggregate load on cache miss (10 events), p50", "ms", product, raw,
                report.loadRatio(), atMost(HistoryGrowthReport.LOAD_TARGET),
                "raw select of the same 10 rows, p50", "the event store's read alone: "
                        + report.loadRounds().stream().map(round -> String.format(java.util.Locale.ROOT, "%.3f",
                        round.storeReadNanos() / 1e6)).toList() + " ms per round");
    }

    private static double median(java.util.stream.DoubleStream values) {
        double[] sorted = values.sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }

    /**
     * Row 4 in one {@link ImportBenchmark} run: its verdict line with 2 importing clients (two municipalities importing
     * at once) against the JDBC batch ceiling's 2 threads, as BENCHMARKS.md measures that ceiling; and the same with
     * 1 client against 1 thread, beside it (each client count in every round).
     */
    private static void rowFour(Profile profile, Map<String, BenchResult> rows, Consumer<String> progress)
            throws Exception {
        ImportBenchmarkReport report = ImportBenchmark.run(ImportBenchmark.Options.parse(profile.importArgs()),
                progress);
        ImportBenchmarkReport.Setup setup = report.setup();
        for (ImportBenchmarkReport.Level level : report.levels()) {
            boolean verdictLine = level.clients() == setup.clients().get(0);
            String row = verdictLine ? "4" : "4 (" + level.clients() + " client" + (level.clients() == 1 ? "" : "s")
                    + ")";
            rows.put(row, new BenchResult(row, "bulk import (samples 000/003/004/001 through DocumentImport), "
                    + level.clients() + " importing client" + (level.clients() == 1 ? "" : "s") + ", import→commit, in "
                    + "document rows (the per-answer events the import stands for; the ceiling writes one row each)",
                    "document rows/s", level.importToCommit(), level.ceiling(), level.ratio(), atLeast(0.50),
                    "JDBC batch rows/s (1000/txn, " + level.clients() + " thread" + (level.clients() == 1 ? "" : "s")
                            + ")", String.format(java.util.Locale.ROOT, "ImportBenchmark; a set: %d "
                            + "document rows stored as %d events, %,d B; command only %.1f %% of the ceiling; "
                            + "warm-up %d sets (%s); JIT compilers %.1f %% of the process's CPU in the measured "
                            + "imports", setup.documentRowsPerSet(), setup.eventsPerSet(), setup.storedBytesPerSet(),
                    level.commandRatio() * 100, setup.warmUp().sets(), setup.warmUp().stop() == JitWarmUp.Stop.CALM
                            ? "until the JIT was calm" : "stopped at its maximum, the JIT not yet calm",
                    level.jit().share() * 100),
                    Map.of("documentRowsPerSet", setup.documentRowsPerSet(), "storedEventsPerSet", setup.eventsPerSet(),
                            "storedBytesPerSet", setup.storedBytesPerSet(), "commandOnlyRowsPerSec",
                            level.commandOnly(), "commandRatio", level.commandRatio(), "clients", level.clients(),
                            "warmupSets", setup.warmUp().sets(), "warmupStop",
                            setup.warmUp().stop().name().toLowerCase(java.util.Locale.ROOT), "roundsJitShare",
                            level.jit().share())));
        }
    }

    @SuppressWarnings("unchecked")
    private static void rowsSixAndSeven(Profile profile, Map<String, BenchResult> rows, Among among)
            throws Exception {
        // A rebuild replays the whole store: among N events it is a rebuild of N (a different workload from the
        // alone one, and minutes per round at 10⁶), so row 7 is measured among data only up to REBUILD_AMONG_LIMIT.
        boolean rebuild = among.eventsInStore() <= REBUILD_AMONG_LIMIT;
        Map<String, Object> report = RebuildBenchmark.run(new RebuildBenchmark.Settings(profile.rebuildTenants(), 1,
                Math.max(3, profile.rounds()), Path.of("target/bench/rebuild")), rebuild);
        if (!rebuild) {
            rows.put("7", BenchResult.missing("7", "projection rebuild into PostgreSQL read models", atLeast(0.40),
                    String.format(java.util.Locale.ROOT, "not measured among %,d events: a rebuild replays the "
                            + "whole store (above %,d events, minutes per round)", among.eventsInStore(),
                            REBUILD_AMONG_LIMIT)));
        }
        for (Map<String, Object> row : (List<Map<String, Object>>) report.get("rows")) {
            String number = row.get("row").toString();
            Map<String, Object> product = (Map<String, Object>) row.get("product");
            Map<String, Object> ceiling = (Map<String, Object>) row.get("ceiling");
            rows.put(number, BenchResult.of(number, (String) row.get("metric"), (String) row.get("unit"),
                    (Double) product.get("median"), (Double) ceiling.get("median"), (Double) row.get("ratio"),
                    atLeast((Double) row.get("target")), (String) ceiling.get("name"), "RebuildBenchmark"));
        }
    }

    private static BenchResult rowTen(Profile profile, Consumer<String> progress) throws Exception {
        IntegrationBenchmark.Report report = IntegrationBenchmark.run(IntegrationBenchmark.Options.parse(
                profile.integrationArgs()), progress);
        return BenchResult.of("10", "outbox relay to Kafka (OutboxRelay, acks=all)", "rows/s",
                report.relayPerSecond(), report.readCeiling(), report.relayRatio(), atLeast(0.50),
                "ordered read + Jackson rows/s", "IntegrationBenchmark");
    }

    /** Row 9: the server process and the bare JDK server, started alternately; start time and RSS. */
    private static void rowNine(Profile profile, Map<String, BenchResult> rows) throws Exception {
        List<StartupRow.Start> products = new ArrayList<>();
        List<StartupRow.Start> bares = new ArrayList<>();
        for (int round = 1; round <= profile.startRounds(); round++) {
            if (round % 2 == 1) {
                bares.add(StartupRow.bare());
                products.add(StartupRow.product());
            } else {
                products.add(StartupRow.product());
                bares.add(StartupRow.bare());
            }
        }
        rows.put("9 start", BenchResult.measured("9 start", "server process start to first 200", "ms",
                new Interleaved.Measured(products.stream().map(StartupRow.Start::millis).toList(),
                        bares.stream().map(StartupRow.Start::millis).toList()), atMost(8),
                "bare JDK HttpServer", ""));
        rows.put("9 RSS", BenchResult.measured("9 RSS", "RSS at the first 200", "MB",
                new Interleaved.Measured(products.stream().map(StartupRow.Start::rssMegabytes).toList(),
                        bares.stream().map(StartupRow.Start::rssMegabytes).toList()), atMost(5),
                "bare JDK HttpServer", ""));
    }

    private static Map<String, Object> machine(BenchDatabase database) throws Exception {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("maxHeapMB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("database", database.description());
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(),
                database.password()); Statement statement = connection.createStatement()) {
            for (String setting : List.of("server_version", "synchronous_commit", "fsync", "shared_buffers")) {
                try (ResultSet row = statement.executeQuery("SHOW " + setting)) {
                    row.next();
                    machine.put("postgres." + setting, row.getString(1));
                }
            }
        }
        return machine;
    }
}
