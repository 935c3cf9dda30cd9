package jp.hyoka.server.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jdk.jfr.Recording;
import jp.hyoka.server.assessment.AssessmentAggregate;
import jp.hyoka.server.axon.DirectlyReplayed;
import jp.hyoka.server.editing.Editing;
import jp.hyoka.server.security.Tenants;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Where a row 5 load's CPU goes (BENCHMARKS.md row 5, infra/docs/history-benchmark.md), in one JVM at one moment: the
 * calling thread's CPU per operation of each part, interleaved load by load, so that a busy machine's drift falls on
 * every part alike:
 * <ul>
 *   <li>{@code load}: what {@link HistoryGrowthBenchmark} measures (a unit of work, the product's repository's load
 *       on a miss, the state folded, rolled back);</li>
 *   <li>{@code read+fold}: the event store's read of the same stream, every payload read, the root made by the
 *       repository's aggregate factory and folded, no repository, no unit of work;</li>
 *   <li>{@code read}: the event store's read alone (payloads read, nothing folded);</li>
 *   <li>{@code uow}: a unit of work started and rolled back, nothing in it;</li>
 *   <li>{@code lookup}: the product's one statement with the snapshot lookup, by plain JDBC (every column read), what
 *       PostgreSQL does for a load of an aggregate not known to have no snapshot;</li>
 *   <li>{@code events}: the product's statement for an aggregate known to have none (its events alone), what a
 *       load of the row's assessment sends once this node found it without a snapshot;</li>
 *   <li>{@code raw}: the raw select of the same rows (the row's ceiling).</li>
 * </ul>
 * {@code load − read+fold − uow} is the repository's own work around the read (lock, unit-of-work resources and
 * handlers, spans, the aggregate wrapper, its scope). With a third argument, a JFR recording of loads alone (every
 * 1 ms, this phase only) is written to that file.
 * <pre>infra/scripts/run-harness.sh jp.hyoka.server.bench.LoadCostProbe [loads per round] [rounds] [jfr file]</pre>
 */
public final class LoadCostProbe {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final String[] PARTS = {"load", "read+fold", "read", "uow", "lookup", "events", "raw"};
    /** The product's statements of a load ({@code NotifyingEventStorageEngine.readFromNewestSnapshot}), spelled out. */
    private static final String FIELDS = "type, aggregateidentifier, sequencenumber, eventidentifier, timestamp, "
            + "payloadtype, payloadrevision, payload, metadata";
    private static final String NEWEST = "WITH newest AS (SELECT " + FIELDS + " FROM snapshotevententry WHERE "
            + "aggregateidentifier = ? ORDER BY sequencenumber DESC LIMIT 1) SELECT true AS snapshot, " + FIELDS
            + " FROM newest UNION ALL (SELECT false, " + FIELDS + " FROM domainevententry WHERE aggregateidentifier = ? "
            + "AND sequencenumber > coalesce((SELECT sequencenumber FROM newest), -1) ORDER BY sequencenumber LIMIT ?)";
    private static final String EVENTS = "SELECT " + FIELDS + " FROM domainevententry WHERE aggregateidentifier = ? "
            + "ORDER BY sequencenumber LIMIT ?";

    private LoadCostProbe() {
    }

    public static void main(String[] args) {
        HarnessMain.run(progress -> {
            int loads = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
            int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
            Path jfr = args.length > 2 ? Path.of(args[2]) : null;
            BenchDatabase database = BenchDatabase.create(false);
            try (EmbeddedServer server = database.startServer(Map.of())) {
                ApplicationContext context = server.getApplicationContext();
                context.getBean(Tenants.class).register(HistoryGrowthBenchmark.CODE, "ベンチ市");
                Configuration axon = context.getBean(Configuration.class);
                String id = HistoryGrowthBenchmark.documentOf(context.getBean(Editing.class), new CommitClock(), 10);
                Repository<AssessmentAggregate> repository = axon.repository(AssessmentAggregate.class);
                Parts parts = new Parts(repository, axon.eventStore(), context.getBean(DataSource.class), id);
                parts.round(loads);                                                      // warm-up
                parts.round(loads);
                StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                        "row 5 load parts, CPU µs per operation, %d loads × %d rounds (%s)%n", loads, rounds,
                        database.description()));
                List<double[]> perRound = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    double[] micros = parts.round(loads);
                    perRound.add(micros);
                    progress.accept("round " + (round + 1) + ": " + Arrays.stream(micros)
                            .mapToObj(v -> String.format(Locale.ROOT, "%.1f", v)).toList());
                }
                int raw = PARTS.length - 1;
                for (int part = 0; part < PARTS.length; part++) {
                    int at = part;
                    int wallAt = PARTS.length + part;
                    report.append(String.format(Locale.ROOT, "%-10s CPU median %7.2f µs (rounds %s), wall p50 median "
                                    + "%7.1f µs%n", PARTS[part],
                            median(perRound.stream().mapToDouble(r -> r[at]).toArray()),
                            perRound.stream().map(r -> String.format(Locale.ROOT, "%.1f", r[at])).toList(),
                            median(perRound.stream().mapToDouble(r -> r[wallAt]).toArray())));
                }
                report.append(String.format(Locale.ROOT, "repository around the read (load − read+fold − uow): "
                                + "CPU median %.2f µs; load ÷ raw: CPU median %.2f, wall p50 median %.2f; "
                                + "lookup ÷ raw wall p50 median %.2f, events ÷ raw %.2f%n",
                        median(perRound.stream().mapToDouble(r -> r[0] - r[1] - r[3]).toArray()),
                        median(perRound.stream().mapToDouble(r -> r[0] / r[raw]).toArray()),
                        median(perRound.stream().mapToDouble(r -> r[PARTS.length] / r[PARTS.length + raw]).toArray()),
                        median(perRound.stream().mapToDouble(r -> r[PARTS.length + 4] / r[PARTS.length + raw])
                                .toArray()),
                        median(perRound.stream().mapToDouble(r -> r[PARTS.length + 5] / r[PARTS.length + raw])
                                .toArray())));
                if (jfr != null) {
                    try (Recording recording = new Recording()) {
                        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1)).withStackTrace();
                        recording.start();
                        for (int round = 0; round < rounds; round++) {
                            for (int i = 0; i < loads * 5; i++) {
                                HistoryGrowthBenchmark.load(repository, id);
                            }
                        }
                        recording.stop();
                        recording.dump(jfr);
                    }
                    report.append("JFR of ").append(rounds * loads * 5).append(" loads: ").append(jfr).append('\n');
                }
                return report.toString();
            }
        });
    }

    /** The parts, each timed in turn per load (the order rotating by round). */
    private static final class Parts {

        private final Repository<AssessmentAggregate> repository;
        private final EventStore store;
        private final DataSource dataSource;
        private final String id;
        private final AggregateFactory<AssessmentAggregate> factory;
        private int rotation;

        @SuppressWarnings("unchecked")
        Parts(Repository<AssessmentAggregate> repository, EventStore store, DataSource dataSource, String id) {
            this.repository = repository;
            this.store = store;
            this.dataSource = dataSource;
            this.id = id;
            this.factory = ((EventSourcingRepository<AssessmentAggregate>) repository).getAggregateFactory();
        }

        /** CPU µs per operation of each part, then the wall p50 µs of each. */
        double[] round(int loads) throws Exception {
            long[] cpu = new long[PARTS.length];
            double[][] wall = new double[PARTS.length][loads];
            int first = rotation++;
            for (int i = 0; i < loads; i++) {
                for (int k = 0; k < PARTS.length; k++) {
                    int part = (first + k) % PARTS.length;
                    long start = CPU.getCurrentThreadCpuTime();
                    long began = System.nanoTime();
                    run(part);
                    wall[part][i] = (System.nanoTime() - began) / 1e3;
                    cpu[part] += CPU.getCurrentThreadCpuTime() - start;
                }
            }
            double[] result = new double[PARTS.length * 2];
            for (int part = 0; part < PARTS.length; part++) {
                result[part] = cpu[part] / 1e3 / loads;
                result[PARTS.length + part] = median(wall[part]);
            }
            return result;
        }

        private void run(int part) throws Exception {
            switch (part) {
                case 0 -> HistoryGrowthBenchmark.load(repository, id);
                case 1 -> readAndFold();
                case 2 -> read();
                case 3 -> DefaultUnitOfWork.startAndGet(null).rollback();
                case 4 -> statement(NEWEST, 2);
                case 5 -> statement(EVENTS, 1);
                default -> HistoryGrowthBenchmark.rawLoad(dataSource, id);
            }
        }

        /** {@code sql} with the aggregate's identifier bound {@code identifiers} times, then the batch size. */
        private void statement(String sql, int identifiers) throws SQLException {
            int rows = 0;
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement select = connection.prepareStatement(sql)) {
                for (int parameter = 1; parameter <= identifiers; parameter++) {
                    select.setString(parameter, id);
                }
                select.setInt(identifiers + 1, 251);
                try (ResultSet result = select.executeQuery()) {
                    int columns = identifiers == 2 ? 10 : 9;       // the lookup's flag and the nine event columns
                    while (result.next()) {
                        for (int column = 1; column <= columns; column++) {
                            result.getObject(column);
                        }
                        rows++;
                    }
                }
            }
            if (rows != 10) {
                throw new IllegalStateException("the statement read " + rows + " rows");
            }
        }

        private void read() {
            long events = store.readEvents(id).asStream().map(DomainEventMessage::getPayload).count();
            if (events != 10) {
                throw new IllegalStateException("read " + events + " events");
            }
        }

        private void readAndFold() {
            DomainEventStream stream = store.readEvents(id);
            AssessmentAggregate root = factory.createAggregateRoot(id, stream.peek());
            while (stream.hasNext()) {
                ((DirectlyReplayed) root).replay(stream.next().getPayload());
            }
            if (root.snapshot().revision() != 10) {
                throw new IllegalStateException("folded to " + root.snapshot().revision());
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
