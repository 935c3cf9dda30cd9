package jp.hyoka.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.security.DevTokenIssuer;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.TestDatabase;

import java.util.ArrayList;
import java.util.Arrays;
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
 * by round (odd rounds ceiling first), medians. Target: ≥ 30 % of the ceiling. Then, at that size, the latency of the
 * usage view as a client sees it (POST /graphql with a development token, {@link #RUNS} runs after {@link
 * Latency#WARM_UPS} warm-ups, p50 and worst): {@code SharedComponent.usedBy} for a platform operator (every
 * municipality, the first 100 rows by municipality) and for the last municipality's editor (tenant-scoped), and the
 * operator's {@code componentImpact} dry run of a drafted next version; beside them the usage view's raw SQL (uses
 * and proposals per municipality, mode and status) as a baseline. Never asserts a time.
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
    static final int RUNS = 20;
    static final String USED_BY = """
            query($id: ID!) { sharedComponent(id: $id) { usedBy {
                totalCount documents municipalities byVersion { version locked adapted detached }
                proposals { pending adopted declined }
                byMunicipality(first: 100) { edges { node { municipality { code } documents pending } } } } } }""";
    static final String IMPACT = """
            query($id: ID!, $version: Int!) { componentImpact(componentId: $id, version: $version) {
                __typename
                ... on ComponentImpact { status proposals documents municipalities locked cleanMerges conflicts
                    byMunicipality { municipality { code } documents proposals locked cleanMerges conflicts } }
                ... on Problem { code message } } }""";

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

    /** p50 and worst milliseconds of {@code runs} timed calls; what the last one answered. */
    record Latency(double p50Ms, double worstMs, int runs, Object answer) {
        static final int WARM_UPS = 5;

        interface Call {
            Object run() throws Exception;
        }

        /** Times {@code runs} calls after {@link #WARM_UPS} untimed ones, one after the other. */
        static Latency measure(int runs, Call call) throws Exception {
            double[] millis = new double[runs];
            Object answer = null;
            for (int run = -WARM_UPS; run < runs; run++) {
                long start = System.nanoTime();
                answer = call.run();
                if (run >= 0) {
                    millis[run] = (System.nanoTime() - start) / 1e6;
                }
            }
            Arrays.sort(millis);
            return new Latency(median(millis), millis[runs - 1], runs, answer);
        }

        JsonNode json() {
            return (JsonNode) answer;
        }

        String row(String what, String answered) {
            return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %s |%n", what, p50Ms, worstMs, answered);
        }
    }

    /** The usage view at full size: the GraphQL requests and the raw SQL baseline (answer: rows). */
    record UsageView(MunicipalityCode editorOf, int draft, Latency operatorUsedBy, Latency editorUsedBy,
                     Latency impact, Latency sql) {
        JsonNode operatorCounts() {
            return operatorUsedBy.json().path("usedBy");
        }

        JsonNode editorCounts() {
            return editorUsedBy.json().path("usedBy");
        }

        String render() {
            JsonNode operator = operatorCounts();
            JsonNode editor = editorCounts();
            JsonNode dryRun = impact.json();
            return String.format(Locale.ROOT, "%nUsage view at that size (p50 and worst of %d runs after %d warm-ups, "
                    + "one at a time)%n%n", operatorUsedBy.runs(), Latency.WARM_UPS)
                    + "| request | p50 (ms) | worst (ms) | answered |\n|---|---|---|---|\n"
                    + operatorUsedBy.row("POST /graphql `usedBy`, platform operator", String.format(Locale.ROOT,
                    "%,d uses, %,d municipalities, %d rows by municipality", operator.path("totalCount").asInt(),
                    operator.path("municipalities").asInt(), operator.path("byMunicipality").path("edges").size()))
                    + editorUsedBy.row("POST /graphql `usedBy`, " + editorOf.value() + "'s editor (tenant-scoped)",
                    String.format(Locale.ROOT, "%d uses, %d pending", editor.path("totalCount").asInt(),
                            editor.path("proposals").path("pending").asInt()))
                    + impact.row("POST /graphql `componentImpact` of draft v" + draft + ", platform operator",
                    String.format(Locale.ROOT, "%,d proposals (%,d locked, %,d clean merges, %,d conflicts), %,d "
                                    + "municipalities", dryRun.path("proposals").asInt(), dryRun.path("locked").asInt(),
                            dryRun.path("cleanMerges").asInt(), dryRun.path("conflicts").asInt(),
                            dryRun.path("byMunicipality").size()))
                    + sql.row("baseline: the usage view's raw SQL (JDBC, login role)",
                    String.format(Locale.ROOT, "%,d rows", (Integer) sql.answer()));
        }
    }

    record Report(Options options, String database, FanOutWorkload.Seeding seeding, List<Round> rounds,
                  UsageView usageView) {

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
            text.append(usageView.render());
            text.append(String.format(Locale.ROOT, "%nRESULT municipalities=%d documents=%d uses=%d rounds=%d "
                            + "durable=%s fanOutProposalsPerSec=%.0f readableProposalsPerSec=%.0f ceilingRowsPerSec=%.0f "
                            + "ratio=%.2f readableRatio=%.2f target=%.2f verdict=%s usedByOperatorP50Ms=%.1f "
                            + "usedByOperatorWorstMs=%.1f usedByEditorP50Ms=%.1f usedByEditorWorstMs=%.1f "
                            + "impactP50Ms=%.1f impactWorstMs=%.1f usageViewSqlP50Ms=%.1f usageViewRows=%d%n",
                    seeding.municipalities(), options.documents(), seeding.documents(), rounds.size(),
                    options.durable() ? "on" : "off", fanOutPerSecond(), readablePerSecond(), ceiling(), ratio(),
                    readableRatio(), TARGET, ratio() >= TARGET ? "PASS" : "BELOW",
                    usageView.operatorUsedBy().p50Ms(), usageView.operatorUsedBy().worstMs(),
                    usageView.editorUsedBy().p50Ms(), usageView.editorUsedBy().worstMs(), usageView.impact().p50Ms(),
                    usageView.impact().worstMs(), usageView.sql().p50Ms(), (Integer) usageView.sql().answer()));
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
        BenchDatabase db = BenchDatabase.create(options.durable());
        String database = db.description();
        progress.accept("database: " + database);
        try (EmbeddedServer server = db.startServer(Map.of())) {
            ApplicationContext context = server.getApplicationContext();
            FanOutWorkload workload = new FanOutWorkload(context);
            FanOutWorkload.Seeding seeding = workload.seed(options.municipalities(), options.documents(),
                    options.seeders(), progress);
            progress.accept(String.format(Locale.ROOT, "seeded %,d documents in %.0f s", seeding.documents(),
                    seeding.nanos() / 1e9));
            JdbcBatchCeiling ceiling = new JdbcBatchCeiling(db.url(), db.user(), db.password(),
                    CEILING_ROWS_PER_TRANSACTION, CEILING_ROW_BYTES);
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
            UsageView usageView = usageView(server, workload, options.rounds() + 2);
            progress.accept(String.format(Locale.ROOT, "usage view: usedBy %.0f ms (operator), %.0f ms (editor), "
                            + "componentImpact %.0f ms, raw SQL %.0f ms (p50)", usageView.operatorUsedBy().p50Ms(),
                    usageView.editorUsedBy().p50Ms(), usageView.impact().p50Ms(), usageView.sql().p50Ms()));
            return new Report(options, database, seeding, rounds, usageView);
        }
    }

    /**
     * Times the usage view over HTTP as its clients call it, one request at a time: the operator's and the last
     * municipality's editor's {@code usedBy}, and the operator's dry run of {@code draft} (drafted here); then the
     * raw SQL baseline (the proposals of the version published last).
     */
    private static UsageView usageView(EmbeddedServer server, FanOutWorkload workload, int draft) throws Exception {
        workload.draft(draft);
        DevTokenIssuer issuer = server.getApplicationContext().getBean(DevTokenIssuer.class);
        MunicipalityCode editorOf = workload.lastMunicipality();
        GraphQlClient operator = new GraphQlClient(server.getURI(), issuer.issue("bench-operator", "運営 計測", null,
                List.of("platform-operator")));
        GraphQlClient editor = new GraphQlClient(server.getURI(), issuer.issue("bench-editor", "団体 計測", editorOf,
                List.of("editor")));
        Map<String, Object> component = Map.of("id", FanOutWorkload.COMPONENT);
        Latency operatorUsedBy = Latency.measure(RUNS, () -> operator.data("sharedComponent", USED_BY, component));
        Latency editorUsedBy = Latency.measure(RUNS, () -> editor.data("sharedComponent", USED_BY, component));
        Latency impact = Latency.measure(RUNS, () -> operator.data("componentImpact", IMPACT,
                Map.of("id", FanOutWorkload.COMPONENT, "version", draft)));
        if (!impact.json().path("__typename").asText().equals("ComponentImpact")) {
            throw new IllegalStateException("dry run refused: " + impact.json());
        }
        return new UsageView(editorOf, draft, operatorUsedBy, editorUsedBy, impact,
                workload.usageView(draft - 1, RUNS));
    }

    private static double ceilingRate(JdbcBatchCeiling ceiling, int rows) throws Exception {
        return rows / (ceiling.insert(rows, CEILING_CLIENTS) / 1e9);
    }

    static double median(double[] values) {
        return TwoNodesBenchmark.median(values);
    }
}
