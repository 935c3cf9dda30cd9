package jp.hyoka.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.ServerNodes;
import jp.hyoka.server.support.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 14's two-node figure: the p50 latency of one edit (answerItem over HTTP, read-your-writes included) sent to
 * the node that holds the read-model processor's token and to a node that does not, one client each, interleaved
 * rounds, medians; beside them the single-row durable INSERT latency by raw JDBC on the same PostgreSQL (the
 * BENCHMARKS.md row-1 ceiling). Target: the second node within 2 × the first.
 *
 * <pre>infra/scripts/bench-two-nodes.sh [--edits 100] [--rounds 3] [--durable on]</pre>
 */
public final class TwoNodesBenchmark {

    static final double TARGET = 2.0;
    private static final MunicipalityCode TENANT = new MunicipalityCode("141305");
    private static final String START = """
            mutation { startAssessment(input: {kind: KEY_ITEMS, affairName: "二台の計測"}) {
              ... on AssessmentEdited { revision assessment { id } } } }""";
    private static final String ANSWER = """
            mutation($id: ID!, $rev: Int!, $text: String!) {
              answerItem(input: {assessmentId: $id, expectedRevision: $rev, itemId: "department.name",
                                 value: {text: $text}}) {
                __typename ... on AssessmentEdited { revision } ... on Problem { code message } } }""";

    record Options(int edits, int rounds, boolean durable) {
        static Options parse(String... args) {
            Map<String, String> given = new HashMap<>(Map.of("--edits", "100", "--rounds", "3", "--durable", "on"));
            for (int i = 0; i + 1 < args.length; i += 2) {
                given.put(args[i], args[i + 1]);
            }
            return new Options(Integer.parseInt(given.get("--edits")), Integer.parseInt(given.get("--rounds")),
                    given.get("--durable").equals("on"));
        }
    }

    /** Medians in milliseconds per round: token holder, other node, raw INSERT. */
    record Round(double holderMs, double otherMs, double insertMs) {
    }

    record Report(Options options, List<Round> rounds) {
        double holderMs() {
            return median(rounds.stream().mapToDouble(Round::holderMs).toArray());
        }

        double otherMs() {
            return median(rounds.stream().mapToDouble(Round::otherMs).toArray());
        }

        double insertMs() {
            return median(rounds.stream().mapToDouble(Round::insertMs).toArray());
        }

        double ratio() {
            return otherMs() / holderMs();
        }

        String render() {
            StringBuilder text = new StringBuilder("# Two nodes on one PostgreSQL: edit latency\n\n")
                    .append("| round | p50 token holder (ms) | p50 other node (ms) | other / holder | p50 INSERT (ms) |\n")
                    .append("|---|---|---|---|---|\n");
            for (int i = 0; i < rounds.size(); i++) {
                Round round = rounds.get(i);
                text.append(String.format(Locale.ROOT, "| %d | %.2f | %.2f | %.2f | %.3f |%n", i + 1,
                        round.holderMs(), round.otherMs(), round.otherMs() / round.holderMs(), round.insertMs()));
            }
            text.append(String.format(Locale.ROOT, "%nRESULT edits=%d rounds=%d durable=%s holderMs=%.2f otherMs=%.2f "
                            + "insertMs=%.3f ratio=%.2f target=%.1f verdict=%s%n", options.edits(), options.rounds(),
                    options.durable() ? "on" : "off", holderMs(), otherMs(), insertMs(), ratio(), TARGET,
                    ratio() <= TARGET ? "PASS" : "ABOVE"));
            return text.toString();
        }
    }

    private TwoNodesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        System.setProperty(TestDatabase.DURABLE_PROPERTY, Boolean.toString(options.durable()));
        System.out.print(run(options).render());
        System.exit(0);
    }

    static Report run(Options options) throws SQLException {
        String database = TestDatabase.newDatabase();
        try (ServerNodes nodes = new ServerNodes(2, database, Map.of());
             Connection jdbc = DriverManager.getConnection(database, TestDatabase.user(), TestDatabase.password())) {
            nodes.register(TENANT, "川崎市");
            GraphQlClient holder = nodes.client(0, "bench-0", TENANT, List.of("editor"));
            GraphQlClient other = nodes.client(1, "bench-1", TENANT, List.of("editor"));
            Editor onHolder = new Editor(holder);
            Editor onOther = new Editor(other);
            InsertCeiling ceiling = new InsertCeiling(jdbc);
            onHolder.edit(options.edits());                      // warm-up: JIT, pools, caches
            onOther.edit(options.edits());
            List<Round> rounds = new ArrayList<>();
            for (int round = 0; round < options.rounds(); round++) {
                rounds.add(new Round(onHolder.edit(options.edits()), onOther.edit(options.edits()),
                        ceiling.insert(options.edits())));
            }
            return new Report(options, rounds);
        }
    }

    /** One client editing a document of its own through one node, one edit after the other. */
    private static final class Editor {
        private final GraphQlClient client;
        private final String id;
        private long revision;

        Editor(GraphQlClient client) {
            this.client = client;
            JsonNode started = client.data("startAssessment", START, Map.of());
            this.id = started.path("assessment").path("id").asText();
            this.revision = started.path("revision").asLong();
        }

        /** Median milliseconds per edit. */
        double edit(int edits) {
            double[] millis = new double[edits];
            for (int i = 0; i < edits; i++) {
                long start = System.nanoTime();
                JsonNode result = client.data("answerItem", ANSWER, Map.of("id", id, "rev", revision,
                        "text", "計測 " + revision));
                millis[i] = (System.nanoTime() - start) / 1e6;
                if (!result.path("__typename").asText().equals("AssessmentEdited")) {
                    throw new IllegalStateException("edit refused: " + result);
                }
                revision = result.path("revision").asLong();
            }
            return median(millis);
        }
    }

    /** The ceiling: one single-row INSERT per transaction (autocommit), ~1 KB of jsonb, one client. */
    private static final class InsertCeiling {
        private final Connection connection;

        InsertCeiling(Connection connection) throws SQLException {
            this.connection = connection;
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE TABLE IF NOT EXISTS bench_insert (id bigserial PRIMARY KEY, body jsonb)");
            }
        }

        double insert(int rows) throws SQLException {
            double[] millis = new double[rows];
            String body = "{\"text\": \"" + "計".repeat(300) + "\"}";
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO bench_insert (body) VALUES (?::jsonb)")) {
                for (int i = 0; i < rows; i++) {
                    long start = System.nanoTime();
                    insert.setString(1, body);
                    insert.executeUpdate();
                    millis[i] = (System.nanoTime() - start) / 1e6;
                }
            }
            return median(millis);
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
