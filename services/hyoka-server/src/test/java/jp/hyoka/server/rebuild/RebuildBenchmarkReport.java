package jp.hyoka.server.rebuild;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The rebuild benchmark's results: per row the rounds, medians and ratio, as report.json and report.md. */
final class RebuildBenchmarkReport {

    private RebuildBenchmarkReport() {
    }

    /** Rates of one row: the product's and its ceiling's, one per round. */
    static final class Measurements {
        final List<Double> product = new ArrayList<>();
        final List<Double> ceiling = new ArrayList<>();

        Map<String, Object> row(int number, String metric, String unit, String productName, String ceilingName,
                                double target, Map<String, Object> extra) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("row", number);
            row.put("metric", metric);
            row.put("unit", unit);
            row.put("product", Map.of("name", productName, "rounds", product, "median", median(product)));
            row.put("ceiling", Map.of("name", ceilingName, "rounds", ceiling, "median", median(ceiling)));
            List<Double> ratios = ratios(product, ceiling);
            double ratio = median(ratios);
            // Each round's product and ceiling ran back to back, so their ratio cancels the machine's drift.
            row.put("roundRatios", ratios);
            row.put("ratio", ratio);
            row.put("target", target);
            row.put("meetsTarget", ratio >= target);
            row.putAll(extra);
            return row;
        }
    }

    static List<Double> ratios(List<Double> products, List<Double> ceilings) {
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < products.size(); round++) {
            ratios.add(products.get(round) / ceilings.get(round));
        }
        return ratios;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    static Map<String, Object> summary(List<Double> values) {
        return Map.of("rounds", values, "median", median(values));
    }

    static void write(Path out, Map<String, Object> report) throws Exception {
        Files.createDirectories(out);
        Files.writeString(out.resolve("report.json"), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(report));
        StringBuilder md = new StringBuilder()
                .append("## Rebuild benchmark (BENCHMARKS.md rows 6 and 7)\n\n")
                .append(report.get("events")).append(" events (samples 000, 003, 004 imported into ")
                .append(report.get("tenants")).append(" municipalities), ").append(report.get("rounds"))
                .append(" interleaved rounds after ").append(report.get("warmupRounds"))
                .append(" warm-up round(s); rates are medians, ratios the median of each round's ratio; ").append(report.get("postgres")).append("; ")
                .append(report.get("seconds")).append(" s in all.\n\n")
                .append("| # | metric | product (median) | ceiling (median) | ratio | target | met |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Object item : (List<?>) report.get("rows")) {
            Map<?, ?> row = (Map<?, ?>) item;
            Map<?, ?> product = (Map<?, ?>) row.get("product");
            Map<?, ?> ceiling = (Map<?, ?>) row.get("ceiling");
            md.append("| ").append(row.get("row")).append(" | ").append(row.get("metric")).append(" | ")
                    .append(rate(product.get("median"))).append(' ').append(row.get("unit")).append(" (")
                    .append(product.get("name")).append(") | ").append(rate(ceiling.get("median"))).append(" (")
                    .append(ceiling.get("name")).append(") | ")
                    .append(String.format(Locale.ROOT, "%.0f %%", 100 * (Double) row.get("ratio"))).append(" | ≥ ")
                    .append(String.format(Locale.ROOT, "%.0f %%", 100 * (Double) row.get("target"))).append(" | ")
                    .append(Boolean.TRUE.equals(row.get("meetsTarget")) ? "yes" : "no").append(" |\n");
        }
        ((List<?>) report.get("rows")).stream().map(row -> (Map<?, ?>) row)
                .filter(row -> Integer.valueOf(7).equals(row.get("row"))).findFirst()
                .ifPresent(seven -> appendRowSevenDetail(md, seven));
        Files.writeString(out.resolve("report.md"), md.toString());
    }

    /** Row 7's extra figures; absent when the run skipped the rebuild (among more events than a round can replay). */
    private static void appendRowSevenDetail(StringBuilder md, Map<?, ?> seven) {
        md.append("\nRow 7 also wrote ").append(rate(((Map<?, ?>) seven.get("readModelRowsPerSecond")).get("median")))
                .append(" read-model rows/s (")
                .append(String.format(Locale.ROOT, "%.0f %%", 100 * (Double) seven.get("readModelRowsRatio")))
                .append(" of the ceiling's rows/s); the switch paused the live processor for a median ")
                .append(rate(((Map<?, ?>) seven.get("switchPauseMillis")).get("median"))).append(" ms.\n");
    }

    private static String rate(Object value) {
        return String.format(Locale.ROOT, "%,.0f", (Double) value);
    }

}
