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
                   List<AtScale> atScale, double seconds) {

    /** Cost at scale over cost alone within which a row counts as flat. */
    static final double FLAT = 1.2;

    /**
     * One level of the at-scale pass: the data set ({@code bytes} on disk), and each row measured among it
     * ({@code among}) and alone on empty databases back to back with it ({@code alone}, same order; null if not
     * measured; {@code aloneFirst}: which of the two passes ran first), both in {@code seconds}.
     */
    record AtScale(String name, NationalLoader.Loaded loaded, long bytes, long seconds, boolean aloneFirst,
                   List<BenchResult> alone, List<BenchResult> among) {

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

        /** Both figures there: a cost ratio can be computed. */
        private static boolean comparable(BenchResult alone, BenchResult among) {
            return alone != null && alone.hasFigures() && among.hasFigures();
        }

        /** "yes", "no", or why it could not be judged. */
        static String flat(BenchResult alone, BenchResult among) {
            if (!comparable(alone, among)) {
                return "not measured: " + (among.hasFigures() ? "no figure alone" : among.note());
            }
            return correctedCostRatio(alone, among) <= FLAT ? "yes" : "no";
        }

        List<Map<String, Object>> toJson() {
            List<Map<String, Object>> rows = new java.util.ArrayList<>();
            for (int i = 0; i < among.size(); i++) {
                BenchResult row = among.get(i);
                BenchResult before = alone.get(i);
                boolean comparable = comparable(before, row);
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("row", row.row());
                json.put("unit", row.unit());
                json.put("alone", before == null ? null : before.product());
                json.put("amongData", row.product());
                json.put("ratioAlone", before == null ? null : before.ratio());
                json.put("ratioAmongData", row.ratio());
                json.put("costRatio", comparable ? costRatio(before, row) : null);
                json.put("costRatioToCeiling", comparable ? correctedCostRatio(before, row) : null);
                json.put("flat", comparable ? correctedCostRatio(before, row) <= FLAT : null);
                json.put("note", comparable ? row.note() : flat(before, row));
                json.put("amongDataDetails", row.toJson());
                rows.add(json);
            }
            return rows;
        }

        Map<String, Object> toJsonLevel() {
            Map<String, Object> level = new LinkedHashMap<>();
            level.put("dataSet", name);
            level.put("loaded", loaded);
            level.put("eventsPerSecondLoading", loaded.eventsPerSecond());
            level.put("databaseBytes", bytes);
            level.put("secondsMeasuring", seconds);
            level.put("aloneMeasuredFirst", aloneFirst);
            level.put("rows", toJson());
            return level;
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
        if (!atScale.isEmpty()) {
            json.put("flatWithin", FLAT);
            json.put("atScale", atScale.stream().map(AtScale::toJsonLevel).toList());
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
        atScale.forEach(level -> appendAtScale(md, level));
        md.append("\n## Machine and database\n\n");
        machine.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
        return md.toString();
    }

    /** One level of the at-scale pass: how the data set was loaded, then each row alone and among it. */
    private static void appendAtScale(StringBuilder md, AtScale level) {
        NationalLoader.Loaded loaded = level.loaded();
        md.append(String.format(Locale.ROOT, "%n## Cost among other tenants' data: %s%n%n%,d municipalities × %d "
                        + "assessments, %,d events in the store (%,d MB; %,d appended for this level in %.0f s, "
                        + "%,.0f events/s, every processor caught up %.0f s later); the rows below measured in %d s, "
                        + "each among the data on its own copy of the data set and alone on an empty database, the "
                        + "two passes back to back (%s first) so that both see the same machine. Cost ratio: among/alone for latencies, alone/among "
                        + "for throughputs; flat = the cost ratio of the ratios to their ceilings (machine drift "
                        + "cancelled) ≤ %.1f.%n%n| row | alone | among the data | to ceiling alone | to ceiling among "
                        + "| cost ratio | cost ratio to ceiling | flat |%n|---|---|---|---|---|---|---|---|%n",
                level.name(), loaded.municipalities(), NationalLoader.ASSESSMENTS_PER_MUNICIPALITY,
                loaded.eventsInStore(), level.bytes() / (1024 * 1024), loaded.eventsAppended(), loaded.loadSeconds(),
                loaded.eventsPerSecond(), loaded.projectionSeconds(), level.seconds(),
                level.aloneFirst() ? "alone" : "among the data", FLAT));
        List<Map<String, Object>> rows = level.toJson();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            BenchResult among = level.among().get(i);
            BenchResult alone = level.alone().get(i);
            String flat = AtScale.flat(alone, among);
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", row.get("row"),
                    alone == null ? "—" : figure(alone.product(), among.unit()), figure(among.product(), among.unit()),
                    alone == null ? "—" : ratio(alone), ratio(among), twoPlaces(row.get("costRatio")),
                    twoPlaces(row.get("costRatioToCeiling")), flat.equals("no") ? "**no**" : flat));
        }
    }

    private static String twoPlaces(Object value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.2f", (Double) value);
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
