package jp.hyoka.server.bench;

import io.micronaut.context.ApplicationContext;
import jp.hyoka.server.support.TestDatabase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The national-scale fan-out (issue 16): {@code --municipalities} (1,788, every 地方公共団体) × {@code --documents}
 * documents each use a shared component locked or adapted; a publication of a new version raises a proposal for every
 * one of them in the read-model processor's transaction. Measured per publication: proposals per second from the
 * publication's commit to the fan-out's commit, and to the moment the last municipality reads its proposals through
 * the tenant-scoped read; beside each, the BENCHMARKS.md ceiling "10-row transaction, 4 clients" (raw JDBC: 4 clients
 * inserting as many ~1 KB jsonb rows, 10 per transaction, JdbcBatchCeiling) on the same PostgreSQL, interleaved round
 * by round (odd rounds ceiling first), medians. Target: ≥ 30 % of the ceiling. Also the latency of the usage view's
 * query at that size (uses and proposals per municipality, mode and status). Never asserts a time.
 *
 * <p>Round 1 publishes version 2 (proposals only); later rounds publish 3, 4, … and also supersede the proposals the
 * round before left open, as a real second publication does.
 *
 * <pre>infra/scripts/bench-fan-out.sh [--municipalities 1788] [--documents 5] [--rounds 3] [--seeders 4] [--durable on]</pre>
 */
public final class ComponentFanOutBenchmark {

    static final double TARGET = 0.30;
    private static final int CEILING_CLIENTS = 4;
    private static final int CEILING_ROWS_PER_TRANSACTION = 10;
    private static final int CEILING_ROW_BYTES = 1024;
    private static final int USAGE_VIEW_RUNS = 20;

    record Options(int municipalities, int documents, int rounds, int seeders, boolean durable) {
        static Options parse(String... args) {
            Map<String, String> given = new HashMap<>(Map.of("--municipalities", "1788", "--documents", "5",
                    "--rounds", "3", "--seeders", "4", "--durable", "on"));
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!given.containsKey(args[i])) {
                    throw new IllegalArgumentException("unknown option " + args[i] + " (" + given.keySet() + ")");
                }
                given.put(args[i], args[i + 1]);
            }
            return new Options(Integer.parseInt(given.get("--municipalities")),
                    Integer.parseInt(given.get("--documents")), Integer.parseInt(given.get("--rounds")),
                    Integer.parseInt(given.get("--seeders")), given.get("--durable").equals("on"));
        }
    }

    /** One publication and the ceiling measured next to it; rates in rows per second. */
    record Round(FanOutWorkload.Publication publication, double ceilingRowsPerSecond) {
        double fanOutPerSecond() {
            return publication.proposals() / (publication.toFanOutNanos() / 1e9);
        }

        double readablePerSecond() {
            return publication.proposals() / (publication.toReadableNanos() / 1e9);
        }
    }

    record Report(Options options, String database, FanOutWorkload.Seeding seeding, List<Round> rounds,
                  double[] usageView) {

        double fanOutPerSecond() {
            return median(rounds.stream().mapToDouble(Round::fanOutPerSecond).toArray());
        }

        double readablePerSecond() {
            return median(rounds.stream().mapToDouble(Round::readablePerSecond).toArray());
        }

        double ceiling() {
            return median(rounds.stream().mapToDouble(Round::ceilingRowsPerSecond).toArray());
        }

        /** The median of the rounds' ratios: each round's product and ceiling ran back to back. */
        double ratio() {
            return median(rounds.stream().mapToDouble(r -> r.fanOutPerSecond() / r.ceilingRowsPerSecond()).toArray());
        }

        double readableRatio() {
            return median(rounds.stream().mapToDouble(r -> r.readablePerSecond() / r.ceilingRowsPerSecond())
                    .toArray());
        }

        String render() {
            StringBuilder text = new StringBuilder("# Shared-component fan-out\n\n").append(String.format(Locale.ROOT,
                    "%s; %,d municipalities × %d documents = %,d uses, seeded in %.0f s (%.0f documents/s, 3 "
                            + "commands each)%n%n", database, seeding.municipalities(), options.documents(),
                    seeding.documents(), seeding.nanos() / 1e9, seeding.documents() / (seeding.nanos() / 1e9)))
                    .append("| round | version | proposals | commit → fan-out committed (ms) | proposals/s | "
                            + "→ last municipality reads them (ms) | proposals/s | ceiling rows/s | ratio |\n")
                    .append("|---|---|---|---|---|---|---|---|---|\n");
            for (int i = 0; i < rounds.size(); i++) {
                Round round = rounds.get(i);
                FanOutWorkload.Publication publication = round.publication();
                text.append(String.format(Locale.ROOT, "| %d | %d | %,d | %.1f | %,.0f | %.1f | %,.0f | %,.0f | %.2f |%n",
                        i + 1, publication.version(), publication.proposals(), publication.toFanOutNanos() / 1e6,
                        round.fanOutPerSecond(), publication.toReadableNanos() / 1e6, round.readablePerSecond(),
                        round.ceilingRowsPerSecond(), round.fanOutPerSecond() / round.ceilingRowsPerSecond()));
            }
            text.append(String.format(Locale.ROOT, "%nUsage view (uses and proposals per municipality, mode and "
                    + "status; login role): p50 %.1f ms, worst %.1f ms of %d runs, %d rows%n", usageView[0],
                    usageView[1], USAGE_VIEW_RUNS, (int) usageView[2]));
            text.append(String.format(Locale.ROOT, "%nRESULT municipalities=%d documents=%d uses=%d rounds=%d "
                            + "durable=%s fanOutProposalsPerSec=%.0f readableProposalsPerSec=%.0f ceilingRowsPerSec=%.0f "
                            + "ratio=%.2f readableRatio=%.2f target=%.2f verdict=%s usageViewP50Ms=%.1f "
                            + "usageViewRows=%d%n", seeding.municipalities(), options.documents(), seeding.documents(),
                    rounds.size(), options.durable() ? "on" : "off", fanOutPerSecond(), readablePerSecond(),
                    ceiling(), ratio(), readableRatio(), TARGET, ratio() >= TARGET ? "PASS" : "BELOW", usageView[0],
                    (int) usageView[2]));
            return text.toString();
        }
    }

    private ComponentFanOutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        System.setProperty(TestDatabase.DURABLE_PROPERTY, Boolean.toString(options.durable()));
        System.out.print(run(options, line -> System.out.println("… " + line)).render());
        System.exit(0);
    }

    static Report run(Options options, Consumer<String> progress) throws Exception {
        String url = TestDatabase.newDatabase();
        String user = TestDatabase.user();
        String password = TestDatabase.password();
        String settings = ImportBenchmark.configure(url, user, password, options.durable());
        String database = TestDatabase.description() + ", " + ImportBenchmark.serverVersion(url, user, password)
                + ", " + settings;
        progress.accept("database: " + database);
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).properties(Map.of(
                "hyoka.database.url", url,
                "hyoka.database.username", user,
                "hyoka.database.password", password,
                "hyoka.demo.enabled", "false",
                "hyoka.dev-issuer.enabled", "true")).start()) {
            FanOutWorkload workload = new FanOutWorkload(context);
            FanOutWorkload.Seeding seeding = workload.seed(options.municipalities(), options.documents(),
                    options.seeders(), progress);
            progress.accept(String.format(Locale.ROOT, "seeded %,d documents in %.0f s", seeding.documents(),
                    seeding.nanos() / 1e9));
            JdbcBatchCeiling ceiling = new JdbcBatchCeiling(url, user, password, CEILING_ROWS_PER_TRANSACTION,
                    CEILING_ROW_BYTES);
            ceiling.createTable();
            ceiling.insert(seeding.documents(), CEILING_CLIENTS);         // warm-up, not counted
            List<Round> rounds = new ArrayList<>();
            for (int round = 1; round <= options.rounds(); round++) {
                double ceilingRate = 0;
                if (round % 2 == 1) {
                    ceilingRate = ceilingRate(ceiling, seeding.documents());
                }
                FanOutWorkload.Publication publication = workload.publish(round + 1);
                if (round % 2 == 0) {
                    ceilingRate = ceilingRate(ceiling, seeding.documents());
                }
                Round measured = new Round(publication, ceilingRate);
                rounds.add(measured);
                progress.accept(String.format(Locale.ROOT, "round %d: %,d proposals, %.0f ms to the fan-out's commit "
                                + "(%.0f/s), ceiling %.0f rows/s, ratio %.2f", round, publication.proposals(),
                        publication.toFanOutNanos() / 1e6, measured.fanOutPerSecond(), ceilingRate,
                        measured.fanOutPerSecond() / ceilingRate));
            }
            double[] usageView = workload.usageView(options.rounds() + 1, USAGE_VIEW_RUNS);
            return new Report(options, database, seeding, rounds, usageView);
        }
    }

    private static double ceilingRate(JdbcBatchCeiling ceiling, int rows) throws Exception {
        return rows / (ceiling.insert(rows, CEILING_CLIENTS) / 1e9);
    }

    static double median(double[] values) {
        return TwoNodesBenchmark.median(values);
    }
}
