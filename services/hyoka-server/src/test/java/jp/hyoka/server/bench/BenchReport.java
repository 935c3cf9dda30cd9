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
                   AtScale atScale, double seconds) {

    /** Cost at scale over cost alone within which a row counts as flat. */
    static final double FLAT = 1.2;

    /** Rows 1, 2 and 8 measured alone and again for a new tenant among the loaded data set. */
    record AtScale(String name, NationalLoader.Loaded loaded, List<BenchResult> alone, List<BenchResult> among) {

        /** Cost among the data over cost alone (latency: among/alone; throughput: alone/among). */
        static double costRatio(BenchResult alone, BenchResult among) {
            return alone.target().atMost() ? among.product() / alone.product() : alone.product() / among.product();
        }

        /**
         * The same from the ratios to the ceilings measured beside each (so the machine's drift between the two
         * passes cancels): what "flat" is judged on.
         */
        static double correctedCostRatio(BenchResult alone, BenchResult among) {
            return alone.target().atMost() ? among.ratio() / alone.ratio() : alone.ratio() / among.ratio();
        }

        List<Map<String, Object>> toJson() {
            return among.stream().map(row -> {
                BenchResult before = alone.stream().filter(a -> a.row().equals(row.row())).findFirst().orElseThrow();
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("row", row.row());
                json.put("unit", row.unit());
                json.put("alone", before.product());
                json.put("amongData", row.product());
                json.put("ratioAlone", before.ratio());
                json.put("ratioAmongData", row.ratio());
                json.put("costRatio", costRatio(before, row));
                json.put("costRatioToCeiling", correctedCostRatio(before, row));
                json.put("flat", correctedCostRatio(before, row) <= FLAT);
                return json;
            }).toList();
        }
    }

    void write(Path directory) throws Exception {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("bench-report.md"), markdown());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("profile", profile);
        json.put("seconds", seconds);
        json.put("machine", machine);
        json.put("rows", rows.stream().map(BenchResult::toJson).toList());
        json.put("load", load == null ? null : load.toJson());
        if (atScale != null) {
            Map<String, Object> scale = new LinkedHashMap<>();
            scale.put("dataSet", atScale.name());
            scale.put("loaded", atScale.loaded());
            scale.put("rows", atScale.toJson());
            json.put("atScale", scale);
        }
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
        appendDesignCeilings(md);
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
        if (atScale != null) {
            NationalLoader.Loaded loaded = atScale.loaded();
            md.append(String.format(Locale.ROOT, "%n## Cost among other tenants' data: %s%n%n%,d municipalities × %d "
                            + "assessments, %,d events appended in %.0f s (%,.0f events/s), read models caught up %.0f "
                            + "s later; %,d events in the store. Rows 1, 2 and 8 again, for a new municipality among "
                            + "them. Cost ratio: among/alone for latencies, alone/among for throughputs; flat = the cost "
                            + "ratio of the ratios to their ceilings (machine drift cancelled) ≤ %.1f.%n%n| row | alone | "
                            + "among the data | to ceiling alone | to ceiling among | cost ratio | cost ratio to ceiling "
                            + "| flat |%n|---|---|---|---|---|---|---|---|%n", atScale.name(),
                    loaded.municipalities(), NationalLoader.ASSESSMENTS_PER_MUNICIPALITY, loaded.eventsAppended(),
                    loaded.loadSeconds(), loaded.eventsPerSecond(), loaded.projectionSeconds(),
                    loaded.eventsInStore(), FLAT));
            for (Map<String, Object> row : atScale.toJson()) {
                BenchResult among = atScale.among().stream().filter(r -> r.row().equals(row.get("row")))
                        .findFirst().orElseThrow();
                BenchResult alone = atScale.alone().stream().filter(r -> r.row().equals(row.get("row")))
                        .findFirst().orElseThrow();
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.2f | %.2f | %s |%n",
                        row.get("row"), figure(alone.product(), among.unit()), figure(among.product(), among.unit()),
                        ratio(alone), ratio(among), (Double) row.get("costRatio"),
                        (Double) row.get("costRatioToCeiling"), (Boolean) row.get("flat") ? "yes" : "**no**"));
            }
        }
        md.append("\n## Machine and database\n\n");
        machine.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
        return md.toString();
    }

    /** For each base row with a line below target, what bounds it on this design and what would lift it. */
    private void appendDesignCeilings(StringBuilder md) {
        DesignCeilings ceilings = DesignCeilings.load();
        List<String> missedRows = rows.stream().filter(row -> row.verdict().equals("MISSED"))
                .map(row -> row.row().split(" ")[0]).distinct().toList();
        if (missedRows.isEmpty()) {
            return;
        }
        md.append("\n## Rows below target: the ceiling of this design\n\n")
                .append("Written by whoever last profiled the row (`bench/design-ceilings.md` in the server's test "
                        + "resources); the figures there are from their runs, the table above from this one.\n");
        for (String row : missedRows) {
            md.append("\n### Row ").append(row).append("\n\n").append(ceilings.forRow(row)
                    .orElse("(no analysis written for this row: add a `## row " + row + "` section)")).append('\n');
        }
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
