package jp.hyoka.domain.importing.annex;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * 004 旭川市 重点項目評価書: six revisions 令和2年–令和7年, with fused cells and markdown separator rows.
 *
 * <p>DOMAIN.md §4.1 counts 66 rows (事後 44, 事前 16, blank/garbled rest). The parser finds 64 rows: DOMAIN counted
 * the two "----------" separator rows (lines 399, 402) as rows, and the three five-cell rows whose 提出時期 is still
 * readable in the 4th cell (391 and 392 事後, 398 事前) as garbled. Read here: 事後 46 = 44 + 2, 事前 17 = 16 + 1,
 * and one row without 提出時期 (393), which is the fourth five-cell row.
 */
class Sample004AnnexTest {

    private final ChangeAnnex annex = Samples.annex("004");

    private ChangeRow rowAt(int lineNumber) {
        return annex.rows().stream().filter(row -> row.lineNumber() == lineNumber).findFirst().orElseThrow();
    }

    @Test
    void givenSample004_whenParse_then64RowsOnSixDates() {
        assertThat(ChangeAnnexParser.locate(Samples.lines("004"))).hasValue(358);
        assertThat(annex.rows()).hasSize(64);
        assertThat(annex.rows().stream().map(ChangeRow::changedOn).distinct()).containsExactly(
                LocalDate.of(2020, 9, 1), LocalDate.of(2021, 9, 1), LocalDate.of(2023, 12, 27),
                LocalDate.of(2024, 11, 1), LocalDate.of(2025, 8, 4), LocalDate.of(2025, 12, 1));
    }

    @Test
    void givenSample004_whenParse_then46After17BeforeAndOneUnknown() {
        Map<String, Long> timings = annex.rows().stream()
                .collect(Collectors.groupingBy(row -> String.valueOf(row.timing()), Collectors.counting()));

        assertThat(timings).containsOnly(entry("AFTER", 46L), entry("BEFORE", 17L), entry("null", 1L));
        assertThat(rowAt(393).timing()).isNull();
    }

    @Test
    void givenSample004_whenParse_thenFourFusedRowsWarnedAndSeparatorsSkipped() {
        assertThat(annex.warnings()).extracting(ParseWarning::code).containsOnly(WarningCode.FUSED_CELLS);
        assertThat(annex.warnings()).extracting(ParseWarning::lineNumber).containsExactly(391, 392, 393, 398);
        assertThat(annex.rows()).extracting(ChangeRow::lineNumber).doesNotContain(399, 402);
        assertThat(rowAt(392).before().kind()).isEqualTo(ChangeTextKind.MISSING);
        assertThat(rowAt(392).after().text()).startsWith("<p>[○]接続しない（入手）</p> <p>[]接続しない（入手）");
        assertThat(rowAt(398).timing()).isEqualTo(SubmissionTiming.BEFORE);
        assertThat(rowAt(398).reason()).isEqualTo(ReasonCode.IMPORTANT_CHANGE);
    }

    @Test
    void givenSample004_whenParse_thenPlaceholders() {
        assertThat(rowAt(371).before()).isEqualTo(new ChangeText(ChangeTextKind.ADDED, "(記述の追加)"));
        assertThat(rowAt(414).before()).isEqualTo(new ChangeText(ChangeTextKind.ADDED, "(新規)"));
        assertThat(rowAt(439).after()).isEqualTo(new ChangeText(ChangeTextKind.SEE_ANNEX, "別紙参照"));
        assertThat(rowAt(428).before().kind()).isEqualTo(ChangeTextKind.ABRIDGED);
        assertThat(rowAt(363).after()).isEqualTo(new ChangeText(ChangeTextKind.TEXT, "2015/10/1"));
        assertThat(rowAt(377).itemPath()).isEqualTo("III-7. 特定個人情報の保管・消去 (記述の追加)");
        assertThat(rowAt(377).before().kind()).isEqualTo(ChangeTextKind.EMPTY);
    }

    @Test
    void givenSample004_whenParse_thenReasonCodes() {
        Map<ReasonCode, Long> reasons = annex.rows().stream()
                .collect(Collectors.groupingBy(ChangeRow::reason, Collectors.counting()));

        // DOMAIN.md §4.3 gives LAW_AMENDMENT 6 and IMPORTANT_CHANGE 3; the file has 4 × "法改正に伴う対応" plus
        // 3 × "軽微な修正(法改正に伴う改正)", and the J-LIS wording on 4 rows (398 fused, 401 wrapped in <p>)
        assertThat(reasons).containsOnly(entry(ReasonCode.NONE, 25L), entry(ReasonCode.MINOR_WORDING, 16L),
                entry(ReasonCode.GUIDANCE_REVIEW, 10L), entry(ReasonCode.LAW_AMENDMENT, 7L),
                entry(ReasonCode.IMPORTANT_CHANGE, 4L), entry(ReasonCode.VOLUNTARY_EARLY, 1L),
                entry(ReasonCode.REASSESSMENT, 1L));
        assertThat(rowAt(395).reason()).isEqualTo(ReasonCode.VOLUNTARY_EARLY);
        assertThat(rowAt(438).reason()).isEqualTo(ReasonCode.REASSESSMENT);
        assertThat(rowAt(401).explanation()).startsWith("重要な項目の変更であって").doesNotContain("<p>");
    }
}
