package jp.hyoka.server.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The rebuild benchmark runs, tiny (one municipality's samples, three rounds), and reports rows 6 and 7 in the
 * agreed shape. What it measured is not judged here: timings on shared machines are no test.
 */
class RebuildBenchmarkIT {

    @Test
    void givenATinyRun_whenItFinishes_thenTheReportHasRowsSixAndSevenWithRoundsMediansAndRatios(@TempDir Path out)
            throws Exception {
        RebuildBenchmark.run(new RebuildBenchmark.Settings(1, 0, 3, out));

        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.path("events").asLong()).isPositive();
        assertThat(report.path("rounds").asInt()).isEqualTo(3);
        assertThat(report.path("rows").findValuesAsText("row")).containsExactly("6", "7");
        for (JsonNode row : report.path("rows")) {
            for (String side : new String[] {"product", "ceiling"}) {
                JsonNode measured = row.path(side);
                assertThat(measured.path("name").asText()).as(side).isNotBlank();
                assertThat(measured.path("rounds").size()).as(side).isEqualTo(3);
                measured.path("rounds").forEach(rate -> assertThat(rate.asDouble()).as(side).isPositive());
                assertThat(measured.path("median").asDouble()).isEqualTo(RebuildBenchmarkReport.median(
                        java.util.stream.StreamSupport.stream(measured.path("rounds").spliterator(), false)
                                .map(JsonNode::asDouble).toList()));
            }
            assertThat(row.path("roundRatios").size()).isEqualTo(3);
            for (int round = 0; round < 3; round++) {
                assertThat(row.path("roundRatios").get(round).asDouble()).isCloseTo(
                        row.path("product").path("rounds").get(round).asDouble()
                                / row.path("ceiling").path("rounds").get(round).asDouble(), within(1e-9));
            }
            assertThat(row.path("ratio").asDouble()).isEqualTo(RebuildBenchmarkReport.median(
                    java.util.stream.StreamSupport.stream(row.path("roundRatios").spliterator(), false)
                            .map(JsonNode::asDouble).toList()));
            assertThat(row.path("target").asDouble()).isBetween(0.0, 1.0);
            assertThat(row.path("meetsTarget").isBoolean()).isTrue();
        }
        assertThat(report.path("rows").get(1).path("readModelRowsPerSecond").path("rounds").size()).isEqualTo(3);
        assertThat(Files.readString(out.resolve("report.md")))
                .contains("| # | metric | product (median) | ceiling (median) | ratio | target | met |")
                .contains("| 6 | event processor throughput").contains("| 7 | projection rebuild");
    }
}
