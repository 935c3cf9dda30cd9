package jp.hyoka.server.rebuild;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RebuildBenchmarkReportTest {

    @Test
    void givenARunThatSkippedTheRebuild_whenWritten_thenTheReportHasRowSixAndNoRowSevenDetail(@TempDir Path out)
            throws Exception {
        RebuildBenchmarkReport.Measurements six = new RebuildBenchmarkReport.Measurements();
        six.product.addAll(List.of(900.0, 1_000.0, 1_100.0));
        six.ceiling.addAll(List.of(2_000.0, 2_000.0, 2_000.0));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("events", 1_000_000);
        report.put("tenants", 4);
        report.put("rounds", 3);
        report.put("warmupRounds", 1);
        report.put("postgres", "PostgreSQL");
        report.put("seconds", 1.0);
        report.put("rows", List.of(six.row(6, "event processor throughput, no handler work", "events/s",
                "tracking processor", "ordered read", 0.5, Map.of())));

        RebuildBenchmarkReport.write(out, report);

        String markdown = Files.readString(out.resolve("report.md"));
        assertThat(markdown).contains("| 6 | event processor throughput").contains("| 50 % |")
                .doesNotContain("Row 7 also wrote");
        assertThat(Files.readString(out.resolve("report.json"))).contains("\"row\" : 6").doesNotContain("\"row\" : 7");
    }
}
