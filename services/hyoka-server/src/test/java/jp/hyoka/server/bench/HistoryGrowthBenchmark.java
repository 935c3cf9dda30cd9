package jp.hyoka.server.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.assessment.AssessmentAggregate;
import jp.hyoka.server.assessment.EditOutcome;
import jp.hyoka.server.editing.Editing;
import jp.hyoka.server.security.Caller;
import jp.hyoka.server.security.Tenants;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Issue 22, "flat cost per command as a document's history grows", and BENCHMARKS.md row 5. One document is edited
 * to {@code --revisions} (10,000) through {@link Editing#answer}, the service the {@code answerItem} mutation calls
 * (command gateway, Axon, JDBC event store, read-your-writes wait); each edit's latency is reported as p50/p99 per band
 * of {@code --band} (1,000) revisions, both for the whole edit and for the command alone (handling start → commit).
 * Verdict: the last band's edit p50 is at most 20 % above the first band's (the spread between the largest and the
 * smallest band p50 is reported too: on a shared machine it shows noise). Row 5: loading a 10-event assessment
 * through Axon's repository (no cache: every load is a miss; folded to its state) against a raw JDBC select of the
 * same rows, interleaved, median over {@code --rounds} rounds of the per-round p50 ratio; target ≤ 2.
 *
 * <p>{@code --snapshot-every N} sets {@code hyoka.axon.snapshot-every} (0: snapshots off, the code before issue 22).
 * Run it with {@code infra/scripts/bench-history.sh [options]}; options and defaults: {@code --revisions 10000
 * --band 1000 --warmup 500 --snapshot-every 250 --rounds 5 --loads 200 --durable on --load-warmup 1000}.
 */
public final class HistoryGrowthBenchmark {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    static final MunicipalityCode CODE = new MunicipalityCode("141305");
    static final Caller EDITOR = new Caller(CODE, new Actor("bench-editor", "ベンチ 編集者"), Set.of(Caller.EDITOR));
    private static final String ITEM = "department.name";

    private HistoryGrowthBenchmark() {
    }

    /**
     * {@code loadWarmup}: interleaved loads of both sides before row 5's rounds, not measured. The edits' warm-up does
     * not warm the load path (an edited assessment is kept between commands, so those edits load nothing from the
     * store), while the raw side's JDBC code is warm from every edit: without it the first rounds compare the
     * product's interpreted code with the raw side's compiled code.
     */
    public record Options(int revisions, int band, int warmup, int snapshotEvery, int rounds, int loads,
                          boolean durable, int loadWarmup) {

        public static Options parse(String... args) {
            Map<String, String> values = new java.util.HashMap<>(Map.of("--revisions", "10000", "--band", "1000",
                    "--warmup", "500", "--snapshot-every", "250", "--rounds", "5", "--loads", "200",
                    "--durable", "on", "--load-warmup", "1000"));
            for (int i = 0; i < args.length; i += 2) {
                if (!values.containsKey(args[i]) || i + 1 >= args.length) {
                    throw new IllegalArgumentException("unknown option or no value: " + args[i]);
                }
                values.put(args[i], args[i + 1]);
            }
            Options options = new Options(Integer.parseInt(values.get("--revisions")),
                    Integer.parseInt(values.get("--band")), Integer.parseInt(values.get("--warmup")),
                    Integer.parseInt(values.get("--snapshot-every")), Integer.parseInt(values.get("--rounds")),
                    Integer.parseInt(values.get("--loads")), !values.get("--durable").equals("off"),
                    Integer.parseInt(values.get("--load-warmup")));
            if (options.revisions < 2 || options.band < 1 || options.rounds < 1 || options.loads < 1
                    || options.warmup < 0 || options.snapshotEvery < 0 || options.loadWarmup < 0) {
                throw new IllegalArgumentException("impossible options: " + options);
            }
            return options;
        }
    }

    public static void main(String[] args) {
        HarnessMain.run(progress -> run(Options.parse(args), progress).render());
    }

    public static HistoryGrowthReport run(Options options, Consumer<String> progress) throws Exception {
        if (options.durable()) {
            System.setProperty(jp.hyoka.server.support.TestDatabase.DURABLE_PROPERTY, "true");
        }
        BenchDatabase database = BenchDatabase.create(options.durable());
        progress.accept("database: " + database.description());
        try (EmbeddedServer server = database.startServer(Map.of("hyoka.axon.snapshot-every",
                Integer.toString(options.snapshotEvery())))) {
            ApplicationContext context = server.getApplicationContext();
            context.getBean(Tenants.class).register(CODE, "ベンチ市");
            Configuration axon = context.getBean(Configuration.class);
            CommitClock clock = new CommitClock();
            axon.commandBus().registerHandlerInterceptor(clock);
            Editing editing = context.getBean(Editing.class);

            edit(editing, clock, options.warmup() + 1, null);                 // JIT and pools warm, another document
            progress.accept("warm-up: " + options.warmup() + " edits");
            List<HistoryGrowthReport.Edit> edits = new ArrayList<>();
            edit(editing, clock, options.revisions(), edit -> {
                edits.add(edit);
                if (edit.revision() % options.band() == 0) {
                    progress.accept("revision " + edit.revision() + ": " + HistoryGrowthReport.band(
                            edits.subList(Math.max(0, edits.size() - options.band()), edits.size())));
                }
            });

            String small = documentOf(editing, clock, 10);
            List<HistoryGrowthReport.LoadRound> rounds = new ArrayList<>();
            Repository<AssessmentAggregate> repository = axon.repository(AssessmentAggregate.class);
            DataSource dataSource = context.getBean(DataSource.class);
            if (options.loadWarmup() > 0) {
                loadRound(repository, axon.eventStore(), dataSource, small, options.loadWarmup(), false);
                progress.accept("row 5 warm-up: " + options.loadWarmup() + " loads of each side");
            }
            for (int round = 0; round < options.rounds(); round++) {
                rounds.add(loadRound(repository, axon.eventStore(), dataSource, small, options.loads(),
                        round % 2 == 1));
                progress.accept("row 5 round " + (round + 1) + ": " + rounds.get(round));
            }
            return new HistoryGrowthReport(database.description(), options, edits, rounds);
        }
    }

    /** A new document edited to {@code revisions}; each edit of it given to {@code observer} (if any). */
    private static String edit(Editing editing, CommitClock clock, int revisions,
                               Consumer<HistoryGrowthReport.Edit> observer) {
        String id = ((EditOutcome.Edited) editing.start(EDITOR, FormKind.KEY_ITEMS, "履歴ベンチ", null))
                .assessmentId().toString();
        for (long revision = 1; revision < revisions; revision++) {
            clock.reset();
            long start = System.nanoTime();
            EditOutcome outcome = editing.answer(EDITOR, id, revision, ITEM, List.of(),
                    new TextAnswer("市民文化局 第" + revision + "版"), null);
            long end = System.nanoTime();
            if (!(outcome instanceof EditOutcome.Edited edited) || edited.revision() != revision + 1) {
                throw new IllegalStateException("edit at revision " + revision + " was not stored: " + outcome);
            }
            if (observer != null) {
                observer.accept(new HistoryGrowthReport.Edit(revision + 1, end - start,
                        clock.committed() - clock.handlingStarted()));
            }
        }
        return id;
    }

    static String documentOf(Editing editing, CommitClock clock, int events) {
        return edit(editing, clock, events, null);
    }

    /** One interleaved round of row 5; odd rounds read raw first, so that drift favours neither side. */
    private static HistoryGrowthReport.LoadRound loadRound(Repository<AssessmentAggregate> repository,
                                                          EventStore store, DataSource dataSource, String id,
                                                          int loads, boolean rawFirst) throws SQLException {
        long[] product = new long[loads];
        long[] read = new long[loads];
        long[] raw = new long[loads];
        long productCpu = 0;
        long rawCpu = 0;
        for (int i = 0; i < loads; i++) {
            if (rawFirst) {
                long cpu = CPU.getCurrentThreadCpuTime();
                raw[i] = rawLoad(dataSource, id);
                rawCpu += CPU.getCurrentThreadCpuTime() - cpu;
                read[i] = storeRead(store, id);
                cpu = CPU.getCurrentThreadCpuTime();
                product[i] = load(repository, id);
                productCpu += CPU.getCurrentThreadCpuTime() - cpu;
            } else {
                long cpu = CPU.getCurrentThreadCpuTime();
                product[i] = load(repository, id);
                productCpu += CPU.getCurrentThreadCpuTime() - cpu;
                read[i] = storeRead(store, id);
                cpu = CPU.getCurrentThreadCpuTime();
                raw[i] = rawLoad(dataSource, id);
                rawCpu += CPU.getCurrentThreadCpuTime() - cpu;
            }
        }
        return new HistoryGrowthReport.LoadRound(HistoryGrowthReport.percentile(product, 0.5),
                HistoryGrowthReport.percentile(read, 0.5), HistoryGrowthReport.percentile(raw, 0.5),
                productCpu / loads, rawCpu / loads);
    }

    /** Where the load's time goes: the event store's read (snapshot lookup, events, deserialized), no aggregate. */
    private static long storeRead(EventStore store, String id) {
        long start = System.nanoTime();
        long events = store.readEvents(id).asStream().map(event -> event.getPayload()).count();
        if (events != 10) {
            throw new IllegalStateException("the event store read " + events + " events");
        }
        return System.nanoTime() - start;
    }

    /** Axon's repository: the events read, deserialized and folded into the assessment's state; nothing kept. */
    static long load(Repository<AssessmentAggregate> repository, String id) {
        long start = System.nanoTime();
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            if (repository.load(id).invoke(AssessmentAggregate::snapshot).revision() != 10) {
                throw new IllegalStateException("the row 5 document is not at revision 10");
            }
        } finally {
            unitOfWork.rollback();
        }
        return System.nanoTime() - start;
    }

    /** The same rows as plain JDBC: every column the event store reads, in sequence order. */
    static long rawLoad(DataSource dataSource, String id) throws SQLException {
        long start = System.nanoTime();
        int rows = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT eventidentifier, type, payloadtype, "
                     + "payloadrevision, payload, metadata, timestamp, sequencenumber FROM domainevententry "
                     + "WHERE aggregateidentifier = ? ORDER BY sequencenumber")) {
            select.setString(1, id);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    for (int column = 1; column <= 8; column++) {
                        result.getObject(column);
                    }
                    rows++;
                }
            }
        }
        if (rows != 10) {
            throw new IllegalStateException("raw load read " + rows + " rows");
        }
        return System.nanoTime() - start;
    }
}
