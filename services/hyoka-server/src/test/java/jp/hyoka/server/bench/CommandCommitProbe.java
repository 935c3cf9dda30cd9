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
import java.util.Map;

/**
 * Row 1's verdict line alone (command in → commit, a kept assessment), longer and warmer than the runner's quick
 * profile, against the same single-row INSERT in the same JVM, interleaved round by round; with the request
 * thread's CPU per command and a JFR recording of the measured part only (infra/docs/edit-path.md).
 * With {@code --clients 16}, row 2's command line instead: 16 clients in a closed loop ({@code --command start}:
 * StartAssessment, event + chain link + outbox row, as the runner's row 2; {@code answer}: AnswerItem on each
 * client's own document, no outbox row), in one municipality or 16 ({@code --municipalities}), against 16-client
 * INSERT/s; then one more side with the CPU per command by thread group (this JVM) and of PostgreSQL's processes,
 * and PostgreSQL's backends sampled ({@link WaitSampler}: their wait events and the locks waited for).
 * <pre>infra/scripts/run-harness.sh jp.hyoka.server.bench.CommandCommitProbe [--side SECONDS] [--rounds N]
 *     [--jfr FILE] [--clients 1|16] [--municipalities 1|16] [--command start|answer]</pre>
 */
public final class CommandCommitProbe {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private CommandCommitProbe() {
    }

    /** What the probe runs: its sides, and for 16 clients which command and how many municipalities. */
    private record Options(Duration side, int rounds, Path jfr, int clients, int municipalities, String command) {
    }

    public static void main(String[] args) {
        Duration side = Duration.ofSeconds(3);
        int rounds = 5;
        Path jfr = null;
        int clients = 1;
        int municipalities = 1;
        String command = "start";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--side" -> side = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--jfr" -> jfr = Path.of(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--municipalities" -> municipalities = Integer.parseInt(args[++i]);
                case "--command" -> command = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--side SECONDS, --rounds N, --jfr FILE, --clients N, --municipalities 1|N, "
                        + "--command start|answer)");
            }
        }
        System.setProperty(TestDatabase.DURABLE_PROPERTY, "true");
        Options options = new Options(side, rounds, jfr, clients, municipalities, command);
        HarnessMain.run(progress -> options.clients() == 1 ? run(options.side(), options.rounds(), options.jfr(),
                progress) : runMany(options, progress));
    }

    private static Recording record(Path jfr) {
        Recording recording = null;
        if (jfr != null) {
            try {
                recording = new Recording(Configuration.getConfiguration("profile"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            // one CPU sample a millisecond (the profile's 10-20 ms gives too few of a sub-millisecond command)
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
            recording.start();
        }
        return recording;
    }

    private static void dump(Recording recording, Path jfr) throws java.io.IOException {
        if (recording != null) {
            recording.stop();
            recording.dump(jfr);
            recording.close();
        }
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
            Recording recording = record(jfr);
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
            dump(recording, jfr);
            return String.format(Locale.ROOT, "row 1 command in → commit p50 %.3f ms vs INSERT p50 %.3f ms = %.2f× "
                            + "(rounds %s); request thread's CPU per command %.0f µs (rounds %s)%n",
                    measured.productMedian(), measured.ceilingMedian(), measured.ratio(), measured.ratios(),
                    Interleaved.median(cpu), cpu);
        }
    }

    /** Row 2's command line with {@code clients} clients: throughput rounds, then one side of CPU and waits. */
    private static String runMany(Options options, java.util.function.Consumer<String> progress) throws Exception {
        BenchDatabase database = BenchDatabase.create(true);
        Duration side = options.side();
        int clients = options.clients();
        try (ProductServer server = new ProductServer(database);
             JdbcCeilings ceilings = new JdbcCeilings(database.url(), database.user(), database.password())) {
            List<Interleaved.Operation> operations = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                MunicipalityCode tenant = server.tenant(options.municipalities() == 1 ? 0 : client);
                var caller = ProductServer.caller(tenant, "probe-" + client);
                if (options.command().equals("answer")) {
                    operations.add(new ProductServer.InProcessEditor(server.context(), caller)::commit);
                } else {
                    operations.add(new ProductServer.DocumentStarter(server.context(), caller)::commit);
                }
            }
            long postmaster = EditCostProbe.postmaster(server.context().getBean(javax.sql.DataSource.class));
            progress.accept("warm-up");
            Interleaved.perSecond(clients, side.multipliedBy(3), operations::get);
            ceilings.insertsPerSecond(clients, side);
            Recording recording = record(options.jfr());
            Interleaved.Measured measured = Interleaved.rounds(options.rounds(), () -> Interleaved.perSecond(clients,
                    side, operations::get), () -> ceilings.insertsPerSecond(clients, side));
            Map<String, Long> threadsBefore = EditorsProbe.cpuByThreadGroup();
            long jvm = PROCESS.getProcessCpuTime();
            long pg = EditCostProbe.postgresCpu(postmaster);
            long began = System.nanoTime();
            double perSecond;
            String waits;
            java.util.concurrent.atomic.LongAdder clientCpu = new java.util.concurrent.atomic.LongAdder();
            try (WaitSampler sampler = new WaitSampler(database)) {
                // the clients' own CPU, measured on their threads (the pool's threads are gone after the side)
                perSecond = Interleaved.perSecond(clients, side, client -> () -> {
                    long before = THREADS.getCurrentThreadCpuTime();
                    operations.get(client).run();
                    clientCpu.add(THREADS.getCurrentThreadCpuTime() - before);
                });
                waits = sampler.report();
            }
            double commands = perSecond * (System.nanoTime() - began) / 1e9;
            double jvmPerCommand = (PROCESS.getProcessCpuTime() - jvm) / 1e3 / commands;
            double pgPerCommand = (EditCostProbe.postgresCpu(postmaster) - pg) / 1e3 / commands;
            StringBuilder groups = new StringBuilder(String.format(Locale.ROOT, " clients (the command's thread) %.0f",
                    clientCpu.sum() / 1e3 / commands));
            EditorsProbe.cpuByThreadGroup().forEach((group, nanos) -> {
                double perCommand = (nanos - threadsBefore.getOrDefault(group, 0L)) / 1e3 / commands;
                if (perCommand >= 5) {
                    groups.append(String.format(Locale.ROOT, " %s %.0f", group, perCommand));
                }
            });
            dump(recording, options.jfr());
            return String.format(Locale.ROOT, "row 2 command in → commit (%s), %d clients, %d municipalit%s: %.0f "
                            + "commands/s vs %d-client INSERT %.0f/s = %.2f %% (rounds %s)%nCPU side: %.0f commands/s; "
                            + "CPU per command %.0f µs JVM + %.0f µs PostgreSQL; JVM by thread group (µs/command):%s%n"
                            + "PostgreSQL during the CPU side: %s%n", options.command(), clients,
                    options.municipalities(), options.municipalities() == 1 ? "y" : "ies", measured.productMedian(),
                    clients, measured.ceilingMedian(), 100 * measured.ratio(), measured.ratios(), perSecond,
                    jvmPerCommand, pgPerCommand, groups, waits);
        }
    }
}
