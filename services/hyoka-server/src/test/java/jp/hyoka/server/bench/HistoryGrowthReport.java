package jp.hyoka.server.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What {@link HistoryGrowthBenchmark} measured: every edit of the long document (revision after it, whole edit and
 * command-only nanoseconds) and the row 5 load rounds; {@link #render()} is the report, ending with the RESULT line.
 */
public record HistoryGrowthReport(String database, HistoryGrowthBenchmark.Options options, List<Edit> edits,
                                  List<LoadRound> loadRounds) {

    public static final double FLAT_WITHIN = 0.20;
    public static final double LOAD_TARGET = 2.0;

    /** One edit: the revision it produced, the whole edit and the command alone (handling start → commit). */
    public record Edit(long revision, long editNanos, long commandNanos) {
    }

    /**
     * Row 5, one round: p50 nanoseconds of the product's aggregate load, of the event store's read alone (events
     * deserialized, no aggregate, no unit of work) and of the raw select; and the mean CPU time per load of the
     * calling thread on the product's side and the raw side, which a busy machine disturbs less (waits do not count).
     */
    public record LoadRound(long productNanos, long storeReadNanos, long rawNanos, long productCpuNanos,
                            long rawCpuNanos) {

        public double ratio() {
            return (double) productNanos / rawNanos;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "load p50 %.3f ms (event store read %.3f ms), raw p50 %.3f ms, "
                    + "ratio %.2f; CPU per load %.1f µs, raw %.1f µs", productNanos / 1e6, storeReadNanos / 1e6,
                    rawNanos / 1e6, ratio(), productCpuNanos / 1e3, rawCpuNanos / 1e3);
        }
    }

    /** p50/p99 of a band of edits (revisions {@code from}–{@code to}), in milliseconds. */
    public record Band(long from, long to, double editP50, double editP99, double commandP50, double commandP99) {
    }

    public List<Band> bands() {
        List<Band> bands = new ArrayList<>();
        for (int start = 0; start < edits.size(); start += options.band()) {
            bands.add(bandOf(edits.subList(start, Math.min(edits.size(), start + options.band()))));
        }
        return bands;
    }

    /**
     * How much an edit's p50 grew with the history: the last band's over the first band's, minus one (0.12: 12 %
     * more; negative: less). The verdict: flat when it grew by at most {@link #FLAT_WITHIN}.
     */
    public double editGrowth() {
        List<Band> bands = bands();
        return bands.get(bands.size() - 1).editP50() / bands.get(0).editP50() - 1;
    }

    /** Largest band p50 of the whole edit over the smallest, minus one: 0.12 is 12 % apart (noise shows here). */
    public double editSpread() {
        return spread(bands().stream().mapToDouble(Band::editP50).toArray());
    }

    public double commandSpread() {
        return spread(bands().stream().mapToDouble(Band::commandP50).toArray());
    }

    public double loadRatio() {
        return median(loadRounds.stream().mapToDouble(LoadRound::ratio).toArray());
    }

    public boolean flat() {
        return editGrowth() <= FLAT_WITHIN;
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "History growth (issue 22): one document to revision %d, "
                        + "hyoka.axon.snapshot-every=%d, %s%n%n", options.revisions(), options.snapshotEvery(),
                database));
        out.append("| revisions | edit p50 ms | edit p99 ms | command p50 ms | command p99 ms |\n");
        out.append("|---|---|---|---|---|\n");
        for (Band band : bands()) {
            out.append(String.format(Locale.ROOT, "| %d–%d | %.2f | %.2f | %.2f | %.2f |%n", band.from(), band.to(),
                    band.editP50(), band.editP99(), band.commandP50(), band.commandP99()));
        }
        out.append(String.format(Locale.ROOT, "%nRow 5, aggregate load of a 10-event assessment (no cache) vs raw "
                + "JDBC select of its rows, %d loads per round:%n", options.loads()));
        for (int i = 0; i < loadRounds.size(); i++) {
            out.append("- round ").append(i + 1).append(": ").append(loadRounds.get(i)).append('\n');
        }
        out.append(String.format(Locale.ROOT, "%nRESULT revisions=%d snapshotEvery=%d editGrowth=%.3f editSpread=%.3f "
                        + "commandSpread=%.3f flatWithin=%.2f flat=%s loadRatio=%.2f loadTarget=%.1f load=%s%n",
                options.revisions(), options.snapshotEvery(), editGrowth(), editSpread(), commandSpread(), FLAT_WITHIN,
                flat() ? "PASS" : "FAIL", loadRatio(), LOAD_TARGET, loadRatio() <= LOAD_TARGET ? "PASS" : "FAIL"));
        return out.toString();
    }

    static String band(List<Edit> edits) {
        Band band = bandOf(edits);
        return String.format(Locale.ROOT, "edit p50 %.2f ms p99 %.2f ms, command p50 %.2f ms p99 %.2f ms",
                band.editP50(), band.editP99(), band.commandP50(), band.commandP99());
    }

    private static Band bandOf(List<Edit> edits) {
        long[] edit = edits.stream().mapToLong(Edit::editNanos).toArray();
        long[] command = edits.stream().mapToLong(Edit::commandNanos).toArray();
        return new Band(edits.get(0).revision(), edits.get(edits.size() - 1).revision(),
                percentile(edit, 0.5) / 1e6, percentile(edit, 0.99) / 1e6,
                percentile(command, 0.5) / 1e6, percentile(command, 0.99) / 1e6);
    }

    static long percentile(long[] values, double quantile) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)];
    }

    private static double spread(double[] p50s) {
        return Arrays.stream(p50s).max().orElse(0) / Arrays.stream(p50s).min().orElse(1) - 1;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
