package jp.hyoka.server.bench;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the integration benchmark (infra/scripts/bench-integration.sh) from rotting: a tiny run of the real harness
 * against the tests' broker must publish every seeded row (none left waiting), write exactly one outbox row per
 * command with the outbox on and none with it off (so the two sides measure what they claim), and produce a
 * well-formed report with positive numbers. It asserts no timing: speed is judged by running the script.
 */
class IntegrationBenchmarkIT {

    private static final Pattern RESULT = Pattern.compile("RESULT rows=1200 keys=30 rounds=3 durable=off "
            + "relayRowsPerSec=([\\d.]+) readCeilingRowsPerSec=([\\d.]+) relayRatio=([\\d.]+) relayTarget=0\\.50 "
            + "relayVerdict=(PASS|BELOW) commandP50WithMs=([\\d.]+) commandP50WithoutMs=([\\d.]+) "
            + "insertP50Ms=([\\d.]+) latencyRatio=([\\d.]+) latencyTarget=3\\.0 commandsPerSecWith=([\\d.]+) "
            + "commandsPerSecWithout=([\\d.]+) insertsPerSec=([\\d.]+) throughputRatio=([\\d.]+) "
            + "throughputTarget=0\\.30 outboxShareOfP50=(-?[\\d.]+) outboxThroughputLoss=(-?[\\d.]+) "
            + "outboxRowsPerCommandWith=1\\.00 outboxRowsPerCommandWithout=0\\.00");

    @Test
    void givenATinyRun_whenTheBenchmarkRuns_thenTheRelayPublishesEveryRowAndOnlyTheOutboxSideWritesRows()
            throws Exception {
        IntegrationBenchmark.Report report = IntegrationBenchmark.run(IntegrationBenchmark.Options.parse(
                "--rows", "1200", "--keys", "30", "--batch-size", "200", "--rounds", "3", "--latency-commands", "10",
                "--clients", "3", "--commands-per-client", "4", "--durable", "off"), line -> { });
        String text = report.render();

        Matcher result = RESULT.matcher(text);
        assertThat(result.find()).as(text).isTrue();
        for (int group : new int[]{1, 2, 3, 5, 6, 8, 9, 10, 11, 12}) {      // a raw INSERT may round to 0.00 ms
            assertThat(Double.parseDouble(result.group(group))).as(result.group(0)).isPositive();
        }
        assertThat(report.relay()).allSatisfy(round -> {
            assertThat(round.published()).isEqualTo(1200);
            assertThat(round.waitingAfter()).isZero();
        });
        assertThat(report.commands()).allSatisfy(round -> {
            assertThat(round.with().outboxRowsPerCommand()).isEqualTo(1.0);
            assertThat(round.without().outboxRowsPerCommand()).isZero();
        });
        assertThat(report.averagePayloadBytes()).isBetween(400.0, 1100.0);
    }
}
