package jp.hyoka.server.bench;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.support.TestDatabase;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Row 1's verdict line alone (command in → commit, a kept assessment), longer and warmer than the runner's quick
 * profile, against the same single-row INSERT in the same JVM, interleaved round by round; with the request
 * thread's CPU per command and a JFR recording of the measured part only (infra/docs/edit-path.md).
 * <pre>infra/scripts/run-harness.sh jp.hyoka.server.bench.CommandCommitProbe [--side SECONDS] [--rounds N]
 *     [--jfr FILE]</pre>
 */
public final class CommandCommitProbe {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CommandCommitProbe() {
    }

    public static void main(String[] args) {
        Duration side = Duration.ofSeconds(3);
        int rounds = 5;
        Path jfr = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--side" -> side = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--jfr" -> jfr = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--side SECONDS, --rounds N, --jfr FILE)");
            }
        }
        System.setProperty(TestDatabase.DURABLE_PROPERTY, "true");
        Duration time = side;
        int count = rounds;
        Path recording = jfr;
        HarnessMain.run(progress -> run(time, count, recording, progress));
    }

    private static String run(Duration side, int rounds, Path jfr, java.util.function.Consumer<String> progress)
            throws Exception {
        BenchDatabase database = BenchDatabase.create(true);
        try (ProductServer server = new ProductServer(database);
             JdbcCeilings ceilings = new JdbcCeilings(database.url(), database.user(), database.password())) {
            MunicipalityCode tenant = server.tenant(0);
            ProductServer.InProcessEditor editor = new ProductServer.InProcessEditor(server.context(),
                    ProductServer.caller(tenant, "probe-commit"));
            progress.accept("warm-up");
            Interleaved.p50Millis(side.multipliedBy(3), editor::commit);
            ceilings.insertP50Millis(side);
            Recording recording = jfr == null ? null : new Recording(Configuration.getConfiguration("profile"));
            if (recording != null) {
                // one CPU sample a millisecond (the profile's 10-20 ms gives too few of a sub-millisecond command)
                recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
                recording.start();
            }
            Interleaved.Measured measured = Interleaved.rounds(rounds, () -> Interleaved.p50Millis(side,
                    editor::commit), () -> ceilings.insertP50Millis(side));
            List<Double> cpu = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                long began = THREADS.getCurrentThreadCpuTime();
                long end = System.nanoTime() + side.toNanos();
                int commands = 0;
                while (System.nanoTime() < end) {
                    editor.commit();
                    commands++;
                }
                cpu.add((THREADS.getCurrentThreadCpuTime() - began) / 1e3 / commands);
            }
            if (recording != null) {
                recording.stop();
                recording.dump(jfr);
                recording.close();
            }
            return String.format(Locale.ROOT, "row 1 command in → commit p50 %.3f ms vs INSERT p50 %.3f ms = %.2f× "
                            + "(rounds %s); request thread's CPU per command %.0f µs (rounds %s)%n",
                    measured.productMedian(), measured.ceilingMedian(), measured.ratio(), measured.ratios(),
                    Interleaved.median(cpu), cpu);
        }
    }
}
