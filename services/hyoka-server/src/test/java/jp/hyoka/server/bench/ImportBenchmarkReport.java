package jp.hyoka.server.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What a run measured, per size of the event table: the product's import rates and the JDBC batch ceiling of the
 * same rounds, their medians and the ratio against BENCHMARKS.md row 4 (≥ 50 %). Renders a table for people and one
 * {@code RESULT} line per size for scripts and the smoke test.
 */
public record ImportBenchmarkReport(Setup setup, List<Level> levels) {

    /** Row 4's target: the import rate as a share of the JDBC batch ceiling. */
    public static final double TARGET = 0.50;

    /**
     * How the run was set up (for the header). {@code eventsPerSet}: events stored per set; {@code documentRowsPerSet}:
     * the per-answer events they stand for, the unit of the rates and of the ceiling's rows (see
     * {@link ImportWorkload.Timing}); {@code storedBytesPerSet}: payload and metadata bytes stored per set.
     */
    public record Setup(String database, String settings, List<Integer> clients, int rounds, int setsPerRound,
                        JitWarmUp.Result warmUp, long eventsPerSet, long documentRowsPerSet, double averageEventBytes, long storedBytesPerSet,
                        double ceilingRowBytes, int rowsPerTransaction) {
    }

    /**
     * One product round and the ceiling measured next to it, on the same number of rows; {@code jit}: the JIT
     * compilers' and the process's CPU during the product's side.
     */
    public record Round(ImportWorkload.Round product, long ceilingRows, long ceilingNanos, JitCpu.Spent jit) {

        /** Document rows imported per second counting each import from its file's bytes to its commit. */
        double importToCommit() {
            return rate(product.documentRows(), product.imports().stream().mapToLong(ImportWorkload.Timing::toCommitNanos)
                    .sum() / product.clients());
        }

        /** Document rows per second counting only the command: decide, apply, serialise, append, commit. */
        double commandOnly() {
            return rate(product.documentRows(), product.imports().stream().mapToLong(ImportWorkload.Timing::commandNanos)
                    .sum() / product.clients());
        }

        /** Document rows per second from the first import to the read models having processed the last event. */
        double endToEnd() {
            return rate(product.documentRows(), product.wallNanos());
        }

        double ceiling() {
            return rate(ceilingRows, ceilingNanos);
        }

        double ratio() {
            return importToCommit() / ceiling();
        }

        double commandRatio() {
            return commandOnly() / ceiling();
        }

        double endToEndRatio() {
            return endToEnd() / ceiling();
        }
    }

    /**
     * The rounds of one client count measured once the event table held at least {@code target} events (from
     * {@code eventsBefore} to {@code eventsAfter}: every client count's imports of the size together).
     */
    public record Level(long target, int clients, long eventsBefore, long eventsAfter, List<Round> rounds) {

        public double importToCommit() {
            return median(rounds, Round::importToCommit);
        }

        public double commandOnly() {
            return median(rounds, Round::commandOnly);
        }

        public double endToEnd() {
            return median(rounds, Round::endToEnd);
        }

        public double ceiling() {
            return median(rounds, Round::ceiling);
        }

        /** The median of the rounds' ratios (each round's product against the ceiling measured beside it). */
        public double ratio() {
            return median(rounds, Round::ratio);
        }

        public double commandRatio() {
            return median(rounds, Round::commandRatio);
        }

        public double endToEndRatio() {
            return median(rounds, Round::endToEndRatio);
        }

        public boolean passes() {
            return ratio() >= TARGET;
        }

        /** The JIT compilers' and the process's CPU during the product's sides of these rounds. */
        public JitCpu.Spent jit() {
            return rounds.stream().map(Round::jit).reduce(JitCpu.Spent.NONE, JitCpu.Spent::plus);
        }

        /** Median milliseconds per import of each sample: reading the file, command to commit, read-model wait. */
        Map<String, double[]> perSample() {
            Map<String, List<ImportWorkload.Timing>> bySample = new LinkedHashMap<>();
            ImportWorkload.SAMPLES.forEach(sample -> bySample.put(sample.label(), new ArrayList<>()));
            rounds.forEach(round -> round.product().imports()
                    .forEach(timing -> bySample.get(timing.sample()).add(timing)));
            Map<String, double[]> medians = new LinkedHashMap<>();
            bySample.forEach((sample, timings) -> medians.put(sample, new double[]{
                    median(timings, t -> t.events()),
                    median(timings, t -> t.documentRows()),
                    median(timings, t -> t.readNanos() / 1e6),
                    median(timings, t -> t.commandNanos() / 1e6),
                    median(timings, t -> t.readModelNanos() / 1e6)}));
            return medians;
        }
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("== Hyoka bulk import vs JDBC batch ceiling (BENCHMARKS.md row 4: import >= 50 % of JDBC batch rows/s) ==\n");
        out.append(String.format(Locale.ROOT, "PostgreSQL: %s; %s%n", setup.database(), setup.settings()));
        out.append(String.format(Locale.ROOT, "Import set: samples 000, 003, 004 (whole 評価書) + 001 (annex only, "
                        + "KEY_ITEMS) into a new municipality = %d document rows (the events the per-answer contract "
                        + "stored for it: one per entry, answer and other fact), stored as %d events, %,d B "
                        + "(payload+metadata; avg %.0f B per event)%n",
                setup.documentRowsPerSet(), setup.eventsPerSet(), setup.storedBytesPerSet(),
                setup.averageEventBytes()));
        out.append(String.format(Locale.ROOT, "Ceiling: plain JDBC batch INSERT of ~%.0f B jsonb rows (pg_column_size), "
                        + "reWriteBatchedInserts=true, %d rows/txn, same database, one row per document row of the "
                        + "product round%n",
                setup.ceilingRowBytes(), setup.rowsPerTransaction()));
        out.append(String.format(Locale.ROOT, "Clients: %s (product imports, one municipality each, and as many "
                        + "ceiling threads; each count in every round); %d sets per round; "
                        + "%d interleaved rounds per table size (product/ceiling order alternates); medians; after the "
                        + "warm-up the event store and read models emptied and filled to each size%n",
                setup.clients(), setup.setsPerRound(), setup.rounds()));
        out.append(String.format(Locale.ROOT, "Warm-up (until the JIT is done with the import's code): %s%n",
                setup.warmUp().describe()));
        JitCpu.Spent measured = levels.stream().map(Level::jit).reduce(JitCpu.Spent.NONE, JitCpu.Spent::plus);
        int measuredSets = levels.stream().mapToInt(level -> level.rounds().size()).sum() * setup.setsPerRound();
        out.append(String.format(Locale.ROOT, "JIT compilers during the measured rounds' imports: %.1f %% of the "
                        + "process's CPU (%.0f of %.0f ms; per set %.1f of %.1f ms; %s)%n", measured.share() * 100,
                measured.compilerNanos() / 1e6, measured.processNanos() / 1e6,
                measured.compilerNanos() / 1e6 / Math.max(1, measuredSets),
                measured.processNanos() / 1e6 / Math.max(1, measuredSets), JitCpu.source()));
        out.append('\n');
        String header = String.format(Locale.ROOT, "| %-19s | %7s | %13s | %13s | %13s | %13s | %8s | %8s | %8s | %6s | %-7s |",
                "event table", "clients", "import→commit", "command only", "end-to-end", "JDBC batch", "ratio", "cmd ratio",
                "e2e ratio", "target", "verdict");
        out.append(header).append('\n');
        out.append(String.format(Locale.ROOT, "| %-19s | %7s | %13s | %13s | %13s | %13s | %8s | %8s | %8s | %6s | %-7s |",
                "(events at start)", "", "doc rows/s", "doc rows/s", "doc rows/s", "rows/s", "", "", "", "", "")).append('\n');
        out.append(header.replaceAll("[^|]", "-")).append('\n');
        for (Level level : levels) {
            out.append(String.format(Locale.ROOT, "| %-19s | %7d | %13.0f | %13.0f | %13.0f | %13.0f | %7.1f%% | %7.1f%% | %7.1f%% | %5.0f%% | %-7s |",
                    String.format(Locale.ROOT, "%,d", level.eventsBefore()), level.clients(), level.importToCommit(),
                    level.commandOnly(), level.endToEnd(), level.ceiling(), level.ratio() * 100,
                    level.commandRatio() * 100, level.endToEndRatio() * 100, TARGET * 100,
                    level.passes() ? "PASS" : "BELOW")).append('\n');
        }
        out.append('\n');
        out.append("document rows: the events the per-answer contract stored for the same imports (one per entry, "
                + "answer and other fact), the unit the ceiling writes one row of;\n");
        out.append("import→commit: document rows / time from the file's bytes to the command's commit (decode, read the body, "
                + "command, aggregate, serialise, append, commit), the round's imports' times summed and divided by "
                + "the clients (which import at once);\n"
                + "command only: the same without reading the file; end-to-end: until the read models (tracking "
                + "processor, projections) have caught up;\nratios are medians of per-round ratios; verdict is on "
                + "import→commit.\n\n");
        out.append("Median per import (events stored | document rows | ms read file | command→commit | read-model "
                + "wait):\n");
        for (Level level : levels) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %,11d events, %d client(s):",
                    level.eventsBefore(), level.clients()));
            level.perSample().forEach((sample, m) -> line.append(String.format(Locale.ROOT,
                    "  %s %3.0f | %3.0f | %5.1f | %5.1f | %5.1f;", sample, m[0], m[1], m[2], m[3], m[4])));
            out.append(line).append('\n');
        }
        out.append("\nPer round (document rows/s): import→commit / ceiling rows/s (the JIT compilers' share of the "
                + "process's CPU in the round's imports)\n");
        for (Level level : levels) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %,11d events, %d client(s):",
                    level.eventsBefore(), level.clients()));
            level.rounds().forEach(round -> line.append(String.format(Locale.ROOT, "  %.0f/%.0f (JIT %.1f %%)",
                    round.importToCommit(), round.ceiling(), round.jit().share() * 100)));
            out.append(line).append('\n');
        }
        out.append('\n');
        for (Level level : levels) {
            out.append(String.format(Locale.ROOT, "RESULT eventsAtStart=%d eventsAtEnd=%d rounds=%d "
                            + "eventsPerSet=%d documentRowsPerSet=%d storedBytesPerSet=%d "
                            + "importToCommitRowsPerSec=%.1f commandOnlyRowsPerSec=%.1f endToEndRowsPerSec=%.1f "
                            + "ceilingRowsPerSec=%.1f ratio=%.4f commandRatio=%.4f endToEndRatio=%.4f target=%.2f verdict=%s "
                            + "clients=%d warmupSets=%d warmupStop=%s roundsJitShare=%.4f processCpuMsPerSet=%.1f%n",
                    level.eventsBefore(), level.eventsAfter(), level.rounds().size(), setup.eventsPerSet(),
                    setup.documentRowsPerSet(), setup.storedBytesPerSet(), level.importToCommit(),
                    level.commandOnly(), level.endToEnd(), level.ceiling(), level.ratio(), level.commandRatio(),
                    level.endToEndRatio(), TARGET, level.passes() ? "PASS" : "BELOW", level.clients(),
                    setup.warmUp().sets(), setup.warmUp().stop().name().toLowerCase(Locale.ROOT),
                    level.jit().share(), level.jit().processNanos() / 1e6
                            / Math.max(1, level.rounds().size() * setup.setsPerRound())));
        }
        return out.toString();
    }

    static double rate(long count, long nanos) {
        return nanos <= 0 ? 0 : count * 1e9 / nanos;
    }

    static <T> double median(List<T> values, ToDoubleFunction<T> of) {
        double[] sorted = values.stream().mapToDouble(of).sorted().toArray();
        if (sorted.length == 0) {
            return 0;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
