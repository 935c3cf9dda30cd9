package jp.hyoka.server.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps infra/bench/run.sh from rotting: the runner's smoke profile (the quick run's structure with the shortest
 * rounds) must give every row of BENCHMARKS.md a product figure, a ceiling and a ratio with a verdict, and the load
 * run must end without errors other than stale-revision
 * refusals. It asserts no timing: speed is judged by running the script.
 */
class BenchRunnerIT {

    @Test
    void givenTheSmokeProfile_whenTheRunnerRuns_thenEveryRowHasFiguresAndTheLoadRunHasNoErrors() throws Exception {
        BenchReport report = BenchRunner.run(BenchRunner.Profile.named("smoke"), line -> { });

        assertThat(report.rows()).extracting(BenchResult::row).containsExactlyElementsOf(BenchResult.rowOrder());
        assertThat(report.rows()).allSatisfy(row -> {
            assertThat(row.hasFigures()).as(row.toString()).isTrue();
            assertThat(row.product()).as(row.row()).isPositive();
            assertThat(row.verdict()).as(row.row()).isIn("MET", "MISSED");
        });
        assertThat(report.load().operations()).isPositive();
        assertThat(report.load().edits()).isPositive();
        assertThat(report.load().errors()).as(report.load().errorSamples().toString()).isZero();
        assertThat(report.machine()).containsKeys("cores", "maxHeapMB", "java", "postgres.synchronous_commit",
                "postgres.fsync", "postgres.shared_buffers", "postgres.server_version");

        Path out = Files.createTempDirectory("bench-report");
        report.write(out);
        assertThat(Files.readString(out.resolve("bench-report.md"))).contains("| 9 RSS |", "| 10 |", "## Load run");
        assertThat(Files.readString(out.resolve("bench-report.json"))).contains("\"verdict\"", "\"staleRevisionRefusals\"");
    }

    @Test
    void givenOnlyRowNine_whenTheRunnerRuns_thenRowNineIsMeasuredAlone_withNoInProcessServer() throws Exception {
        // --rows 9: the in-process server (rows 1, 2, 3, 8, load) is not started; row 9 starts its own processes
        BenchReport report = BenchRunner.run(BenchRunner.Profile.named("smoke"), null, BenchRunner.rowsNamed("9"),
                line -> { });

        assertThat(report.rows()).extracting(BenchResult::row).containsExactly("9 start", "9 RSS");
        assertThat(report.rows()).allSatisfy(row -> assertThat(row.hasFigures()).as(row.row()).isTrue());
        assertThat(report.load()).isNull();
    }
}
