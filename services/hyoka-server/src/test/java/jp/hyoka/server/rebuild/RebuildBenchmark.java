package jp.hyoka.server.rebuild;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.ApplicationContext;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.DocumentContentImported;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.assessment.EditOutcome;
import jp.hyoka.server.axon.AxonConnections;
import jp.hyoka.server.axon.EventJson;
import jp.hyoka.server.importing.DocumentImport;
import jp.hyoka.server.security.Caller;
import jp.hyoka.server.security.Tenants;
import jp.hyoka.server.support.OldStyleImports;
import jp.hyoka.server.support.Samples;
import jp.hyoka.server.support.TestDatabase;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * BENCHMARKS.md rows 6 and 7, each against its raw-JDBC ceiling on the same PostgreSQL in the same run, interleaved
 * round by round (the order alternating) after warm-up rounds that are not counted, reported as the median of the
 * rounds' ratios (each round's product and ceiling run back to back, so the ratio cancels the machine's drift):
 * <ul>
 *   <li>6: a tracking event processor with no handler work (a handler that receives each deserialised event and
 *       does nothing; token in PostgreSQL, as the live processor: batches of 200) from the first event to the head,
 *       vs one ordered read of domainevententry by raw JDBC with Jackson deserialisation of every payload;</li>
 *   <li>7: a read-model rebuild (ReadModelRebuilds: shadow tables, the real projections, from start to caught up;
 *       then switched, so every round rebuilds everything) in events/s, vs single-row INSERTs of as many ~event-sized
 *       jsonb rows by raw JDBC, committing every 100 rows.</li>
 * </ul>
 * The events are real: the published samples 000, 003 and 004 imported into each of {@code --tenants} municipalities,
 * and each import's content once more per answer (see {@link #populate}), as a living store holds mostly edits.
 * Runs on the test suite's PostgreSQL (TEST_JDBC_URL, else Testcontainers, else embedded). Never asserts a time.
 *
 * <pre>infra/scripts/bench-rebuild.sh [--tenants 20] [--warmup 1] [--rounds 3] [--out target/bench-rebuild]</pre>
 */
public final class RebuildBenchmark {

    static final List<String> SAMPLES = List.of(Samples.ALL_ITEMS_000, Samples.KEY_ITEMS_003, Samples.KEY_ITEMS_004);
    private static final int CEILING_TRANSACTION_ROWS = 100;
    private static final int LIVE_BATCH_SIZE = 200;
    private static final AtomicInteger NO_WORK_RUNS = new AtomicInteger();

    /** How much data and how many rounds; the report goes to {@code out} (report.json, report.md). */
    public record Settings(int tenants, int warmupRounds, int rounds, Path out) {
        public Settings {
            if (tenants < 1 || warmupRounds < 0 || rounds < 3) {
                throw new IllegalArgumentException("at least 1 tenant and 3 rounds");
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--tenants", "20", "--warmup", "1", "--rounds", "3",
                "--out", "services/hyoka-server/target/bench-rebuild"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--tenants, --warmup, --rounds, --out)");
            }
            options.put(args[i], args[i + 1]);
        }
        Settings settings = new Settings(Integer.parseInt(options.get("--tenants")),
                Integer.parseInt(options.get("--warmup")), Integer.parseInt(options.get("--rounds")),
                Path.of(options.get("--out")));
        Map<String, Object> report = run(settings);
        System.out.println(Files.readString(settings.out().resolve("report.md")));
        System.out.println("JSON: " + settings.out().resolve("report.json").toAbsolutePath());
        System.exit(report.isEmpty() ? 1 : 0);
    }

    /** Runs the benchmark on a server context of its own and writes report.json and report.md. */
    public static Map<String, Object> run(Settings settings) throws Exception {
        return run(settings, true);
    }

    /**
     * The same; {@code rebuild} false measures row 6 only. On a database that already holds events (the at-scale
     * pass's copy of a data set), row 6's processor and its ceiling take the fixed workload appended after them (the
     * processor starts at the store's head before it), so they measure what they measure alone; row 7's rebuild
     * replays the whole store, as a rebuild does.
     */
    public static Map<String, Object> run(Settings settings, boolean rebuild) throws Exception {
        Instant began = Instant.now();
        try (ApplicationContext context = ApplicationContext.builder().properties(Map.of(
                "hyoka.database.url", TestDatabase.newDatabase(),
                "hyoka.database.username", TestDatabase.user(),
                "hyoka.database.password", TestDatabase.password(),
                "hyoka.dev-issuer.enabled", "true",
                "hyoka.demo.enabled", "false",
                "micronaut.server.port", "-1")).start()) {
            HikariDataSource dataSource = context.getBean(HikariDataSource.class);
            long before = count(dataSource, "SELECT coalesce(max(globalindex), 0) FROM domainevententry");
            long stored = populate(context, settings.tenants());
            long events = count(dataSource, "SELECT count(*) FROM domainevententry WHERE globalindex > " + before);
            List<String> payloads = documentRows(dataSource, before);
            long documentRows = stored - events + payloads.size();   // the store before the workload: per answer
            RebuildBenchmarkReport.Measurements six = new RebuildBenchmarkReport.Measurements();
            RebuildBenchmarkReport.Measurements seven = new RebuildBenchmarkReport.Measurements();
            List<Double> rebuildRowsPerSecond = new ArrayList<>();
            List<Double> pauses = new ArrayList<>();
            for (int round = 1 - settings.warmupRounds(); round <= settings.rounds(); round++) {
                boolean counted = round >= 1;
                boolean productFirst = round % 2 != 0;
                for (int step = 0; step < 2; step++) {
                    if ((step == 0) == productFirst) {
                        double noWork = processorWithoutWork(context, events, before);
                        if (counted) {
                            six.product.add(noWork);
                        }
                        if (rebuild) {
                            double[] rebuilt = rebuild(context, stored, documentRows);
                            if (counted) {
                                seven.product.add(rebuilt[0]);
                                rebuildRowsPerSecond.add(rebuilt[1]);
                                pauses.add(rebuilt[2]);
                            }
                        }
                    } else {
                        double read = orderedReadAndDeserialise(dataSource, events, before);
                        if (counted) {
                            six.ceiling.add(read);
                        }
                        if (rebuild) {
                            double inserts = hundredRowTransactions(dataSource, payloads);
                            if (counted) {
                                seven.ceiling.add(inserts);
                            }
                        }
                    }
                }
            }
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("benchmark", "rebuild (BENCHMARKS.md rows 6 and 7)");
            report.put("startedAt", began.toString());
            report.put("seconds", Duration.between(began, Instant.now()).toMillis() / 1000.0);
            report.put("postgres", TestDatabase.description() + ", " + serverVersion(dataSource));
            report.put("events", events);
            report.put("documentRows", payloads.size());
            report.put("eventsInStoreBefore", before);
            report.put("tenants", settings.tenants());
            report.put("averagePayloadBytes", payloads.stream().mapToInt(String::length).average().orElse(0));
            report.put("warmupRounds", settings.warmupRounds());
            report.put("rounds", settings.rounds());
            List<Map<String, Object>> rows = new ArrayList<>();
            rows.add(six.row(6, "event processor throughput, no handler work", "events/s",
                            "tracking processor (batches of " + LIVE_BATCH_SIZE + ", JDBC token store), no-op handler",
                            "ordered read by global index + Jackson deserialisation, raw JDBC", 0.5, Map.of()));
            if (rebuild) {
                rows.add(seven.row(7, "projection rebuild into PostgreSQL read models, in document rows (an import's content "
                                + "counted as the per-answer events it stands for; the ceiling writes one row each)",
                            "document rows/s",
                            "rebuildReadModels into shadow tables, start to caught up",
                            "single-row INSERTs, 100-row transactions, raw JDBC (rows/s)", 0.4, Map.of(
                                    "readModelRowsPerSecond", RebuildBenchmarkReport.summary(rebuildRowsPerSecond),
                                    "readModelRowsRatio", RebuildBenchmarkReport.median(
                                            RebuildBenchmarkReport.ratios(rebuildRowsPerSecond, seven.ceiling)),
                                    "switchPauseMillis", RebuildBenchmarkReport.summary(pauses))));
            }
            report.put("rows", rows);
            RebuildBenchmarkReport.write(settings.out(), report);
            return report;
        }
    }

    /**
     * Imports the samples into {@code tenants} municipalities, and appends each import's content again per answer
     * under a new assessment (as edits store it, and as imports did before 2026-12): since an import's content is
     * one event, imports alone would leave a store of a few very large events, unlike a living store, whose events
     * are mostly one answer each. Returns the number of events stored.
     */
    private static long populate(ApplicationContext context, int tenants) throws SQLException {
        Tenants registry = context.getBean(Tenants.class);
        DocumentImport imports = context.getBean(DocumentImport.class);
        EventStore eventStore = context.getBean(Configuration.class).eventStore();
        Map<String, byte[]> samples = new LinkedHashMap<>();
        SAMPLES.forEach(name -> samples.put(name, Samples.bytes(name)));
        for (int n = 0; n < tenants; n++) {
            String five = String.format(Locale.ROOT, "%05d", 10_000 + n * 7);
            MunicipalityCode code = new MunicipalityCode(five + MunicipalityCode.checkDigit(five));
            registry.register(code, "ベンチ市" + n);
            Caller caller = new Caller(code, new Actor("bench-editor", "ベンチ 編集者"), Set.of(Caller.EDITOR));
            samples.forEach((name, content) -> {
                DocumentImport.Result imported = imports.importDocument(caller, name, content, null, null,
                        "benchmark");
                if (imported.outcome() instanceof EditOutcome.Edited edited) {
                    OldStyleImports.appendPerAnswer(eventStore, OldStyleImports.storedFromTheFirst(eventStore,
                            edited.assessmentId().value().toString()));
                } else {
                    throw new IllegalStateException("import of " + name + " refused: " + imported.outcome());
                }
            });
        }
        return count(context.getBean(HikariDataSource.class), "SELECT count(*) FROM domainevententry");
    }

    /**
     * A processor configured like the live one whose handler does nothing; events/s from the first event after
     * {@code after} (0: the first of the store) to the head.
     */
    private static double processorWithoutWork(ApplicationContext context, long events, long after) {
        Configuration axon = context.getBean(Configuration.class);
        String name = "bench-no-work-" + NO_WORK_RUNS.incrementAndGet();
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(new NoWork()).build())
                .messageSource(axon.eventStore())
                .tokenStore(JdbcTokenStore.builder().connectionProvider(context.getBean(AxonConnections.class))
                        .serializer(axon.serializer()).build())
                .transactionManager(AxonConnections.PROCESSOR_TRANSACTIONS)       // as the live processor's
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(LIVE_BATCH_SIZE).andEventAvailabilityTimeout(200, TimeUnit.MILLISECONDS)
                        .andInitialTrackingToken(source -> after == 0 ? source.createTailToken()
                                : GapAwareTrackingToken.newInstance(after, List.of())))
                .build();
        long head = count(context.getBean(HikariDataSource.class), "SELECT max(globalindex) FROM domainevententry");
        long start = System.nanoTime();
        processor.start();
        while (position(processor) < head) {
            LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
        }
        long elapsed = System.nanoTime() - start;
        processor.shutDown();
        execute(context.getBean(HikariDataSource.class), "DELETE FROM tokenentry WHERE processorname = '" + name + "'");
        return events / seconds(elapsed);
    }

    /** The ceiling of row 6: every event in global order, its payload deserialised as Axon would. */
    private static double orderedReadAndDeserialise(HikariDataSource dataSource, long events, long after)
            throws Exception {
        ObjectMapper json = EventJson.objectMapper();
        Map<String, Class<?>> types = new HashMap<>();
        long start = System.nanoTime();
        long read = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT globalindex, payloadtype, payload FROM domainevententry WHERE globalindex > ? "
                            + "ORDER BY globalindex")) {
                select.setLong(1, after);
                select.setFetchSize(1_000);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        rows.getLong(1);
                        Class<?> type = types.get(rows.getString(2));
                        if (type == null) {
                            type = Class.forName(rows.getString(2));
                            types.put(rows.getString(2), type);
                        }
                        if (json.readValue(rows.getBytes(3), type) != null) {
                            read++;
                        }
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        long elapsed = System.nanoTime() - start;
        if (read != events) {
            throw new IllegalStateException("read " + read + " of " + events + " events");
        }
        return read / seconds(elapsed);
    }

    /**
     * Row 7's product: {document rows/s, read-model rows/s, switch pause ms}, from start to caught up; the rebuild
     * replays the store's {@code events}, which stand for {@code documentRows} (see {@link #documentRows}).
     */
    private static double[] rebuild(ApplicationContext context, long events, long documentRows) throws SQLException {
        ReadModelRebuilds rebuilds = context.getBean(ReadModelRebuilds.class);
        RebuildStatus status = rebuilds.start(SwitchOver.MANUAL).orElseThrow();
        while (status.state() == RebuildState.RUNNING) {
            // The figure ends at the last batch's commit (caughtUpAt), not when this loop sees it; a status reads the
            // event store's head, and asking every 5 ms was more database work than the rebuild's own (a profile).
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            status = rebuilds.status().orElseThrow();
        }
        if (status.state() != RebuildState.CAUGHT_UP || status.eventsProcessed() != events) {
            throw new IllegalStateException("rebuild did not catch up: " + status);
        }
        long rows = new ShadowSchema(context.getBean(HikariDataSource.class), ReadModelTables.ALL).rowCounts()
                .stream().mapToLong(Long::longValue).sum();
        double elapsed = Duration.between(status.startedAt(), status.caughtUpAt()).toNanos() / 1e9;
        RebuildStatus switched = rebuilds.switchWhenCaughtUp(Duration.ofMinutes(1)).orElseThrow();
        if (switched.state() != RebuildState.SWITCHED) {
            throw new IllegalStateException("rebuild did not switch: " + switched);
        }
        return new double[] {documentRows / elapsed, rows / elapsed, switched.pauseMillis()};
    }

    /** The ceiling of row 7: as many rows as events, each an event's JSON as jsonb, committed every 100 rows. */
    private static double hundredRowTransactions(HikariDataSource dataSource, List<String> payloads) throws SQLException {
        execute(dataSource, "DROP TABLE IF EXISTS bench_insert_ceiling");
        execute(dataSource, "CREATE TABLE bench_insert_ceiling (tenant_code CHAR(6) NOT NULL, row_id BIGINT NOT NULL, "
                + "payload JSONB NOT NULL, PRIMARY KEY (tenant_code, row_id))");
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO bench_insert_ceiling (tenant_code, row_id, payload) VALUES (?, ?, ?::jsonb)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < payloads.size(); i++) {
                insert.setString(1, "141305");
                insert.setLong(2, i);
                insert.setString(3, payloads.get(i));
                insert.executeUpdate();
                if ((i + 1) % CEILING_TRANSACTION_ROWS == 0) {
                    connection.commit();
                }
            }
            connection.commit();
            connection.setAutoCommit(true);
        }
        long elapsed = System.nanoTime() - start;
        execute(dataSource, "DROP TABLE bench_insert_ceiling");
        return payloads.size() / seconds(elapsed);
    }

    /**
     * The events after {@code after} as row 7 counts them, in document rows: an import's content
     * (DocumentContentImported) as the per-answer events it stands for (each one's JSON), every other event as its
     * stored JSON. Row 4 counts imports the same way: the rebuild projects an import's content as it projects those
     * events, so its rate and its ceiling's rows compare the same work whichever shape the store holds.
     */
    private static List<String> documentRows(HikariDataSource dataSource, long after) throws SQLException {
        ObjectMapper json = EventJson.objectMapper();
        List<String> payloads = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT payloadtype, convert_from(payload, 'UTF8') "
                     + "FROM domainevententry WHERE globalindex > " + after + " ORDER BY globalindex")) {
            while (rows.next()) {
                if (DocumentContentImported.class.getName().equals(rows.getString(1))) {
                    for (AssessmentEvent edit : readContent(json, rows.getString(2)).edits()) {
                        payloads.add(writeJson(json, edit));
                    }
                } else {
                    payloads.add(rows.getString(2));
                }
            }
        }
        return payloads;
    }

    private static DocumentContentImported readContent(ObjectMapper json, String payload) {
        try {
            return json.readValue(payload, DocumentContentImported.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String writeJson(ObjectMapper json, AssessmentEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long position(TrackingEventProcessor processor) {
        EventTrackerStatus status = processor.processingStatus().get(0);
        return status == null ? -1 : status.getCurrentPosition().orElse(-1);
    }

    /** The handler of row 6: takes every assessment event, deserialised, and does nothing with it. */
    static final class NoWork {
        @EventHandler
        void on(AssessmentEvent event) {
            // no work: what is measured is the processor
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static long count(HikariDataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void execute(HikariDataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static String serverVersion(HikariDataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_setting('server_version'), "
                     + "current_setting('synchronous_commit')")) {
            row.next();
            // The embedded PostgreSQL (zonky) runs with synchronous_commit=off for the whole cluster.
            return "PostgreSQL " + row.getString(1) + ", synchronous_commit=" + row.getString(2);
        }
    }
}
