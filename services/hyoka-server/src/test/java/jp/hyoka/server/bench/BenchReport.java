package jp.hyoka.server.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run's outcome: bench-report.md (one table, then the load run and the machine) and bench-report.json. */
record BenchReport(String profile, Map<String, Object> machine, List<BenchResult> rows, LoadRun.Result load,
                   double seconds) {

    void write(Path directory) throws Exception {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("bench-report.md"), markdown());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("profile", profile);
        json.put("seconds", seconds);
        json.put("machine", machine);
        json.put("rows", rows.stream().map(BenchResult::toJson).toList());
        json.put("load", load == null ? null : load.toJson());
        Files.writeString(directory.resolve("bench-report.json"),
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# Hyoka benchmark report (BENCHMARKS.md rows 1–10)\n\n");
        md.append(String.format(Locale.ROOT, "Profile `%s`, %.0f s. Each figure is the median of its rounds; each "
                + "round measured the product and its ceiling back to back on the same PostgreSQL (odd rounds the "
                + "ceiling first); the ratio is the median of the rounds' ratios.%n%n", profile, seconds));
        md.append("| row | metric | Hyoka | ceiling (same database, same run) | ratio | target | verdict |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (BenchResult row : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", row.row(), row.metric(),
                    figure(row.product(), row.unit()), row.ceilingName().isEmpty() ? "—"
                            : figure(row.ceiling(), row.unit()) + " " + row.ceilingName(),
                    ratio(row), row.target(), row.verdict().equals("not measured")
                            ? "not measured: " + row.note() : "**" + row.verdict() + "**"));
        }
        if (load != null) {
            md.append(String.format(Locale.ROOT, "%n## Load run%n%n%d clients over %d municipalities (%d documents "
                            + "each, two editors per municipality), %.0f s: 70 %% few-field reads, 10 %% whole-document "
                            + "reads, 20 %% edits.%n%n| operations/s | p50 | p99 | operations | reads | edits | "
                            + "stale-revision refusals | other errors |%n|---|---|---|---|---|---|---|---|%n"
                            + "| %,.0f | %.2f ms | %.2f ms | %,d | %,d | %,d | %,d | **%d** |%n", load.clients(),
                    load.tenants(), LoadRun.DOCUMENTS_PER_TENANT, load.seconds(), load.perSecond(), load.p50Millis(),
                    load.p99Millis(), load.operations(), load.reads(), load.edits(), load.staleRefusals(),
                    load.errors()));
            load.errorSamples().forEach(sample -> md.append("\n- error: `").append(sample).append('`'));
        }
        md.append("\n## Machine and database\n\n");
        machine.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
        return md.toString();
    }

    private static String figure(Double value, String unit) {
        if (value == null || value.isNaN()) {
            return "—";
        }
        String number = value >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : value >= 1 ? String.format(Locale.ROOT, "%.2f", value) : String.format(Locale.ROOT, "%.3f", value);
        return number + " " + unit;
    }

    private static String ratio(BenchResult row) {
        if (row.ratio() == null || row.ratio().isNaN()) {
            return "—";
        }
        return row.target().atMost() ? String.format(Locale.ROOT, "%.1f×", row.ratio())
                : String.format(Locale.ROOT, "%.1f %%", row.ratio() * 100);
    }
}
