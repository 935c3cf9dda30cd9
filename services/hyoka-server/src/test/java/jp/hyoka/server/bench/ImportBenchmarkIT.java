package jp.hyoka.server.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the bulk-import benchmark (infra/scripts/bench-import.sh) from rotting: a tiny run of the real harness must
 * produce a well-formed report with positive numbers. It asserts no timing: speed is judged by running the script.
 */
class ImportBenchmarkIT {

    private static final Pattern RESULT = Pattern.compile("RESULT eventsAtStart=(\\d+) eventsAtEnd=(\\d+) rounds=3 "
            + "eventsPerSet=\\d+ documentRowsPerSet=\\d+ storedBytesPerSet=\\d+ "
            + "importToCommitRowsPerSec=([\\d.]+) commandOnlyRowsPerSec=([\\d.]+) endToEndRowsPerSec=([\\d.]+) "
            + "ceilingRowsPerSec=([\\d.]+) ratio=([\\d.]+) commandRatio=([\\d.]+) endToEndRatio=([\\d.]+) "
            + "target=0\\.50 verdict=(PASS|BELOW)");

    @Test
    void givenATinyRun_whenTheBenchmarkRuns_thenItReportsPositiveRatesForProductAndCeiling() throws Exception {
        // Not durable: the suite's PostgreSQL is shared and fast; durability is the script's business.
        ImportBenchmark.Options options = ImportBenchmark.Options.parse("--rounds", "3", "--sets", "1", "--warmup",
                "1", "--warmup-max", "1", "--levels", "", "--durable", "off");

        ImportBenchmarkReport report = ImportBenchmark.run(options, line -> { });
        String text = report.render();

        assertThat(text).contains("| event table", "import→commit", "JDBC batch", "Median per import");
        Matcher result = RESULT.matcher(text);
        assertThat(result.find()).as(text).isTrue();
        long eventsPerRound = report.setup().eventsPerSet();
        assertThat(eventsPerRound).as("events of one import set (000, 003, 004, 001)").isGreaterThan(10);
        assertThat(report.setup().documentRowsPerSet()).as("document rows of one import set: the per-answer events")
                .isGreaterThan(eventsPerRound + 300);
        assertThat(Long.parseLong(result.group(2)) - Long.parseLong(result.group(1)))
                .as("every import appended its events").isEqualTo(3 * eventsPerRound);
        for (int group = 3; group <= 9; group++) {
            assertThat(Double.parseDouble(result.group(group))).as(result.group(0)).isPositive();
        }
        Matcher warm = Pattern.compile("warmupSets=1 warmupStop=maximum roundsJitShare=([\\d.]+)").matcher(text);
        assertThat(warm.find()).as("the warm-up (one set: its maximum) and the JIT's share in the rounds: " + text)
                .isTrue();
        assertThat(Double.parseDouble(warm.group(1))).isBetween(0.0, 1.0);
        assertThat(text).contains("JIT compilers during the measured rounds' imports");
        assertThat(report.levels()).hasSize(1);
        assertThat(report.levels().get(0).rounds()).hasSize(3).allSatisfy(round -> {
            assertThat(round.ceilingRows()).isEqualTo(round.product().documentRows())
                    .isEqualTo(report.setup().documentRowsPerSet());      // one set per round
            assertThat(round.product().imports()).extracting(ImportWorkload.Timing::sample)
                    .containsExactlyElementsOf(List.of("000", "003", "004", "001"));
        });
    }
}
