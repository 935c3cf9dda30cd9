package jp.hyoka.server.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps infra/bench/run.sh from rotting: the runner's smoke profile (the quick run's structure with the shortest
 * rounds) must give every row of BENCHMARKS.md a product figure, a ceiling and a ratio with a verdict, and the load
 * run must end without errors other than stale-revision
 * refusals; the at-scale pass, on a tiny level (2,000 events), must measure every row again among the data set, on
 * copies of it, beside the row alone. It asserts no timing: speed is judged by running the script.
 */
class BenchRunnerIT {

    @Test
    void givenTheSmokeProfileAndATinyLevel_whenTheRunnerRuns_thenEveryRowHasFiguresAlone_andAmongTheDataBesideAloneAgain()
            throws Exception {
        BenchReport report = BenchRunner.run(BenchRunner.Profile.named("smoke"), BenchRunner.Scale.parseList("2e3"),
                row -> true, line -> { });

        assertThat(report.rows()).extracting(BenchResult::row).containsExactlyElementsOf(BenchResult.rowOrder());
        assertThat(report.rows()).allSatisfy(row -> {
            assertThat(row.hasFigures()).as(row.toString()).isTrue();
            assertThat(row.product()).as(row.row()).isPositive();
            assertThat(row.verdict()).as(row.row()).isIn("MET", "MISSED");
        });
        assertThat(report.rows()).filteredOn(row -> row.row().startsWith("2 (command in → commit"))
                .as("row 2's command lines: one outbox row and one chain link committed per command counted")
                .hasSize(2).allSatisfy(row -> assertThat(row.details()).containsEntry("outboxRowsPerCommand", 1.0)
                        .containsEntry("chainLinksPerCommand", 1.0));
        assertThat(report.load().operations()).isPositive();
        assertThat(report.load().edits()).isPositive();
        assertThat(report.load().errors()).as(report.load().errorSamples().toString()).isZero();
        assertThat(report.machine()).containsKeys("cores", "maxHeapMB", "java", "postgres.synchronous_commit",
                "postgres.fsync", "postgres.shared_buffers", "postgres.server_version");

        assertThat(report.atScale()).singleElement().satisfies(level -> {
            assertThat(level.loaded().eventsInStore()).isEqualTo(2_000);
            assertThat(level.among()).extracting(BenchResult::row).containsExactlyElementsOf(BenchResult.rowOrder());
            assertThat(level.among()).allSatisfy(row -> {
                assertThat(row.hasFigures()).as(row.toString()).isTrue();
                assertThat(row.verdict()).as(row.row()).isIn("MET", "MISSED");
            });
            assertThat(level.alone()).extracting(BenchResult::row).containsExactlyElementsOf(BenchResult.rowOrder());
            assertThat(level.alone()).allSatisfy(row -> assertThat(row.hasFigures()).as(row.toString()).isTrue());
            assertThat(level.aloneFirst()).as("the first level measures alone first").isTrue();
            assertThat(level.toJson()).allSatisfy(row -> assertThat(row.get("flat")).as(row.toString())
                    .isInstanceOf(Boolean.class));
        });

        Path out = Files.createTempDirectory("bench-report");
        report.write(out);
        assertThat(Files.readString(out.resolve("bench-report.md"))).contains("| 9 RSS |", "| 10 |",
                "| 2 (command in → commit) |", "| 2 (command in → commit, 16 municipalities) |", "## Load run",
                "## Cost among other tenants' data: 2e3 events", "| cost ratio to ceiling |",
                "the two passes back to back (alone first)");
        assertThat(Files.readString(out.resolve("bench-report.json"))).contains("\"verdict\"",
                "\"staleRevisionRefusals\"", "\"atScale\"", "\"costRatioToCeiling\"", "\"outboxRowsPerCommand\"");
    }

    @Test
    void givenOnlyRowNine_whenTheRunnerRuns_thenRowNineIsMeasuredAlone_withNoInProcessServer() throws Exception {
        // --rows 9: the in-process server (rows 1, 2, 3, 8, load) is not started; row 9 starts its own processes
        BenchReport report = BenchRunner.run(BenchRunner.Profile.named("smoke"), List.of(), BenchRunner.rowsNamed("9"),
                line -> { });

        assertThat(report.rows()).extracting(BenchResult::row).containsExactly("9 start", "9 RSS");
        assertThat(report.rows()).allSatisfy(row -> assertThat(row.hasFigures()).as(row.row()).isTrue());
        assertThat(report.load()).isNull();
    }
}
