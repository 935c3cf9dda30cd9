package jp.hyoka.server.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Row 4's warm-up: import sets in batches until the JIT is done with the import's code, by measurement rather than
 * a fixed count. A benchmark measures the steady state of a running server (JMH's rule); the ceiling's tiny JDBC loop
 * is compiled at once, while the import's code (reader, resolver, Jackson, pgjdbc, the projections) keeps a C2
 * compiler thread busy for hundreds of sets: after 24 sets the compilers were still a third of the machine's CPU
 * (infra/docs/import-benchmark.md, "Eighth pass, warm"). So batches of {@link Policy#batchSets} sets run until
 * the compiler threads' CPU in a batch is at most {@link Policy#calmShare} of the process's CPU in that batch for
 * {@link Policy#calmBatches} batches in a row, and at least {@link Policy#minimumSets}, at most
 * {@link Policy#maximumSets} sets in all (the report says which ended it).
 */
final class JitWarmUp {

    /** Why the warm-up ended. */
    enum Stop {
        /** Not yet: another batch. */
        CONTINUE,
        /** The compilers were calm in the last batches and the minimum was reached. */
        CALM,
        /** The maximum was reached (the compilers may still have been busy: the report says how busy). */
        MAXIMUM
    }

    /** When the warm-up ends. */
    record Policy(int minimumSets, int maximumSets, int batchSets, double calmShare, int calmBatches) {

        Policy {
            if (minimumSets < 1 || maximumSets < minimumSets || batchSets < 1 || calmShare < 0 || calmShare >= 1
                    || calmBatches < 1) {
                throw new IllegalArgumentException("a warm-up of at least 1 set, a maximum not below the minimum, "
                        + "batches of at least 1 set, a share in [0, 1) and at least 1 calm batch: " + minimumSets
                        + ".." + maximumSets + " sets, batches of " + batchSets + ", share " + calmShare + ", "
                        + calmBatches + " calm batches");
            }
        }

        /** After {@code sets} sets whose batches had these compiler shares (oldest first): go on, or why not. */
        Stop decide(int sets, List<Double> batchShares) {
            if (sets >= maximumSets) {
                return calm(batchShares) && sets >= minimumSets ? Stop.CALM : Stop.MAXIMUM;
            }
            return sets >= minimumSets && calm(batchShares) ? Stop.CALM : Stop.CONTINUE;
        }

        /** The sets of the next batch after {@code sets} (the last batch is cut to the maximum). */
        int nextBatch(int sets) {
            return Math.min(batchSets, maximumSets - sets);
        }

        private boolean calm(List<Double> batchShares) {
            if (batchShares.size() < calmBatches) {
                return false;
            }
            return batchShares.subList(batchShares.size() - calmBatches, batchShares.size()).stream()
                    .allMatch(share -> share <= calmShare);
        }
    }

    /**
     * What the warm-up did: its sets, why it stopped, the compilers' share of each batch, and the imports' totals
     * (events, document rows, wall time) over all its batches.
     */
    record Result(int sets, Stop stop, Policy policy, List<Double> batchShares, long events, long documentRows,
                  long wallNanos) {

        /** One line for the report: the sets, why it stopped and the last batches' compiler shares. */
        String describe() {
            List<Double> last = batchShares.subList(Math.max(0, batchShares.size() - 3), batchShares.size());
            String shares = String.join(", ", last.stream()
                    .map(share -> String.format(Locale.ROOT, "%.1f %%", share * 100)).toList());
            String why = switch (stop) {
                case CALM -> String.format(Locale.ROOT, "stopped when the JIT compilers were ≤ %.0f %% of the "
                        + "process's CPU in %d batches in a row", policy.calmShare() * 100, policy.calmBatches());
                case MAXIMUM -> String.format(Locale.ROOT, "stopped at the maximum (%d sets) with the JIT not yet "
                        + "calm", policy.maximumSets());
                case CONTINUE -> "not finished";
            };
            return String.format(Locale.ROOT, "%d sets in %d batches (minimum %d, maximum %d); %s; the compilers' "
                    + "share of the last batches: %s", sets, batchShares.size(), policy.minimumSets(),
                    policy.maximumSets(), why, shares);
        }
    }

    private JitWarmUp() {
    }

    static Result run(ImportWorkload workload, Policy policy, int clients, Consumer<String> progress)
            throws Exception {
        List<Double> shares = new ArrayList<>();
        int sets = 0;
        long events = 0;
        long documentRows = 0;
        long wall = 0;
        Stop stop = Stop.CONTINUE;
        while (stop == Stop.CONTINUE) {
            int batch = policy.nextBatch(sets);
            JitCpu.Sample before = JitCpu.now();
            ImportWorkload.Round round = workload.run(batch, clients);
            JitCpu.Spent spent = JitCpu.now().since(before);
            sets += batch;
            events += round.events();
            documentRows += round.documentRows();
            wall += round.wallNanos();
            shares.add(spent.share());
            stop = policy.decide(sets, shares);
            progress.accept(String.format(Locale.ROOT, "warm-up: %d sets, the JIT compilers %.1f %% of the "
                            + "process's CPU in the last batch (%.0f of %.0f ms)%s", sets, spent.share() * 100,
                    spent.compilerNanos() / 1e6, spent.processNanos() / 1e6,
                    stop == Stop.CONTINUE ? "" : " → " + stop.name().toLowerCase(Locale.ROOT)));
        }
        return new Result(sets, stop, policy, List.copyOf(shares), events, documentRows, wall);
    }
}
