package jp.hyoka.server.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU of this JVM's JIT compiler threads beside the whole process's, so that a benchmark can tell whether it runs
 * warm (the compilers idle) or measures the JIT's warm-up. JFR samples Java threads only, so the compilers never show
 * in a profile; on Linux their OS threads ({@code /proc/self/task/<tid>/stat}, named {@code C1 CompilerThre…} and
 * {@code C2 CompilerThre…}, as {@link ImportCostProbe} reads them) give their CPU exactly. Elsewhere the
 * {@link CompilationMXBean}'s accumulated compilation time stands in (elapsed time of the compilations, an upper bound
 * of their CPU).
 *
 * <p>A sample keeps each compiler thread's CPU by thread id: the JVM adds and removes compiler threads as its queue
 * grows and drains ({@code UseDynamicNumberOfCompilerThreads}), so a difference counts a thread started meanwhile
 * from zero, and loses only what a thread that ended meanwhile spent since the earlier sample.
 */
final class JitCpu {

    /** Linux's USER_HZ: /proc/[pid]/task/[tid]/stat counts CPU time in 1/100 s. */
    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final CompilationMXBean COMPILATION = ManagementFactory.getCompilationMXBean();

    /** What the compiler threads and the process had spent at one moment. */
    record Sample(Map<Long, Long> compilerNanosByThread, long processNanos) {

        /** The compilers' and the process's CPU from {@code earlier} to this sample. */
        Spent since(Sample earlier) {
            long compilers = 0;
            for (Map.Entry<Long, Long> thread : compilerNanosByThread.entrySet()) {
                compilers += thread.getValue() - earlier.compilerNanosByThread.getOrDefault(thread.getKey(), 0L);
            }
            return new Spent(Math.max(0, compilers), Math.max(0, processNanos - earlier.processNanos));
        }
    }

    /** CPU spent in an interval: by the JIT compilers, and by the whole process (the compilers included). */
    record Spent(long compilerNanos, long processNanos) {

        static final Spent NONE = new Spent(0, 0);

        /** The compilers' share of the process's CPU (0 when the process spent none). */
        double share() {
            return processNanos <= 0 ? 0 : (double) compilerNanos / processNanos;
        }

        Spent plus(Spent other) {
            return new Spent(compilerNanos + other.compilerNanos, processNanos + other.processNanos);
        }
    }

    private JitCpu() {
    }

    /** Where the compilers' figure comes from, for the report. */
    static String source() {
        return Files.isDirectory(TASKS) ? "CPU of the C1/C2 compiler threads (/proc/self/task)"
                : "the JVM's accumulated compilation time (CompilationMXBean; no /proc here)";
    }

    static Sample now() {
        Map<Long, Long> compilers = new HashMap<>();
        if (Files.isDirectory(TASKS)) {
            try (Stream<Path> tasks = Files.list(TASKS)) {
                tasks.forEach(task -> {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        if (isCompiler(name)) {
                            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            compilers.put(Long.parseLong(task.getFileName().toString()),
                                    (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK);
                        }
                    } catch (Exception gone) {
                        // a thread that ended while the directory was listed
                    }
                });
            } catch (Exception unreadable) {
                throw new IllegalStateException("cannot read " + TASKS, unreadable);
            }
        } else if (COMPILATION != null && COMPILATION.isCompilationTimeMonitoringSupported()) {
            compilers.put(-1L, COMPILATION.getTotalCompilationTime() * 1_000_000L);
        }
        return new Sample(Map.copyOf(compilers), PROCESS.getProcessCpuTime());
    }

    /** HotSpot's names for its compiler threads, cut to Linux's 15 characters ("C2 CompilerThre"). */
    static boolean isCompiler(String threadName) {
        return threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre");
    }
}
