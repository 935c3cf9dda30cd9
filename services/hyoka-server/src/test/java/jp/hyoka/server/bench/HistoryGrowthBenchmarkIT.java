package jp.hyoka.server.bench;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the history-growth benchmark (infra/scripts/bench-history.sh) from rotting: a small run of the real harness,
 * with snapshots every 20 events, edits its document to the end and reports every band and the row 5 rounds. It
 * asserts no timing: speed is judged by running the script.
 */
class HistoryGrowthBenchmarkIT {

    private static final Pattern RESULT = Pattern.compile("RESULT revisions=120 snapshotEvery=20 editGrowth=(-?[\\d.]+) "
            + "editSpread=([\\d.]+) "
            + "commandSpread=([\\d.]+) flatWithin=0\\.20 flat=(PASS|FAIL) loadRatio=([\\d.]+) loadTarget=2\\.0 "
            + "load=(PASS|FAIL)");

    @Test
    void givenASmallRun_whenTheBenchmarkRuns_thenEveryBandAndLoadRoundIsReported() throws Exception {
        HistoryGrowthReport report = HistoryGrowthBenchmark.run(HistoryGrowthBenchmark.Options.parse(
                "--revisions", "120", "--band", "40", "--warmup", "5", "--snapshot-every", "20", "--rounds", "3",
                "--loads", "5", "--durable", "off"), line -> { });
        String text = report.render();

        Matcher result = RESULT.matcher(text);
        assertThat(result.find()).as(text).isTrue();
        assertThat(report.edits()).hasSize(119).extracting(HistoryGrowthReport.Edit::revision)
                .startsWith(2L).endsWith(120L);
        assertThat(report.bands()).hasSize(3);
        assertThat(report.edits()).allSatisfy(edit -> {
            assertThat(edit.editNanos()).isPositive();
            assertThat(edit.commandNanos()).isPositive().isLessThanOrEqualTo(edit.editNanos());
        });
        assertThat(report.loadRounds()).hasSize(3).allSatisfy(round -> {
            assertThat(round.productNanos()).isPositive();
            assertThat(round.storeReadNanos()).isPositive();
            assertThat(round.rawNanos()).isPositive();
        });
        assertThat(text).contains("| 2–41 |", "| 82–120 |", "round 3:");
    }
}
