package jp.hyoka.server.bench;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jp.hyoka.domain.shared.MunicipalityCode;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Row 2 alone, warm, with where its CPU goes (infra/docs/edit-path.md): 16 editors over HTTP, each on a document of
 * its own, in a closed loop as {@code BenchRunner.rowTwo} runs them; per round the edits/s, the CPU per edit of this
 * JVM (server and the in-process clients) and of PostgreSQL's processes, and this JVM's CPU per edit by thread
 * group (Netty's event loops, GraphQL workers, the read-model processor, the clients …); optionally a JFR recording
 * of the measured part only.
 *
 * <pre>infra/scripts/run-harness.sh jp.hyoka.server.bench.EditorsProbe [--side SECONDS] [--rounds N]
 *     [--warm-up SECONDS] [--jfr FILE]</pre>
 * The warm-up (30 s unless told) lets the JIT compile the edit path first: on a busy machine a few hundred edits are
 * not enough, and the CPU per edit of a cold JVM is mostly the interpreter's.
 */
public final class EditorsProbe {

    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int EDITORS = 16;

    private EditorsProbe() {
    }

    public static void main(String[] args) {
        Duration side = Duration.ofSeconds(5);
        int rounds = 3;
        Duration warmUp = Duration.ofSeconds(30);
        Path jfr = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--side" -> side = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warm-up" -> warmUp = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--jfr" -> jfr = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--side SECONDS, --rounds N, --warm-up SECONDS, --jfr FILE)");
            }
        }
        System.setProperty(jp.hyoka.server.support.TestDatabase.DURABLE_PROPERTY, "true");
        Duration time = side;
        int count = rounds;
        Path recording = jfr;
        Duration warm = warmUp;
        HarnessMain.run(progress -> run(time, count, warm, recording, progress));
    }

    private static String run(Duration side, int rounds, Duration warmUp, Path jfr, java.util.function.Consumer<String> progress)
            throws Exception {
        BenchDatabase database = BenchDatabase.create(true);
        try (ProductServer server = new ProductServer(database);
             JdbcCeilings ceilings = new JdbcCeilings(database.url(), database.user(), database.password())) {
            MunicipalityCode tenant = server.tenant(0);
            List<ProductServer.Editor> editors = new ArrayList<>();
            for (int editor = 0; editor < EDITORS; editor++) {
                editors.add(server.httpEditor(tenant, "probe-16-" + editor));
            }
            long postmaster = EditCostProbe.postmaster(server.context().getBean(DataSource.class));
            progress.accept("warm-up");
            Interleaved.perSecond(EDITORS, warmUp, editor -> editors.get(editor)::edit);
            Recording recording = jfr == null ? null : new Recording(Configuration.getConfiguration("profile"));
            if (recording != null) {
                recording.start();
            }
            StringBuilder report = new StringBuilder();
            for (int round = 0; round < rounds; round++) {
                double inserts = ceilings.insertsPerSecond(EDITORS, side);
                Map<String, Long> threadsBefore = cpuByThreadGroup();
                long jvm = PROCESS.getProcessCpuTime();
                long pg = EditCostProbe.postgresCpu(postmaster);
                long began = System.nanoTime();
                double perSecond = Interleaved.perSecond(EDITORS, side, editor -> editors.get(editor)::edit);
                double edits = perSecond * (System.nanoTime() - began) / 1e9;
                double jvmPerEdit = (PROCESS.getProcessCpuTime() - jvm) / 1e6 / edits;
                double pgPerEdit = (EditCostProbe.postgresCpu(postmaster) - pg) / 1e6 / edits;
                Map<String, Long> threadsAfter = cpuByThreadGroup();
                StringBuilder groups = new StringBuilder();
                threadsAfter.forEach((group, nanos) -> {
                    double perEdit = (nanos - threadsBefore.getOrDefault(group, 0L)) / 1e6 / edits;
                    if (perEdit >= 0.005) {
                        groups.append(String.format(Locale.ROOT, " %s %.3f", group, perEdit));
                    }
                });
                String line = String.format(Locale.ROOT, "round %d: %.0f edits/s vs 16-client INSERT %.0f/s = %.2f %%;"
                                + " CPU per edit %.2f ms JVM + %.2f ms PostgreSQL; JVM by thread group (ms/edit):%s",
                        round + 1, perSecond, inserts, 100 * perSecond / inserts, jvmPerEdit, pgPerEdit, groups);
                progress.accept(line);
                report.append(line).append('\n');
            }
            if (recording != null) {
                recording.stop();
                recording.dump(jfr);
                recording.close();
            }
            return report.toString();
        }
    }

    /** CPU time of the live threads, by their name with the digits taken out (a pool's threads as one group). */
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
}
