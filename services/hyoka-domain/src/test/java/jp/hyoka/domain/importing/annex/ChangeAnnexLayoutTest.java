package jp.hyoka.domain.importing.annex;

import org.junit.jupiter.api.Test;

import java.util.List;

import static jp.hyoka.domain.importing.annex.AnnexFixtures.HEADER;
import static jp.hyoka.domain.importing.annex.AnnexFixtures.HEADING;
import static jp.hyoka.domain.importing.annex.AnnexFixtures.annexOf;
import static jp.hyoka.domain.importing.annex.AnnexFixtures.line;
import static jp.hyoka.domain.importing.annex.AnnexFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Page layout inside the annex (DOMAIN.md §4.6): what is skipped, what is kept, and where the annex starts. */
class ChangeAnnexLayoutTest {

    @Test
    void givenHeadingAndHeaderRepeatedOnEveryPage_whenParse_thenRepeatsAreSkippedSilently() {
        ChangeAnnex annex = annexOf(row("A"), "", "(別添2)変更箇所", "", HEADER, row("B"), "", HEADER, row("C"));

        assertThat(annex.rows()).extracting(ChangeRow::itemPath).containsExactly("A", "B", "C");
        assertThat(annex.rows()).extracting(ChangeRow::lineNumber).containsExactly(3, 8, 11);
        assertThat(annex.rowsRead()).isEqualTo(3);
        assertThat(annex.warnings()).isEmpty();
    }

    @Test
    void givenMarkdownSeparatorRows_whenParse_thenTheyAreSkipped() {
        ChangeAnnex annex = annexOf(row("A"), line("----------", "-----", "-----", "----", "-----"),
                line("----------", "---", "---", "---", "----", "---"), row("B"));

        assertThat(annex.rows()).extracting(ChangeRow::itemPath).containsExactly("A", "B");
        assertThat(annex.warnings()).isEmpty();
    }

    @Test
    void givenLinesThatAreNoChangeRows_whenParse_thenEachBecomesAWarningWithItsLineNumber() {
        ChangeAnnex annex = annexOf(row("A"), "過去3年以内に発生した重大事故", line("発生年月日", "内容", "件数", "再発防止策"));

        assertThat(annex.rows()).hasSize(1);
        assertThat(annex.warnings()).extracting(ParseWarning::lineNumber, ParseWarning::code).containsExactly(
                tuple(4, WarningCode.NOT_A_CHANGE_ROW),
                tuple(5, WarningCode.NOT_A_CHANGE_ROW));
        assertThat(annex.warnings().get(1).message()).contains("4 cell(s)", "発生年月日");
        assertThat(annex.rowsRead()).isEqualTo(3);
    }

    @Test
    void givenByteOrderMarkAndWindowsLineEnds_whenParse_thenReadAsUsual() {
        ChangeAnnex annex = ChangeAnnexParser.parse(List.of("\uFEFF" + HEADING + "\r", HEADER + "\r", row("A") + "\r"));

        assertThat(annex.rows()).extracting(ChangeRow::itemPath, ChangeRow::explanation)
                .containsExactly(tuple("A", "軽微な修正"));
        assertThat(annex.warnings()).isEmpty();
    }

    @Test
    void givenTableOfContentsListingTheAnnex_whenLocate_thenTheHeadingFollowedByTheHeaderRowWins() {
        List<String> document = List.of("項目一覧", "I 基本情報", HEADING, "", "I 基本情報", "①事務の名称\t事務",
                "", HEADING, "", HEADER, row("A"));

        assertThat(ChangeAnnexParser.locate(document)).hasValue(8);
        assertThat(ChangeAnnexParser.parse(document).rows()).extracting(ChangeRow::lineNumber).containsExactly(11);
    }

    @Test
    void givenAnnexHeadingInFullWidthOrWithoutNumber_whenLocate_thenFound() {
        assertThat(ChangeAnnexParser.locate(List.of("x", "（別添３）　変更箇所", HEADER))).hasValue(2);
        assertThat(ChangeAnnexParser.locate(List.of("x", "(別添) 変更箇所", HEADER))).hasValue(2);
    }

    @Test
    void givenFileStartingWithTheHeaderRow_whenParse_thenTheWholeFileIsTheAnnex() {
        List<String> table = List.of(HEADER, row("A"), row("B"));

        assertThat(ChangeAnnexParser.locate(table)).hasValue(1);
        assertThat(ChangeAnnexParser.parse(table).rows()).hasSize(2);
    }

    @Test
    void givenNoAnnex_whenParse_thenNoRowsAndOneWarning() {
        ChangeAnnex annex = ChangeAnnexParser.parse(List.of("I 基本情報", HEADING, "", "I 基本情報"));

        assertThat(ChangeAnnexParser.locate(List.of("I 基本情報", HEADING, "I 基本情報"))).isEmpty();
        assertThat(annex.rows()).isEmpty();
        assertThat(annex.warnings()).extracting(ParseWarning::code).containsExactly(WarningCode.ANNEX_NOT_FOUND);
    }

    @Test
    void givenRowsOutOfChronologicalOrder_whenParse_thenOriginalOrderIsKept() {
        ChangeAnnex annex = annexOf(line("令和4年6月16日", "A", "旧", "新", "事後", ""),
                line("令和4年5月26日", "B", "旧", "新", "事後", ""));

        assertThat(annex.rows()).extracting(ChangeRow::rowIndex, ChangeRow::itemPath).containsExactly(
                tuple(0, "A"), tuple(1, "B"));
    }
}
