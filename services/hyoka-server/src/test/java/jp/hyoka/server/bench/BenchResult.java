package jp.hyoka.server.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One row of the benchmark report (BENCHMARKS.md numbering): the product's figure and its ceiling's, both medians of
 * the rounds measured interleaved on the same PostgreSQL, the median of the rounds' ratios, the target and the
 * verdict. A row that could not be measured has no figures and a note saying why ("not yet", the failure).
 */
public record BenchResult(String row, String metric, String unit, Double product, Double ceiling, Double ratio,
                          Target target, String ceilingName, String note, Map<String, Object> details) {

    /** A ratio bound: product/ceiling at least (throughput) or at most (latency, size) {@code value}. */
    public record Target(double value, boolean atMost) {
        public static Target atLeast(double value) {
            return new Target(value, false);
        }

        public static Target atMost(double value) {
            return new Target(value, true);
        }

        boolean met(double ratio) {
            return atMost ? ratio <= value : ratio >= value;
        }

        @Override
        public String toString() {
            return atMost ? String.format(Locale.ROOT, "≤ %.0f×", value)
                    : String.format(Locale.ROOT, "≥ %.0f %%", value * 100);
        }
    }

    /** A measured row from interleaved rounds. */
    static BenchResult measured(String row, String metric, String unit, Interleaved.Measured measured, Target target,
                                String ceilingName, String note) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("productRounds", measured.product());
        details.put("ceilingRounds", measured.ceiling());
        details.put("roundRatios", measured.ratios());
        return new BenchResult(row, metric, unit, measured.productMedian(), measured.ceilingMedian(),
                measured.ratio(), target, ceilingName, note, details);
    }

    /** A row measured by another harness, from its medians. */
    static BenchResult of(String row, String metric, String unit, double product, double ceiling, double ratio,
                          Target target, String ceilingName, String note) {
        return new BenchResult(row, metric, unit, product, ceiling, ratio, target, ceilingName, note, Map.of());
    }

    /** A row not measured in this run, and why. */
    static BenchResult missing(String row, String metric, Target target, String why) {
        return new BenchResult(row, metric, "", null, null, null, target, "", why, Map.of());
    }

    /** MET, MISSED, or the note's reason for no figure. */
    public String verdict() {
        if (ratio == null || ratio.isNaN()) {
            return "not measured";
        }
        return target.met(ratio) ? "MET" : "MISSED";
    }

    boolean hasFigures() {
        return product != null && ceiling != null && ratio != null && !product.isNaN() && !ceiling.isNaN()
                && !ratio.isNaN() && ceiling > 0;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("row", row);
        json.put("metric", metric);
        json.put("unit", unit);
        json.put("product", product);
        json.put("ceiling", ceiling);
        json.put("ceilingName", ceilingName);
        json.put("ratio", ratio);
        json.put("target", target.toString());
        json.put("targetValue", target.value());
        json.put("targetIsUpperBound", target.atMost());
        json.put("verdict", verdict());
        json.put("note", note);
        json.putAll(details);
        return json;
    }

    static List<String> rowOrder() {
        return List.of("1", "1 (in-process)", "1 (HTTP)", BenchRunner.ROW_TWO,
                BenchRunner.ROW_TWO_MUNICIPALITIES, "2", "2 (16 municipalities)", "3", "4", "4 (1 client)", "5", "6",
                "7", "8 few fields", "8 whole document", "8 p50 1 client", "9 start", "9 RSS", "10");
    }
}
