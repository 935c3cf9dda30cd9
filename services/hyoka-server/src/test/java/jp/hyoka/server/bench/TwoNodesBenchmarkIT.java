package jp.hyoka.server.bench;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the two-node benchmark (infra/scripts/bench-two-nodes.sh) from rotting: a tiny run of the real harness must
 * produce a well-formed report with positive numbers. It asserts no timing: speed is judged by running the script.
 */
class TwoNodesBenchmarkIT {

    private static final Pattern RESULT = Pattern.compile("RESULT edits=5 rounds=1 durable=off holderMs=([\\d.]+) "
            + "otherMs=([\\d.]+) insertMs=([\\d.]+) ratio=([\\d.]+) target=2\\.0 verdict=(PASS|ABOVE)");

    @Test
    void givenATinyRun_whenTheBenchmarkRuns_thenItReportsBothNodesAndTheCeiling() throws Exception {
        TwoNodesBenchmark.Report report = TwoNodesBenchmark.run(
                TwoNodesBenchmark.Options.parse("--edits", "5", "--rounds", "1", "--durable", "off"));
        String text = report.render();

        Matcher result = RESULT.matcher(text);
        assertThat(result.find()).as(text).isTrue();
        for (int group = 1; group <= 4; group++) {
            assertThat(Double.parseDouble(result.group(group))).as(result.group(0)).isPositive();
        }
        assertThat(report.rounds()).hasSize(1);
    }
}
