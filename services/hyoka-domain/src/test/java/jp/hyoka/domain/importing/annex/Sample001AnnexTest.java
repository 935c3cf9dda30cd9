package jp.hyoka.domain.importing.annex;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** 001 墨田区 国民健康保険: the annex alone, 137 rows over 20 printed pages, 平成30年–令和6年 (DOMAIN.md §4.1, §4.7). */
class Sample001AnnexTest {

    private final ChangeAnnex annex = Samples.annex("001");

    private ChangeRow rowAt(int lineNumber) {
        return annex.rows().stream().filter(row -> row.lineNumber() == lineNumber).findFirst().orElseThrow();
    }

    @Test
    void givenSample001_whenParse_then137RowsAcross20PagesWithoutWarnings() {
        assertThat(ChangeAnnexParser.locate(Samples.lines("001"))).hasValue(3);
        assertThat(annex.rows()).hasSize(137);
        assertThat(annex.rowsRead()).isEqualTo(137);
        assertThat(annex.warnings()).isEmpty();
    }

    @Test
    void givenSample001_whenParse_then100After36BeforeAndOneBlank() {
        Map<String, Long> timings = annex.rows().stream()
                .collect(Collectors.groupingBy(row -> String.valueOf(row.timing()), Collectors.counting()));

        assertThat(timings).containsOnly(entry("AFTER", 100L), entry("BEFORE", 36L), entry("null", 1L));
        assertThat(annex.rows().get(0).timing()).isNull();
    }

    @Test
    void givenSample001_whenParse_thenNineDatesInSourceOrderIncluding令和1年() {
        assertThat(annex.rows().stream().map(ChangeRow::changedOn).distinct()).containsExactly(
                LocalDate.of(2018, 6, 7), LocalDate.of(2019, 6, 18), LocalDate.of(2019, 12, 13),
                LocalDate.of(2020, 6, 12), LocalDate.of(2021, 6, 10), LocalDate.of(2022, 6, 16),
                LocalDate.of(2022, 5, 26), LocalDate.of(2023, 6, 5), LocalDate.of(2024, 1, 31));
        assertThat(rowAt(7).changedOnText()).isEqualTo("令和1年6月18日");
        // 令和4年6月16日 (line 146) comes before 令和4年5月26日 (line 147): kept that way (DOMAIN.md §4.6)
        assertThat(rowAt(146).rowIndex()).isLessThan(rowAt(147).rowIndex());
    }

    @Test
    void givenSample001_whenParse_thenTheReSubcontractingRowIsAnImportantChange() {
        ChangeRow row = rowAt(86);

        assertThat(row.itemPath()).contains("再委託の有無");
        assertThat(row.before()).isEqualTo(new ChangeText(ChangeTextKind.EMPTY, "(空欄)"));
        assertThat(row.after()).isEqualTo(new ChangeText(ChangeTextKind.TEXT, "再委託する"));
        assertThat(row.timing()).isEqualTo(SubmissionTiming.BEFORE);
        assertThat(row.reason()).isEqualTo(ReasonCode.IMPORTANT_CHANGE);
    }

    @Test
    void givenSample001_whenParse_thenReasonCountsMatchDomain() {
        Map<ReasonCode, Long> reasons = annex.rows().stream()
                .collect(Collectors.groupingBy(ChangeRow::reason, Collectors.counting()));

        assertThat(reasons).containsOnly(entry(ReasonCode.NONE, 102L), entry(ReasonCode.RISK_REDUCED, 18L),
                entry(ReasonCode.SERIOUS_INCIDENT, 13L), entry(ReasonCode.IMPORTANT_CHANGE, 2L),
                entry(ReasonCode.REASSESSMENT, 1L), entry(ReasonCode.OTHER, 1L));
        assertThat(rowAt(189).explanation()).isEqualTo("クラウド化されるため");
    }

    @Test
    void givenSample001_whenParse_thenPlaceholdersAndHtmlInItemPaths() {
        assertThat(rowAt(6).before().kind()).isEqualTo(ChangeTextKind.EMPTY);
        assertThat(rowAt(27).before()).isEqualTo(new ChangeText(ChangeTextKind.EMPTY, "—"));
        assertThat(rowAt(165).after()).isEqualTo(new ChangeText(ChangeTextKind.EMPTY, "-"));
        assertThat(rowAt(183).before().kind()).isEqualTo(ChangeTextKind.ABRIDGED);
        assertThat(rowAt(146).itemPath()).startsWith("基本情報 1. 特定個人情報ファイルを取り扱う事務").doesNotContain("<p>");
        assertThat(rowAt(19).after().text()).isEqualTo("令和1年6月18日.");
    }
}
