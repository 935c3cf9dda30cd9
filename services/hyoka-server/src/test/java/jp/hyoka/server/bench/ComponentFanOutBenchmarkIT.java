package jp.hyoka.server.bench;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the fan-out benchmark (infra/scripts/bench-fan-out.sh) from rotting: a tiny run of the real harness must
 * raise a proposal for every use at every publication and produce a well-formed report with positive numbers. It
 * asserts no timing: speed is judged by running the script.
 */
class ComponentFanOutBenchmarkIT {

    private static final Pattern RESULT = Pattern.compile("RESULT municipalities=3 documents=2 uses=6 rounds=3 "
            + "durable=off fanOutProposalsPerSec=([\\d.]+) readableProposalsPerSec=([\\d.]+) "
            + "ceilingRowsPerSec=([\\d.]+) ratio=([\\d.]+) readableRatio=([\\d.]+) target=0\\.30 "
            + "verdict=(PASS|BELOW) usageViewP50Ms=([\\d.]+) usageViewRows=(\\d+)");

    @Test
    void givenATinyRun_whenTheBenchmarkRuns_thenEveryPublicationRaisesAProposalPerUseAndTheReportIsWellFormed()
            throws Exception {
        ComponentFanOutBenchmark.Report report = ComponentFanOutBenchmark.run(ComponentFanOutBenchmark.Options.parse(
                "--municipalities", "3", "--documents", "2", "--rounds", "3", "--seeders", "2", "--durable", "off"),
                line -> { });
        String text = report.render();

        Matcher result = RESULT.matcher(text);
        assertThat(result.find()).as(text).isTrue();
        for (int group = 1; group <= 5; group++) {
            assertThat(Double.parseDouble(result.group(group))).as(result.group(0)).isPositive();
        }
        assertThat(report.rounds()).extracting(round -> round.publication().proposals()).containsExactly(6, 6, 6);
        assertThat(report.rounds()).extracting(round -> round.publication().version()).containsExactly(2, 3, 4);
        // 3 municipalities × (locked, adapted), all pending on the latest version
        assertThat(Integer.parseInt(result.group(8))).isEqualTo(6);
    }
}
