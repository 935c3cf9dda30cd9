package jp.hyoka.domain.importing.annex;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static jp.hyoka.domain.importing.annex.AnnexFixtures.annexOf;
import static jp.hyoka.domain.importing.annex.AnnexFixtures.line;
import static jp.hyoka.domain.importing.annex.AnnexFixtures.onlyRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Damaged rows (DOMAIN.md §4.6, §6.1, §7): each is kept as far as it can be, with a warning saying what happened. */
class ChangeAnnexRowQuirksTest {

    @Test
    void givenFiveCellsWithTimingInTheFourth_whenParse_thenBeforeIsMissingAndTheRowIsWarned() {
        ChangeAnnex annex = annexOf(line("令和6年11月1日", "III-6情報提供ネットワークとの接続",
                "[○]接続しない（入手） []接続しない（入手）", "事後", "法改正に伴う対応"));

        ChangeRow row = onlyRow(annex);
        assertThat(row.before().kind()).isEqualTo(ChangeTextKind.MISSING);
        assertThat(row.after().text()).isEqualTo("[○]接続しない（入手） []接続しない（入手）");
        assertThat(row.timing()).isEqualTo(SubmissionTiming.AFTER);
        assertThat(row.reason()).isEqualTo(ReasonCode.LAW_AMENDMENT);
        assertThat(annex.warnings()).extracting(ParseWarning::lineNumber, ParseWarning::code)
                .containsExactly(tuple(3, WarningCode.FUSED_CELLS));
    }

    @Test
    void givenFiveCellsEndingInBlankOrTiming_whenParse_thenTheFourTextColumnsStandAndTheExplanationIsMissing() {
        ChangeAnnex annex = annexOf(line("令和6年11月1日", "IV V-2-①", "〒070-8525 旭川市6条通9丁目", "〒070-8525 旭川市7条通9丁目", ""),
                line("令和6年11月1日", "I-4", "旧", "新", "事後"));

        assertThat(annex.rows()).extracting(ChangeRow::timing).containsExactly(null, SubmissionTiming.AFTER);
        assertThat(annex.rows()).extracting(ChangeRow::explanation).containsOnly("");
        assertThat(annex.rows().get(0).before().text()).isEqualTo("〒070-8525 旭川市6条通9丁目");
        assertThat(annex.rows().get(0).after().text()).isEqualTo("〒070-8525 旭川市7条通9丁目");
        assertThat(annex.warnings()).extracting(ParseWarning::lineNumber, ParseWarning::code)
                .containsExactly(tuple(3, WarningCode.FUSED_CELLS), tuple(4, WarningCode.FUSED_CELLS));
        assertThat(annex.warnings().get(0).message()).contains("提出時期に係る説明 is missing");
    }

    @Test
    void givenFiveCellsEndingInAnExplanation_whenParse_thenTheExplanationIsKept() {
        ChangeRow row = onlyRow(annexOf(line("令和6年11月1日", "I-4", "旧", "新", "法改正に伴う対応")));

        assertThat(row.timing()).isNull();
        assertThat(row.explanation()).isEqualTo("法改正に伴う対応");
    }

    @Test
    void givenEmptyDate_whenParse_thenNullDateAndAWarning() {
        ChangeAnnex annex = annexOf(line("", "I 6 ① 部署", "旧", "新", "事後", ""));

        assertThat(onlyRow(annex).changedOn()).isNull();
        assertThat(annex.warnings()).extracting(ParseWarning::lineNumber, ParseWarning::code)
                .containsExactly(tuple(3, WarningCode.MISSING_DATE));
    }

    @Test
    void givenFirstYearOfAnEraWrittenAs1OrAs元_whenParse_thenTheSameDayAndTheTextAsWritten() {
        ChangeAnnex annex = annexOf(line("令和元年12月13日", "A", "旧", "新", "事後", ""),
                line("令和1年12月13日", "B", "旧", "新", "事後", ""));

        assertThat(annex.rows()).extracting(ChangeRow::changedOn, ChangeRow::changedOnText).containsExactly(
                tuple(LocalDate.of(2019, 12, 13), "令和元年12月13日"), tuple(LocalDate.of(2019, 12, 13), "令和1年12月13日"));
        assertThat(annex.warnings()).isEmpty();
    }

    @Test
    void givenDatesThatAreNone_whenParse_thenRowsKeptWithTheTextAndWarned() {
        ChangeAnnex annex = annexOf(line("平成31年5月1日", "A", "旧", "新", "事後", ""),
                line("変更なし", "B", "旧", "新", "事後", ""));

        assertThat(annex.rows()).extracting(ChangeRow::changedOn, ChangeRow::changedOnText)
                .containsExactly(tuple(null, "平成31年5月1日"), tuple(null, "変更なし"));
        assertThat(annex.warnings()).extracting(ParseWarning::code)
                .containsExactly(WarningCode.UNPARSEABLE_DATE, WarningCode.UNPARSEABLE_DATE);
    }

    @Test
    void givenExcelFilledDateSequence_whenParse_thenEachDateIsKeptAsWritten() {
        ChangeAnnex annex = annexOf(line("令和5年7月1日", "A", "旧", "新", "事後", ""),
                line("令和5年7月2日", "A", "旧", "新", "事後", ""), line("令和5年7月3日", "A", "旧", "新", "事後", ""));

        assertThat(annex.rows()).extracting(ChangeRow::changedOn).containsExactly(
                LocalDate.of(2023, 7, 1), LocalDate.of(2023, 7, 2), LocalDate.of(2023, 7, 3));
    }

    @Test
    void givenHtmlIn変更日_whenParse_thenTheDateParsesAndItsTextIsPlain() {
        ChangeRow row = onlyRow(annexOf(line("<p>令和6年</p><p>4月2日</p>", "B", "旧", "新", "事後", "")));

        assertThat(row.changedOn()).isEqualTo(LocalDate.of(2024, 4, 2));
        assertThat(row.changedOnText()).isEqualTo("令和6年4月2日");
    }

    @Test
    void givenHtmlIn項目_whenParse_thenAsciiTagsAreStrippedButAngleBracketedJapaneseStays() {
        ChangeRow row = onlyRow(annexOf(line("令和4年6月16日",
                "<p>基本情報</p> <p>1. 事務の内容</p><p><中間サーバー・プラットフォームにおける措置></p>",
                "<p>旧</p>", "新", "事後", "<p>軽微な修正</p>")));

        assertThat(row.itemPath()).isEqualTo("基本情報 1. 事務の内容<中間サーバー・プラットフォームにおける措置>");
        assertThat(row.before().text()).isEqualTo("<p>旧</p>");
        assertThat(row.explanation()).isEqualTo("軽微な修正");
    }

    @Test
    void givenGarbageTiming_whenParse_thenNullAndAWarning() {
        ChangeAnnex annex = annexOf(line("令和7年8月4日", "A", "旧", "新", "----", ""));

        assertThat(onlyRow(annex).timing()).isNull();
        assertThat(annex.warnings()).extracting(ParseWarning::code).containsExactly(WarningCode.UNKNOWN_TIMING);
    }

    @Test
    void givenBlankTiming_whenParse_thenNullWithoutWarning() {
        ChangeAnnex annex = annexOf(line("平成30年6月7日", "A", "(空欄)", "新", "", ""));

        assertThat(onlyRow(annex).timing()).isNull();
        assertThat(onlyRow(annex).reason()).isEqualTo(ReasonCode.NONE);
        assertThat(annex.warnings()).isEmpty();
    }

    @Test
    void givenCellsBeyondTheSixth_whenParse_thenTheRowIsReadAndTheExtraTextIsInTheWarning() {
        ChangeAnnex annex = annexOf(line("令和7年3月27日", "A", "旧", "新", "事前", "重要な変更", "", "余り"),
                line("令和7年3月27日", "B", "旧", "新", "事前", "重要な変更", "", ""));

        assertThat(annex.rows()).extracting(ChangeRow::timing).containsOnly(SubmissionTiming.BEFORE);
        assertThat(annex.warnings()).extracting(ParseWarning::lineNumber, ParseWarning::code)
                .containsExactly(tuple(3, WarningCode.EXTRA_CELLS));
        assertThat(annex.warnings().get(0).message()).contains("余り");
    }
}
