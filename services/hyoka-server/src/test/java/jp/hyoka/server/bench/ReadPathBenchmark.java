package jp.hyoka.server.bench;

import com.sun.management.OperatingSystemMXBean;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.TestDatabase;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Row 8 alone, longer and warmer than the runner's quick profile, with a JFR recording of the measured part only
 * (infra/docs/read-path.md): a warm-up of whole-document reads, then rounds of few-field and whole-document reads
 * by 4 clients interleaved with the 4-client PK SELECT ceiling, and the 1-client p50 against the PK SELECT p50.
 *
 * <pre>infra/scripts/run-harness.sh jp.hyoka.server.bench.ReadPathBenchmark [--side SECONDS] [--rounds N]
 *     [--jfr FILE] [--few-only]</pre>
 * {@code --few-only} measures (and records) the few-field read alone: its profile is not drowned by the whole
 * document's ~5,000 fields per read.
 */
public final class ReadPathBenchmark {

    private ReadPathBenchmark() {
    }

    public static void main(String[] args) {
        Duration side = Duration.ofSeconds(5);
        int rounds = 3;
        Path jfr = null;
        boolean fewOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--side" -> side = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--jfr" -> jfr = Path.of(args[++i]);
                case "--few-only" -> fewOnly = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--side SECONDS, --rounds N, --jfr FILE, --few-only)");
            }
        }
        System.setProperty(TestDatabase.DURABLE_PROPERTY, "true");
        Duration time = side;
        int count = rounds;
        Path recording = jfr;
        List<String> queries = fewOnly ? List.of(ProductServer.READ_FEW)
                : List.of(ProductServer.READ_FEW, ProductServer.READ_WHOLE);
        HarnessMain.run(progress -> run(time, count, recording, queries, progress));
    }

    /**
     * The process's CPU time per operation, one client: less sensitive to a busy machine than reads/s (waiting for
     * a core is not counted), and what the read path's CPU work costs; PostgreSQL's own work is not in it.
     */
    private static double[] cpuMillisPerRead(int rounds, Duration side, Interleaved.Operation read) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Double> perRead = new java.util.ArrayList<>();
        List<Double> serverPerRead = new java.util.ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            long cpu = os.getProcessCpuTime();
            long server = serverThreadsCpuNanos();
            long end = System.nanoTime() + side.toNanos();
            int reads = 0;
            while (System.nanoTime() < end) {
                read.run();
                reads++;
            }
            perRead.add((os.getProcessCpuTime() - cpu) / 1e6 / reads);
            serverPerRead.add((serverThreadsCpuNanos() - server) / 1e6 / reads);
        }
        return new double[] {Interleaved.median(perRead), Interleaved.median(serverPerRead)};
    }

    /**
     * CPU time of the threads that serve a request (Netty's event loops, the GraphQL workers): the server's own work
     * per read, without the in-process client's; threads that ended in between are not counted.
     */
    static long serverThreadsCpuNanos() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (java.lang.management.ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && (thread.getThreadName().startsWith("hyoka-graphql-")
                    || thread.getThreadName().contains("eventLoopGroup"))) {
                total += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return total;
    }

    private static String run(Duration side, int rounds, Path jfr, List<String> queries,
                              java.util.function.Consumer<String> progress)
            throws Exception {
        BenchDatabase database = BenchDatabase.create(true);
        try (ProductServer server = new ProductServer(database);
             JdbcCeilings ceilings = new JdbcCeilings(database.url(), database.user(), database.password())) {
            MunicipalityCode tenant = server.tenant(0);
            GraphQlClient reader = server.editor(tenant, "bench-reader");
            String whole = server.importWholeDocument(tenant, reader);
            List<GraphQlClient> readers = List.of(reader, server.editor(tenant, "bench-reader-2"),
                    server.editor(tenant, "bench-reader-3"), server.editor(tenant, "bench-reader-4"));
            Map<String, Object> variables = Map.of("id", whole);
            progress.accept("warm-up");
            for (String query : queries) {
                Interleaved.perSecond(4, side.multipliedBy(2), client -> () -> readers.get(client)
                        .data("assessment", query, variables));
            }
            ceilings.pkSelectsPerSecond(4, side);
            Recording recording = jfr == null ? null : new Recording(Configuration.getConfiguration("profile"));
            if (recording != null) {
                recording.start();
            }
            StringBuilder report = new StringBuilder();
            for (String query : queries) {
                Interleaved.Measured measured = Interleaved.rounds(rounds, () -> Interleaved.perSecond(4, side,
                        client -> () -> readers.get(client).data("assessment", query, variables)),
                        () -> ceilings.pkSelectsPerSecond(4, side));
                String line = String.format(Locale.ROOT, "%s, 4 clients: %.1f/s vs PK SELECT %.0f/s = %.2f %% "
                                + "(rounds %s)", query.equals(ProductServer.READ_FEW) ? "few fields" : "whole document",
                        measured.productMedian(), measured.ceilingMedian(), 100 * measured.ratio(), measured.ratios());
                progress.accept(line);
                report.append(line).append('\n');
            }
            for (String query : queries) {
                double[] perRead = cpuMillisPerRead(rounds, side, () -> reader.data("assessment", query, variables));
                String cpu = String.format(Locale.ROOT, "%s: %.3f ms of this JVM's CPU per read (server and client, "
                                + "1 client; medians of %d rounds of %s), %.3f ms of it on the server's threads "
                                + "(event loops, GraphQL workers)",
                        query.equals(ProductServer.READ_FEW) ? "few fields" : "whole document", perRead[0], rounds,
                        side, perRead[1]);
                progress.accept(cpu);
                report.append(cpu).append('\n');
            }
            Interleaved.Measured p50 = Interleaved.rounds(rounds, () -> Interleaved.p50Millis(side,
                    () -> reader.data("assessment", ProductServer.READ_FEW, variables)),
                    () -> ceilings.pkSelectP50Millis(side));
            String line = String.format(Locale.ROOT, "few fields p50, 1 client: %.3f ms vs PK SELECT %.3f ms = %.1f× "
                    + "(rounds %s)", p50.productMedian(), p50.ceilingMedian(), p50.ratio(), p50.ratios());
            progress.accept(line);
            report.append(line).append('\n');
            if (recording != null) {
                recording.stop();
                recording.dump(jfr);
                recording.close();
            }
            return report.toString();
        }
    }
}
