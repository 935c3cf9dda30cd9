package jp.hyoka.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the fan-out benchmark (infra/scripts/bench-fan-out.sh) from rotting: a tiny run of the real harness must
 * raise a proposal for every use at every publication, answer the usage view's GraphQL requests over HTTP (the
 * operator's and one editor's usedBy, the operator's dry run) with the counts of what it seeded, and produce a
 * well-formed report with positive numbers. It asserts no timing: speed is judged by running the script.
 */
class ComponentFanOutBenchmarkIT {

    private static final Pattern RESULT = Pattern.compile("RESULT municipalities=3 documents=2 uses=6 rounds=3 "
            + "durable=off fanOutProposalsPerSec=([\\d.]+) readableProposalsPerSec=([\\d.]+) "
            + "ceilingRowsPerSec=([\\d.]+) ratio=([\\d.]+) readableRatio=([\\d.]+) target=0\\.30 "
            + "verdict=(PASS|BELOW) usedByOperatorP50Ms=([\\d.]+) usedByOperatorWorstMs=([\\d.]+) "
            + "usedByEditorP50Ms=([\\d.]+) usedByEditorWorstMs=([\\d.]+) impactP50Ms=([\\d.]+) "
            + "impactWorstMs=([\\d.]+) usageViewSqlP50Ms=([\\d.]+) usageViewRows=(\\d+)");

    @Test
    void givenATinyRun_whenTheBenchmarkRuns_thenEveryPublicationRaisesAProposalPerUseAndTheReportIsWellFormed()
            throws Exception {
        ComponentFanOutBenchmark.Report report = ComponentFanOutBenchmark.run(ComponentFanOutBenchmark.Options.parse(
                "--municipalities", "3", "--documents", "2", "--rounds", "3", "--seeders", "2", "--durable", "off"),
                line -> { });
        String text = report.render();

        Matcher result = RESULT.matcher(text);
        assertThat(result.find()).as(text).isTrue();
        for (int group : new int[]{1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12}) {     // the raw SQL may round to 0.0 ms
            assertThat(Double.parseDouble(result.group(group))).as(result.group(0)).isPositive();
        }
        assertThat(report.rounds()).extracting(round -> round.publication().proposals()).containsExactly(6, 6, 6);
        assertThat(report.rounds()).extracting(round -> round.publication().version()).containsExactly(2, 3, 4);
        // 3 municipalities × (locked, adapted), all pending on the latest version
        assertThat(Integer.parseInt(result.group(14))).isEqualTo(6);

        ComponentFanOutBenchmark.UsageView usage = report.usageView();
        assertThat(usage.operatorUsedBy().runs()).isGreaterThanOrEqualTo(20);
        JsonNode operator = usage.operatorCounts();
        assertThat(operator.path("totalCount").asInt()).as(operator.toString()).isEqualTo(6);
        assertThat(operator.path("municipalities").asInt()).isEqualTo(3);
        assertThat(operator.path("byVersion").toString())
                .isEqualTo("[{\"version\":1,\"locked\":3,\"adapted\":3,\"detached\":0}]");
        assertThat(operator.path("proposals").path("pending").asInt()).as("version 4's, the older ones superseded")
                .isEqualTo(6);
        assertThat(operator.path("byMunicipality").path("edges").findValuesAsText("pending"))
                .containsExactly("2", "2", "2");
        JsonNode editor = usage.editorCounts();
        assertThat(editor.path("totalCount").asInt()).as(editor.toString()).isEqualTo(2);
        assertThat(editor.path("municipalities").asInt()).isEqualTo(1);
        assertThat(editor.path("byMunicipality").path("edges").findValuesAsText("code"))
                .containsExactly(usage.editorOf().value());
        JsonNode impact = usage.impact().json();
        assertThat(impact.path("status").asText()).as(impact.toString()).isEqualTo("DRAFT");
        assertThat(usage.draft()).isEqualTo(5);
        assertThat(impact.path("proposals").asInt()).isEqualTo(6);
        assertThat(impact.path("locked").asInt()).isEqualTo(3);
        assertThat(impact.path("cleanMerges").asInt() + impact.path("conflicts").asInt()).isEqualTo(3);
        assertThat(impact.path("byMunicipality").size()).isEqualTo(3);
        assertThat(text).contains("| POST /graphql `usedBy`, platform operator |");
    }
}
