package jp.hyoka.server.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DesignCeilingsTest {

    @Test
    void givenTheShippedAnalysis_whenEveryRowOfTheReportIsLookedUp_thenEachHasItsCeilingWritten() {
        DesignCeilings ceilings = DesignCeilings.load();

        for (String row : BenchResult.rowOrder()) {
            assertThat(ceilings.forRow(row)).as("row %s", row).hasValueSatisfying(text ->
                    assertThat(text).hasSizeGreaterThan(200));
        }
    }

    @Test
    void givenTheShippedAnalysis_whenRowTwoIsLookedUp_thenItExplainsItsCommandLinesBesideTheHttpOnes() {
        assertThat(DesignCeilings.load().forRow(BenchRunner.ROW_TWO)).hasValueSatisfying(text -> assertThat(text)
                .contains("`" + BenchRunner.ROW_TWO + "`", "`" + BenchRunner.ROW_TWO_MUNICIPALITIES + "`",
                        "`2 (16 municipalities)`"));
    }

    @Test
    void givenOneRowMissedAndOneMet_whenTheReportIsWritten_thenOnlyTheMissedRowGetsItsCeilingSection() {
        BenchResult missed = BenchResult.of("2", "16 editors", "/s", 400, 20_000, 0.02,
                BenchResult.Target.atLeast(0.30), "16-client INSERT/s", "");
        BenchResult met = BenchResult.of("3", "appends", "events/s", 26_000, 35_000, 0.8,
                BenchResult.Target.atLeast(0.60), "10-row txn", "");

        String markdown = new BenchReport("quick", Map.of(), List.of(missed, met), null, List.of(), 1).markdown();

        assertThat(markdown).contains("## Rows below target: the ceiling of this design")
                .contains("### Row 2\n\n" + DesignCeilings.load().forRow("2").orElseThrow())
                .doesNotContain("### Row 3");
    }

    @Test
    void givenEveryRowMet_whenTheReportIsWritten_thenNoCeilingSectionIsPrinted() {
        BenchResult met = BenchResult.of("3", "appends", "events/s", 26_000, 35_000, 0.8,
                BenchResult.Target.atLeast(0.60), "10-row txn", "");

        assertThat(new BenchReport("quick", Map.of(), List.of(met), null, List.of(), 1).markdown())
                .doesNotContain("ceiling of this design");
    }

    @Test
    void givenSectionsInMarkdown_whenParsed_thenEachRowGetsTheTextUpToTheNextHeading() {
        DesignCeilings parsed = DesignCeilings.parse("# title\n\n## row 1\n\none\n\n## row 10\n\nten\nmore\n");

        assertThat(parsed.forRow("1 (in-process)")).hasValue("one");
        assertThat(parsed.forRow("10")).hasValue("ten\nmore");
        assertThat(parsed.forRow("4")).isEmpty();
    }
}
