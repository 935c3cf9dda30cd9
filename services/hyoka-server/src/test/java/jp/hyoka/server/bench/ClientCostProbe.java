package jp.hyoka.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.management.OperatingSystemMXBean;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.TestDatabase;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the load side costs: the HTTP rows' operations (row 8's few-field and whole-document reads, row 1/2's edit)
 * sent by one client through the benchmark's former client ({@link GraphQlClient}: JDK HttpClient, a Jackson tree per
 * answer) and through {@link LeanHttpClient}, rounds alternated on one server in one JVM, each round's CPU per
 * operation split into the server's request threads (Netty's event loops, GraphQL workers) and the rest of the JVM
 * (the client, plus background threads both sides share). CPU time, not wall time: the figure a busy machine moves
 * least. PostgreSQL's processes are not in it.
 *
 * <pre>infra/scripts/run-harness.sh jp.hyoka.server.bench.ClientCostProbe [--side SECONDS] [--rounds N]</pre>
 */
public final class ClientCostProbe {

    private ClientCostProbe() {
    }

    public static void main(String[] args) {
        Duration side = Duration.ofSeconds(3);
        int rounds = 4;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--side" -> side = Duration.ofMillis((long) (Double.parseDouble(args[++i]) * 1000));
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--side SECONDS, --rounds N)");
            }
        }
        System.setProperty(TestDatabase.DURABLE_PROPERTY, "true");
        Duration time = side;
        int count = rounds;
        HarnessMain.run(progress -> run(time, count, progress));
    }

    private static String run(Duration side, int rounds, java.util.function.Consumer<String> progress)
            throws Exception {
        BenchDatabase database = BenchDatabase.create(true);
        try (ProductServer server = new ProductServer(database)) {
            MunicipalityCode tenant = server.tenant(0);
            GraphQlClient jdk = server.editor(tenant, "probe-jdk");
            LeanHttpClient lean = server.leanEditor(tenant, "probe-lean");
            String whole = server.importWholeDocument(tenant, jdk);
            Map<String, Object> variables = Map.of("id", whole);
            Map<String, Interleaved.Operation[]> operations = new LinkedHashMap<>();
            for (Map.Entry<String, String> read : List.of(Map.entry("few fields", ProductServer.READ_FEW),
                    Map.entry("whole document", ProductServer.READ_WHOLE))) {
                LeanHttpClient.Request request = lean.prepare(GraphQlBodies.of(read.getValue(), variables));
                ReferenceAnswer reference = ReferenceAnswer.of(lean.send(request), "assessment");
                progress.accept(read.getKey() + ": the server's answer is framed by " + lean.lastFraming());
                operations.put(read.getKey(), new Interleaved.Operation[]{
                        () -> jdk.data("assessment", read.getValue(), variables),
                        () -> reference.check(lean.send(request))});
            }
            JsonNode started = ProductServer.start(jdk);
            String jdkDocument = started.path("assessment").path("id").asText();
            long[] jdkRevision = {started.path("revision").asLong()};
            operations.put("edit", new Interleaved.Operation[]{() -> {
                // what ProductServer.Editor did before it sent its edits through the lean client
                JsonNode edited = jdk.data("answerItem", ProductServer.ANSWER, Map.of("id", jdkDocument, "rev",
                        jdkRevision[0], "text", "計測 " + jdkRevision[0]));
                if (!edited.path("__typename").asText().equals("AssessmentEdited")) {
                    throw new IllegalStateException("edit refused: " + edited);
                }
                jdkRevision[0] = edited.path("revision").asLong();
            }, server.httpEditor(tenant, "probe-lean-editor")::edit});
            StringBuilder report = new StringBuilder();
            for (Map.Entry<String, Interleaved.Operation[]> operation : operations.entrySet()) {
                for (Interleaved.Operation each : operation.getValue()) {
                    cpuPerOperation(side, each);                                    // warm-up, not counted
                }
                List<double[]> jdkRounds = new ArrayList<>();
                List<double[]> leanRounds = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    boolean jdkFirst = round % 2 == 0;
                    Interleaved.Operation[] clients = operation.getValue();
                    (jdkFirst ? jdkRounds : leanRounds).add(cpuPerOperation(side, clients[jdkFirst ? 0 : 1]));
                    (jdkFirst ? leanRounds : jdkRounds).add(cpuPerOperation(side, clients[jdkFirst ? 1 : 0]));
                }
                String line = String.format(Locale.ROOT, "%s, 1 client, per operation (medians of %d rounds of "
                                + "%s): JDK HttpClient + Jackson tree: CPU ms JVM %.3f, server threads %.3f, rest %.3f; "
                                + "%.0f/s, p50 %.2f ms | lean: CPU ms JVM %.3f, server threads %.3f, rest %.3f; %.0f/s, "
                                + "p50 %.2f ms", operation.getKey(), rounds, side, median(jdkRounds, 0),
                        median(jdkRounds, 1), median(jdkRounds, 2), median(jdkRounds, 3), median(jdkRounds, 4),
                        median(leanRounds, 0), median(leanRounds, 1), median(leanRounds, 2), median(leanRounds, 3),
                        median(leanRounds, 4));
                progress.accept(line);
                report.append(line).append('\n');
            }
            return report.toString();
        }
    }

    /** {JVM CPU ms, server threads' CPU ms, the rest, operations/s, p50 ms} per operation over one side. */
    private static double[] cpuPerOperation(Duration side, Interleaved.Operation operation) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long server = ReadPathBenchmark.serverThreadsCpuNanos();
        long start = System.nanoTime();
        long end = start + side.toNanos();
        List<Double> millis = new ArrayList<>();
        while (System.nanoTime() < end) {
            long began = System.nanoTime();
            operation.run();
            millis.add((System.nanoTime() - began) / 1e6);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int done = millis.size();
        double jvm = (os.getProcessCpuTime() - cpu) / 1e6 / done;
        double serverThreads = (ReadPathBenchmark.serverThreadsCpuNanos() - server) / 1e6 / done;
        return new double[]{jvm, serverThreads, jvm - serverThreads, done / seconds, Interleaved.median(millis)};
    }

    private static double median(List<double[]> rounds, int index) {
        return Interleaved.median(rounds.stream().map(round -> round[index]).toList());
    }
}
