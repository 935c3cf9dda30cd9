package jp.hyoka.server.bench;

import io.micronaut.context.ApplicationContext;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.assessment.AssessmentAggregate;
import jp.hyoka.server.assessment.EditOutcome;
import jp.hyoka.server.axon.DirectlyReplayed;
import jp.hyoka.server.importing.DocumentImport;
import jp.hyoka.server.security.Caller;
import jp.hyoka.server.security.Tenants;
import jp.hyoka.server.support.TestDatabase;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Where the CPU of BENCHMARKS.md row 4's imports goes on the whole machine (infra/docs/import-benchmark.md, seventh
 * pass): sets of the four samples imported as the row imports them ({@link DocumentImport}, {@code --clients} at once,
 * a municipality per set), and per set: the importing threads' CPU before the command (reading the file), from the
 * command's start to its commit, and after it (the revision, the read-your-writes wait, the report); the read-model
 * processor's, the snapshot thread's and every other thread group's CPU of this JVM; PostgreSQL's CPU by process
 * (backends, WAL writer, checkpointer, exited ones) and, with pg_stat_statements, by statement. Then what an imported
 * assessment's load costs on a miss from its snapshot and from its events alone (read and folded; thread and
 * PostgreSQL CPU), which is what the snapshot taken after every import buys.
 * <pre>infra/scripts/run-harness.sh jp.hyoka.server.bench.ImportCostProbe [--warmup 24] [--sets 12] [--rounds 3]
 *     [--clients 2] [--loads 60] [--statements on|off] [--waits on|off]</pre>
 */
public final class ImportCostProbe {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    /** Linux's USER_HZ: /proc/[pid]/stat counts CPU time in 1/100 s. */
    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final String SNAPSHOT_THREAD = "hyoka-snapshots";

    private ImportCostProbe() {
    }

    private record Options(int warmup, int sets, int rounds, int clients, int loads, boolean statements,
                           List<String> before, boolean waits) {
    }

    public static void main(String[] args) {
        int warmup = 24;
        int sets = 12;
        int rounds = 3;
        int clients = 2;
        int loads = 60;
        boolean statements = true;
        boolean waits = false;
        List<String> before = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--sets" -> sets = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--loads" -> loads = Integer.parseInt(args[++i]);
                case "--statements" -> statements = !args[++i].equals("off");
                case "--before" -> before.add(args[++i]);
                case "--waits" -> waits = args[++i].equals("on");
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.setProperty(TestDatabase.DURABLE_PROPERTY, "true");
        if (statements) {
            System.setProperty(TestDatabase.STATEMENTS_PROPERTY, "true");
        }
        Options options = new Options(warmup, sets, rounds, clients, loads, statements, before, waits);
        HarnessMain.run(progress -> run(options, progress));
    }

    private static String run(Options options, java.util.function.Consumer<String> progress) throws Exception {
        String url = TestDatabase.newDatabase();
        String user = TestDatabase.user();
        String password = TestDatabase.password();
        String settings = ImportBenchmark.configure(url, user, password, true);
        boolean statements = options.statements() && createStatementsView(url, user, password);
        Map<String, Object> properties = new HashMap<>();
        properties.put("hyoka.database.url", url);
        properties.put("hyoka.database.username", user);
        properties.put("hyoka.database.password", password);
        properties.put("hyoka.demo.enabled", "false");
        properties.put("hyoka.dev-issuer.enabled", "true");
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "import cost probe: %s; %s; %d clients,"
                + " %d warm-up sets, %d rounds of %d sets%n", TestDatabase.description(), settings, options.clients(),
                options.warmup(), options.rounds(), options.sets()));
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false)
                .properties(properties).start()) {
            Configuration axon = context.getBean(Configuration.class);
            CpuClock clock = new CpuClock();
            axon.commandBus().registerHandlerInterceptor(clock);
            DataSource dataSource = context.getBean(DataSource.class);
            Importer importer = new Importer(context.getBean(DocumentImport.class), context.getBean(Tenants.class),
                    clock);
            ImportWorkload waits = new ImportWorkload(context.getBean(DocumentImport.class),
                    context.getBean(Tenants.class), axon, dataSource, new CommitClock());
            long postmaster = EditCostProbe.postmaster(dataSource);
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                for (String sql : options.before()) {           // an experiment's change to the schema or settings
                    statement.execute(sql);
                    report.append("before the imports: ").append(sql).append('\n');
                }
            }

            importer.run(options.warmup(), options.clients());
            waits.awaitReadModels();
            awaitSnapshotsIdle();
            progress.accept("warm-up done: " + options.warmup() + " sets");
            if (statements) {
                resetStatements(dataSource);
            }
            List<Map<String, Double>> perRound = new ArrayList<>();
            List<String> waitReports = new ArrayList<>();
            for (int round = 0; round < options.rounds(); round++) {
                Map<String, Long> threadsBefore = cpuByThreadGroup();
                Map<String, Long> nativeBefore = cpuByTask();
                Map<String, Long> pgBefore = postgresCpu(postmaster);
                long processBefore = PROCESS.getProcessCpuTime();
                long began = System.nanoTime();
                Importer.Totals totals;
                // --waits on: PostgreSQL's backends sampled while the round imports (the sampler's own queries cost
                // CPU: read the CPU figures of a run without it)
                try (WaitSampler sampler = options.waits()
                        ? new WaitSampler(new BenchDatabase(url, user, password, "")) : null) {
                    totals = importer.run(options.sets(), options.clients());
                    if (sampler != null) {
                        waitReports.add(sampler.report());
                    }
                }
                long imported = System.nanoTime() - began;
                waits.awaitReadModels();
                awaitSnapshotsIdle();
                long wall = System.nanoTime() - began;
                Map<String, Long> threadsAfter = cpuByThreadGroup();
                Map<String, Long> nativeAfter = cpuByTask();
                Map<String, Long> pgAfter = postgresCpu(postmaster);
                double sets = options.sets();
                Map<String, Double> figures = new java.util.LinkedHashMap<>();
                figures.put("importing: reading (ms/set)", totals.reading.sum() / 1e6 / sets);
                figures.put("importing: command to commit", totals.command.sum() / 1e6 / sets);
                figures.put("importing: after commit", totals.after.sum() / 1e6 / sets);
                threadsAfter.forEach((group, nanos) -> {
                    double perSet = (nanos - threadsBefore.getOrDefault(group, 0L)) / 1e6 / sets;
                    if (perSet >= 0.05 && !group.startsWith("import-client")) {
                        figures.put("jvm: " + group, perSet);
                    }
                });
                nativeAfter.forEach((group, nanos) -> {
                    double perSet = (nanos - nativeBefore.getOrDefault(group, 0L)) / 1e6 / sets;
                    if (perSet >= 0.5) {
                        figures.put("jvm (os thread): " + group, perSet);
                    }
                });
                figures.put("jvm: whole process", (PROCESS.getProcessCpuTime() - processBefore) / 1e6 / sets);
                double pgTotal = 0;
                for (Map.Entry<String, Long> kind : pgAfter.entrySet()) {
                    double perSet = (kind.getValue() - pgBefore.getOrDefault(kind.getKey(), 0L)) / 1e6 / sets;
                    pgTotal += perSet;
                    if (perSet > 0) {
                        figures.put("postgres: " + kind.getKey(), perSet);
                    }
                }
                figures.put("postgres: all", pgTotal);
                figures.put("wall: import→commit ms/set (both clients' time)", totals.toCommit.sum() / 1e6 / sets);
                figures.put("wall: round until imported ms/set", imported / 1e6 / sets);
                figures.put("wall: round until read models and snapshots idle ms/set", wall / 1e6 / sets);
                perRound.add(figures);
                progress.accept("round " + (round + 1) + ": " + figures.entrySet().stream()
                        .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue())).toList());
            }
            report.append(String.format(Locale.ROOT, "%nCPU per set of four samples (median of %d rounds; rounds)%n",
                    options.rounds()));
            java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>();
            perRound.forEach(round -> keys.addAll(round.keySet()));
            for (String key : keys) {
                double[] values = perRound.stream().mapToDouble(round -> round.getOrDefault(key, 0.0)).toArray();
                report.append(String.format(Locale.ROOT, "  %-62s %8.2f  %s%n", key, median(values),
                        java.util.Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.2f", v)).toList()));
            }
            for (int round = 0; round < waitReports.size(); round++) {
                report.append(String.format(Locale.ROOT, "%nWaits while round %d imported: %s%n", round + 1,
                        waitReports.get(round)));
            }
            if (statements) {
                report.append(statementReport(dataSource, options.rounds() * options.sets()));
            }
            report.append(storedSizes(dataSource));
            report.append(loads(axon, dataSource, postmaster, importer.lastOf("000"), options.loads(), progress));
        }
        return report.toString();
    }

    /** Marks the thread CPU of the importing thread when its command's handling starts and when it committed. */
    static final class CpuClock implements MessageHandlerInterceptor<CommandMessage<?>> {

        private final ThreadLocal<long[]> marks = ThreadLocal.withInitial(() -> new long[2]);

        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            long[] last = marks.get();
            last[0] = THREADS.getCurrentThreadCpuTime();
            last[1] = 0;
            unitOfWork.afterCommit(committed -> last[1] = THREADS.getCurrentThreadCpuTime());
            return chain.proceed();
        }

        long[] marks() {
            return marks.get();
        }
    }

    /** The row's sets, imported by named client threads, each import's CPU split at its command. */
    private static final class Importer {

        record Totals(LongAdder reading, LongAdder command, LongAdder after, LongAdder toCommit) {
        }

        private final DocumentImport documentImport;
        private final Tenants tenants;
        private final CpuClock clock;
        private final Map<String, byte[]> content = new HashMap<>();
        private final AtomicInteger nextMunicipality = new AtomicInteger(30000);
        private final Map<String, List<String>> imported = new java.util.concurrent.ConcurrentHashMap<>();

        Importer(DocumentImport documentImport, Tenants tenants, CpuClock clock) {
            this.documentImport = documentImport;
            this.tenants = tenants;
            this.clock = clock;
            ImportWorkload.SAMPLES.forEach(sample -> content.put(sample.file(),
                    jp.hyoka.server.support.Samples.bytes(sample.file())));
        }

        /** The assessments a sample became in the last round (at most 16 kept). */
        List<String> lastOf(String sample) {
            return imported.getOrDefault(sample, List.of());
        }

        Totals run(int sets, int clients) throws Exception {
            ConcurrentLinkedQueue<MunicipalityCode> queue = new ConcurrentLinkedQueue<>();
            for (int set = 0; set < sets; set++) {
                MunicipalityCode code = municipality(nextMunicipality.getAndIncrement());
                tenants.register(code, "ベンチ市" + code.value());
                queue.add(code);
            }
            imported.clear();
            Totals totals = new Totals(new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder());
            AtomicInteger threads = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(clients,
                    task -> new Thread(task, "import-client-" + threads.incrementAndGet()));
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int client = 0; client < clients; client++) {
                    workers.add(pool.submit(() -> {
                        for (MunicipalityCode code = queue.poll(); code != null; code = queue.poll()) {
                            for (ImportWorkload.Sample sample : ImportWorkload.SAMPLES) {
                                importOne(code, sample, totals);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> worker : workers) {
                    worker.get();
                }
            } finally {
                pool.shutdownNow();
            }
            return totals;
        }

        private void importOne(MunicipalityCode code, ImportWorkload.Sample sample, Totals totals) {
            Caller editor = new Caller(code, new Actor("bench-editor", "ベンチ 編集者"), Set.of(Caller.EDITOR));
            long[] marks = clock.marks();
            marks[0] = 0;
            marks[1] = 0;
            long cpu = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            DocumentImport.Result result = documentImport.importDocument(editor, sample.file(),
                    content.get(sample.file()), sample.kind(), sample.affairName(), "probe");
            long end = THREADS.getCurrentThreadCpuTime();
            if (!(result.outcome() instanceof EditOutcome.Edited edited) || result.report().alreadyImported()
                    || marks[0] == 0 || marks[1] == 0) {
                throw new IllegalStateException("sample " + sample.label() + " was not imported: " + result.outcome());
            }
            totals.reading.add(marks[0] - cpu);
            totals.command.add(marks[1] - marks[0]);
            totals.after.add(end - marks[1]);
            totals.toCommit.add(System.nanoTime() - start);     // wall, incl. the wait (a client's whole time)
            List<String> ids = imported.computeIfAbsent(sample.label(),
                    label -> Collections.synchronizedList(new ArrayList<>()));
            if (ids.size() < 16) {
                ids.add(edited.assessmentId().toString());
            }
        }
    }

    /**
     * What an imported assessment's load costs on a miss, read and folded as the repository folds it: from its newest
     * snapshot (the product's read; one is taken first if the product took none) and from its events alone.
     * Interleaved in blocks, so that PostgreSQL's CPU can be told per block.
     */
    private static String loads(Configuration axon, DataSource dataSource, long postmaster, List<String> ids,
                                int loads, java.util.function.Consumer<String> progress) throws Exception {
        if (ids.isEmpty() || loads == 0) {
            return "";
        }
        @SuppressWarnings("unchecked")
        AggregateFactory<AssessmentAggregate> factory = ((EventSourcingRepository<AssessmentAggregate>)
                axon.repository(AssessmentAggregate.class)).getAggregateFactory();
        int snapshotted = 0;
        for (String id : ids) {
            if (snapshotRevision(dataSource, id) == 0) {
                axon.snapshotter().scheduleSnapshot(AssessmentAggregate.class, id);
                snapshotted++;
            }
        }
        awaitSnapshotsIdle();
        long[] cpu = new long[2];
        long[] pg = new long[2];
        long[] wall = new long[2];
        int[] count = new int[2];
        int block = 10;
        for (int i = 0; i < loads * 2 / block; i++) {
            int kind = i % 2;                 // 0: from the snapshot, 1: from the events
            long pgBefore = total(postgresCpu(postmaster));
            long cpuBefore = THREADS.getCurrentThreadCpuTime();
            long began = System.nanoTime();
            for (int k = 0; k < block; k++) {
                String id = ids.get((i * block + k) % ids.size());
                DomainEventStream stream = kind == 0 ? axon.eventStore().readEvents(id)
                        : axon.eventStore().readEvents(id, 0);
                folded(factory, id, stream, kind == 0);
            }
            wall[kind] += System.nanoTime() - began;
            cpu[kind] += THREADS.getCurrentThreadCpuTime() - cpuBefore;
            pg[kind] += total(postgresCpu(postmaster)) - pgBefore;
            count[kind] += block;
        }
        progress.accept("loads done");
        return String.format(Locale.ROOT, "%nA load of an imported sample 000 on a miss (%d loads each, %d of %d "
                        + "assessments snapshotted by the probe):%n  from its snapshot: %.2f ms thread CPU, %.2f ms "
                        + "PostgreSQL CPU, %.2f ms wall%n  from its events:   %.2f ms thread CPU, %.2f ms PostgreSQL "
                        + "CPU, %.2f ms wall%n", count[0], snapshotted, ids.size(),
                cpu[0] / 1e6 / count[0], pg[0] / 1e6 / count[0], wall[0] / 1e6 / count[0],
                cpu[1] / 1e6 / count[1], pg[1] / 1e6 / count[1], wall[1] / 1e6 / count[1]);
    }

    /** The root from the stream's first message (a snapshot is the root itself), every later event folded. */
    private static void folded(AggregateFactory<AssessmentAggregate> factory, String id, DomainEventStream stream,
                               boolean snapshotExpected) {
        DomainEventMessage<?> first = stream.peek();
        AssessmentAggregate root = factory.createAggregateRoot(id, first);
        boolean snapshot = first.getPayload() instanceof AssessmentAggregate;
        if (snapshot != snapshotExpected) {
            throw new IllegalStateException("expected " + (snapshotExpected ? "a snapshot" : "no snapshot") + " first");
        }
        if (snapshot) {
            stream.next();
        }
        long last = -1;
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            ((DirectlyReplayed) root).replay(message.getPayload());
            last = message.getSequenceNumber();
        }
        if (root.snapshot().answers().isEmpty() || (!snapshot && root.snapshot().revision() != last + 1)) {
            throw new IllegalStateException("folded " + id + " to revision " + root.snapshot().revision());
        }
    }

    private static long snapshotRevision(DataSource dataSource, String id) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT coalesce(max(sequencenumber) + 1, 0) FROM snapshotevententry WHERE aggregateidentifier = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Until the snapshot thread has been waiting, its CPU unchanged, for a while. */
    private static void awaitSnapshotsIdle() {
        long deadline = System.nanoTime() + 120_000_000_000L;
        long last = -1;
        int quiet = 0;
        while (quiet < 3) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the snapshot thread did not become idle");
            }
            LockSupport.parkNanos(150_000_000L);
            long now = cpuByThreadGroup().getOrDefault(SNAPSHOT_THREAD, 0L);
            quiet = now == last ? quiet + 1 : 0;
            last = now;
        }
    }

    /** CPU time of the live threads, by name with the digits taken out (a pool's threads as one group). */
    static Map<String, Long> cpuByThreadGroup() {
        Map<String, Long> groups = new TreeMap<>();
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread != null) {
                long nanos = THREADS.getThreadCpuTime(thread.getThreadId());
                if (nanos > 0) {
                    groups.merge(thread.getThreadName().replaceAll("\\d+", "#"), nanos, Long::sum);
                }
            }
        }
        return groups;
    }

    /**
     * CPU time of this process's OS threads by name (/proc/self/task, digits taken out): also the JVM's own threads
     * that are no Java threads (GC, JIT compilers, the VM thread).
     */
    static Map<String, Long> cpuByTask() throws Exception {
        Map<String, Long> groups = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long nanos = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
                    groups.merge(name.replaceAll("\\d+", "#"), nanos, Long::sum);
                } catch (Exception gone) {
                    // a thread that ended meanwhile
                }
            });
        }
        return groups;
    }

    /**
     * PostgreSQL's CPU (user + system) by kind of process: the postmaster, its live children by their title's kind
     * (backends as one), and the children that exited meanwhile (counted into the postmaster's children times).
     */
    static Map<String, Long> postgresCpu(long postmaster) throws Exception {
        Map<String, Long> kinds = new TreeMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(path -> path.getFileName().toString().matches("\\d+")).forEach(path -> {
                try {
                    String stat = Files.readString(path.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(path.getFileName().toString());
                    long parent = Long.parseLong(fields[1]);
                    long own = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
                    if (pid == postmaster) {
                        kinds.merge("postmaster", own, Long::sum);
                        kinds.merge("exited children", (Long.parseLong(fields[13]) + Long.parseLong(fields[14]))
                                * NANOS_PER_TICK, Long::sum);
                    } else if (parent == postmaster) {
                        kinds.merge(kind(Files.readString(path.resolve("cmdline"))), own, Long::sum);
                    }
                } catch (Exception gone) {
                    // a process that ended meanwhile
                }
            });
        }
        return kinds;
    }

    private static String kind(String cmdline) {
        String title = cmdline.replace('\0', ' ').trim();
        if (title.startsWith("postgres: ")) {
            title = title.substring("postgres: ".length());
        }
        for (String auxiliary : List.of("checkpointer", "background writer", "walwriter", "autovacuum launcher",
                "autovacuum worker", "logical replication launcher", "io worker")) {
            if (title.startsWith(auxiliary)) {
                return auxiliary;
            }
        }
        return "backends";
    }

    private static long total(Map<String, Long> kinds) {
        return kinds.values().stream().mapToLong(Long::longValue).sum();
    }

    private static boolean createStatementsView(String url, String user, String password) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            statement.executeQuery("SELECT count(*) FROM pg_stat_statements").close();
            return true;
        } catch (SQLException e) {
            System.out.println("[bench] no pg_stat_statements: " + e.getMessage());
            return false;
        }
    }

    private static void resetStatements(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT pg_stat_statements_reset()").close();
        }
    }

    /** The statements of the measured rounds by execution time (top level, then nested: triggers and functions). */
    private static String statementReport(DataSource dataSource, int sets) throws SQLException {
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "%nPostgreSQL statements of the measured "
                + "rounds, per set (pg_stat_statements: execution time, wall, ms; calls; rows)%n"));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT toplevel, calls, total_exec_time, rows, "
                     + "regexp_replace(query, '\\s+', ' ', 'g') FROM pg_stat_statements WHERE dbid = (SELECT oid FROM "
                     + "pg_database WHERE datname = current_database()) ORDER BY toplevel DESC, total_exec_time DESC")) {
            int shown = 0;
            boolean nested = false;
            double sum = 0;
            while (rows.next()) {
                boolean toplevel = rows.getBoolean(1);
                if (!toplevel && !nested) {
                    report.append(String.format(Locale.ROOT, "  top level in all: %.2f ms/set%n  nested:%n", sum));
                    nested = true;
                    shown = 0;
                }
                double ms = rows.getDouble(3) / sets;
                if (toplevel) {
                    sum += ms;
                }
                if (shown++ < 22 && ms >= 0.01) {
                    String query = rows.getString(5);
                    report.append(String.format(Locale.ROOT, "  %8.3f ms %8.1f calls %9.1f rows  %s%n", ms,
                            rows.getDouble(2) / sets, rows.getDouble(4) / sets,
                            query.length() > 150 ? query.substring(0, 150) : query));
                }
            }
        }
        return report.toString();
    }

    private static String storedSizes(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT (SELECT avg(octet_length(payload)) FROM snapshotevententry),"
                     + " (SELECT avg(pg_column_size(payload)) FROM snapshotevententry), (SELECT count(*) FROM "
                     + "snapshotevententry), (SELECT max(octet_length(payload)) FROM domainevententry WHERE "
                     + "payloadtype LIKE '%DocumentContentImported'), (SELECT max(pg_column_size(payload)) FROM "
                     + "domainevententry WHERE payloadtype LIKE '%DocumentContentImported')")) {
            row.next();
            return String.format(Locale.ROOT, "%nStored: %d snapshots, %.0f B each on average (%.0f B as stored); the "
                            + "largest DocumentContentImported %d B (%d B as stored)%n", row.getLong(3),
                    row.getDouble(1), row.getDouble(2), row.getLong(4), row.getLong(5));
        }
    }

    private static MunicipalityCode municipality(int fiveDigits) {
        String digits = String.format("%05d", fiveDigits);
        int[] weights = {6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return new MunicipalityCode(digits + (11 - sum % 11) % 10);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
