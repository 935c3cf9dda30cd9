package jp.hyoka.server.bench;

import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.assessment.EditOutcome;
import jp.hyoka.server.assessment.ReadModels;
import jp.hyoka.server.importing.DocumentImport;
import jp.hyoka.server.security.Caller;
import jp.hyoka.server.security.Tenants;
import jp.hyoka.server.support.OldStyleImports;
import jp.hyoka.server.support.Samples;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * The product side: the published samples imported through the product's own {@link DocumentImport} (decode, read
 * the body against the forms, one ImportDocument command, the aggregate, Axon's JDBC event store, then the
 * read-your-writes wait for the tracking processor's projections). Each "set" is the four samples imported into a
 * municipality of its own, so the assessment ids (derived from municipality + content hash) are new and every
 * import really appends its events; the event count in the table is checked against what the imports report.
 */
final class ImportWorkload {

    /** One file of a set: 000, 003, 004 are whole documents; 001 is an annex only and needs a kind and a name. */
    record Sample(String label, String file, FormKind kind, String affairName) {
    }

    static final List<Sample> SAMPLES = List.of(
            new Sample("000", Samples.ALL_ITEMS_000, null, null),
            new Sample("003", Samples.KEY_ITEMS_003, null, null),
            new Sample("004", Samples.KEY_ITEMS_004, null, null),
            new Sample("001", Samples.ANNEX_ONLY_001, FormKind.KEY_ITEMS, "国民健康保険に関する事務"));

    /**
     * One import's times in nanoseconds: reading the file (decode, body, annex; until the command is handled),
     * handling the command until its unit of work committed, then waiting for the read models. {@code events} is
     * what it stored; {@code documentRows} what the per-answer contract stored for the same import (one event per
     * entry, answer and other fact: the unit the row's ceiling writes one row of), the same document's work counted
     * the same way whatever the event contract.
     */
    record Timing(String sample, long events, long documentRows, long readNanos, long commandNanos,
                  long readModelNanos) {
        long toCommitNanos() {
            return readNanos + commandNanos;
        }
    }

    /**
     * A round: the events its imports appended, the wall time from the first import until the last import returned
     * and the tracking processor had processed everything, and each import's timing.
     */
    record Round(long events, long documentRows, long wallNanos, int clients, List<Timing> imports) {
    }

    private final DocumentImport documentImport;
    private final Tenants tenants;
    private final Configuration axon;
    private final DataSource dataSource;
    private final CommitClock clock;
    private final Map<String, byte[]> content;
    /** Per sample, the events the per-answer contract stored for its import ({@link Timing#documentRows()}). */
    private final Map<String, Long> documentRows = new java.util.concurrent.ConcurrentHashMap<>();
    /** The five digits of the next municipality code; one fresh municipality per set. */
    private final AtomicInteger nextMunicipality = new AtomicInteger(10000);

    ImportWorkload(DocumentImport documentImport, Tenants tenants, Configuration axon, DataSource dataSource,
                   CommitClock clock) {
        this.documentImport = documentImport;
        this.tenants = tenants;
        this.axon = axon;
        this.dataSource = dataSource;
        this.clock = clock;
        this.content = new java.util.HashMap<>();
        SAMPLES.forEach(sample -> content.put(sample.file(), Samples.bytes(sample.file())));
    }

    /** Imports {@code sets} sets with {@code clients} threads, each thread one import at a time. */
    Round run(int sets, int clients) throws Exception {
        ConcurrentLinkedQueue<MunicipalityCode> queue = new ConcurrentLinkedQueue<>();
        for (int set = 0; set < sets; set++) {
            MunicipalityCode code = newMunicipality();
            tenants.register(code, "ベンチ市" + code.value());       // as a real tenant, outside the clock
            queue.add(code);
        }
        List<Timing> timings = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                workers.add(pool.submit(() -> {
                    for (MunicipalityCode code = queue.poll(); code != null; code = queue.poll()) {
                        for (Sample sample : SAMPLES) {
                            timings.add(importOne(code, sample));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            awaitReadModels();
            long wall = System.nanoTime() - start;
            long events = timings.stream().mapToLong(Timing::events).sum();
            long documentRows = timings.stream().mapToLong(Timing::documentRows).sum();
            return new Round(events, documentRows, wall, clients, List.copyOf(timings));
        } finally {
            pool.shutdownNow();
        }
    }

    private Timing importOne(MunicipalityCode code, Sample sample) {
        Caller editor = new Caller(code, new Actor("bench-editor", "ベンチ 編集者"), Set.of(Caller.EDITOR));
        clock.reset();
        long start = System.nanoTime();
        DocumentImport.Result result = documentImport.importDocument(editor, sample.file(), content.get(sample.file()),
                sample.kind(), sample.affairName(), "benchmark");
        long end = System.nanoTime();
        long handling = clock.handlingStarted();
        long committed = clock.committed();
        if (!(result.outcome() instanceof EditOutcome.Edited edited) || result.report().alreadyImported()
                || handling == 0 || committed == 0) {
            throw new IllegalStateException("sample " + sample.label() + " was not imported as a new assessment: "
                    + result.outcome() + ", already imported: " + result.report().alreadyImported());
        }
        // A new assessment's revision is the number of events its import appended.
        return new Timing(sample.label(), edited.revision(), documentRows(sample, edited.assessmentId()),
                handling - start, committed - handling, end - committed);
    }

    /**
     * The per-answer events the import's stored events stand for ({@link OldStyleImports}): read back from the store
     * at the sample's first import (outside its timing; the warm-up), then the same for every import of the sample,
     * whose content and so whose events are the same.
     */
    private long documentRows(Sample sample, AssessmentId id) {
        return documentRows.computeIfAbsent(sample.label(), label -> {
            List<AssessmentEvent> stored = new ArrayList<>();
            axon.eventStore().readEvents(id.toString(), 0).asStream()      // from the first: not the snapshot
                    .forEach(message -> stored.add((AssessmentEvent) message.getPayload()));
            return (long) OldStyleImports.expand(stored).size();
        });
    }

    /** Until the read-model processor has processed every event in the store (normally at once: each import waits). */
    void awaitReadModels() {
        TrackingEventProcessor processor = axon.eventProcessingConfiguration()
                .eventProcessor(ReadModels.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
        long head = axon.eventStore().createHeadToken().position().orElse(-1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!caughtUp(processor, head)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the read models did not catch up with position " + head);
            }
            LockSupport.parkNanos(200_000);
        }
    }

    private static boolean caughtUp(TrackingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        return !status.isEmpty()
                && status.values().stream().allMatch(s -> s.getCurrentPosition().orElse(-1) >= head);
    }

    /**
     * Empties the event store and the read models (after the warm-up; the tracking token stays, the global index
     * goes on from where it was), so that measurements start from an empty event table with a warm JVM.
     */
    void clearStore() throws SQLException {
        awaitReadModels();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = "
                    + "current_schema() AND tablename NOT IN ('flyway_schema_history', 'tokenentry', 'tenant', '"
                    + JdbcBatchCeiling.TABLE + "')")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            statement.execute("TRUNCATE " + String.join(", ", tables));
        }
    }

    /** Events in the store (COUNT, not the sequence: outside the clock only). */
    long eventCount() throws SQLException {
        return single("SELECT count(*) FROM domainevententry");
    }

    /** Stored bytes in the event table: payloads plus metadata. */
    long storedEventBytes() throws SQLException {
        return single("SELECT coalesce(sum(octet_length(payload) + coalesce(octet_length(metadata), 0)), 0) "
                + "FROM domainevententry");
    }

    /** Average stored size of an event: payload plus metadata bytes. */
    double averageEventBytes() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT avg(octet_length(payload) + coalesce(octet_length(metadata), 0)) FROM domainevententry")) {
            return row.next() ? row.getDouble(1) : 0;
        }
    }

    private long single(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** A valid 地方公共団体コード (five digits and the JIS X 0402 check digit) not used before in this run. */
    private MunicipalityCode newMunicipality() {
        String digits = String.format("%05d", nextMunicipality.getAndIncrement());
        int[] weights = {6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return new MunicipalityCode(digits + (11 - sum % 11) % 10);
    }
}
