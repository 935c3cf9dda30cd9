package jp.hyoka.domain.importing.annex;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static jp.hyoka.domain.importing.annex.AnnexFixtures.HEADER;
import static jp.hyoka.domain.importing.annex.AnnexFixtures.HEADING;
import static jp.hyoka.domain.importing.annex.AnnexFixtures.annexOf;
import static jp.hyoka.domain.importing.annex.AnnexFixtures.line;
import static jp.hyoka.domain.importing.annex.AnnexFixtures.onlyRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A page break inside the 変更箇所 table of a PDF-to-text extraction (published/README.md). */
class AnnexPageBreakTest {

    @Test
    void givenARowCutByAPageBreak_whenParsed_thenItsRestIsAppendedAndReported() {
        ChangeAnnex annex = annexOf(line("令和6年4月1日", "Ⅰ 1 ② 事務の概要", "<p>旧</p>", "<p>前半、", "事後", "軽微な修正"),
                "- 6 -", "特定個人情報保護評価書(基礎項目評価書)", HEADING, HEADER,
                line("", "", "", "後半。</p>", "", ""));

        ChangeRow row = onlyRow(annex);
        assertThat(row.after().text()).isEqualTo("<p>前半、後半。</p>");
        assertThat(row.explanation()).isEqualTo("軽微な修正");
        assertThat(annex.warnings()).extracting(ParseWarning::code, ParseWarning::lineNumber)
                .containsExactly(tuple(WarningCode.ROW_CONTINUED, 8));
        assertThat(annex.rowsRead()).isEqualTo(1);
    }

    @Test
    void givenAPageBreakInsideTheItemCell_whenParsed_thenTheItemsHalvesAreJoinedIntoOneRow() {
        ChangeAnnex annex = annexOf(line("令和7年4月1日", "Ⅱ 特定個人情報ファイルの概要(児童扶養手当情報ファイル) 3. 特定個人情報の",
                        "<p>こども家庭課</p>", "<p>こども家庭課、", "事後", "組織変更に伴う単なる名称変更"),
                "3/7", "特定個人情報保護評価書(重点項目評価書)", HEADING, HEADER,
                line("", "入手・使用 ④使用の主体 使用部署", "", "子育て支援課</p>", "", ""),
                line("令和7年4月1日", "Ⅰ 6 ② 所属長の役職名", "こども家庭課長", "子育て支援課長", "事後", "人事異動"),
                "4/7");

        assertThat(annex.rows()).hasSize(2);
        ChangeRow row = annex.rows().get(0);
        assertThat(row.itemPath()).isEqualTo(
                "Ⅱ 特定個人情報ファイルの概要(児童扶養手当情報ファイル) 3. 特定個人情報の入手・使用 ④使用の主体 使用部署");
        assertThat(row.after().text()).isEqualTo("<p>こども家庭課、子育て支援課</p>");
        assertThat(row.timing()).isEqualTo(SubmissionTiming.AFTER);
        assertThat(annex.warnings()).extracting(ParseWarning::code, ParseWarning::lineNumber)
                .containsExactly(tuple(WarningCode.ROW_CONTINUED, 8));
    }

    @Test
    void givenARowWithoutDateButWithItsOwnTimingAfterAPageBreak_whenParsed_thenItIsARowOfItsOwn() {
        ChangeAnnex annex = annexOf(line("令和6年4月1日", "Ⅰ 5 ① 部署", "旧", "新", "事後", ""),
                "- 7 -", HEADING, HEADER,
                line("", "Ⅰ 5 ② 所属長の役職名", "旧", "新", "事後", ""));

        assertThat(annex.rows()).extracting(ChangeRow::itemPath).containsExactly("Ⅰ 5 ① 部署", "Ⅰ 5 ② 所属長の役職名");
        assertThat(annex.warnings()).extracting(ParseWarning::code).containsExactly(WarningCode.MISSING_DATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ⅰ 5 ② 所属長の役職名", "II 3 ④ 使用部署", "Ⅶ 1 開示請求", "Ⅱ 2 取扱者数", "(別添1) 事務の内容",
        "別添 事務の内容", "（別添２）", "2-3 ②", "２－３ ②"})
    void givenARowWithoutDateAndTimingWhoseItemStartsAPathAtTheTopOfAPage_whenParsed_thenItIsARowOfItsOwn(String item) {
        ChangeAnnex annex = annexOf(line("令和6年4月1日", "Ⅰ 5 ① 部署", "旧", "新", "事後", ""),
                "- 7 -", HEADING, HEADER,
                line("", item, "旧", "新", "", ""));

        assertThat(annex.rows()).extracting(ChangeRow::itemPath).containsExactly("Ⅰ 5 ① 部署", item);
        assertThat(annex.warnings()).extracting(ParseWarning::code).doesNotContain(WarningCode.ROW_CONTINUED);
    }

    @Test
    void givenALineWithAnItemButNoTimingAndNoPageBreakBefore_whenParsed_thenItIsNotJoined() {
        ChangeAnnex annex = annexOf(line("令和6年4月1日", "Ⅰ 5 ① 部署", "旧", "新", "事後", ""),
                line("", "Ⅰ 5 ② 所属長の役職名", "旧", "新", "", ""));

        assertThat(annex.rows()).extracting(ChangeRow::itemPath).containsExactly("Ⅰ 5 ① 部署", "Ⅰ 5 ② 所属長の役職名");
    }

    @Test
    void givenAFollowOnRowOfOneChangeWithItsOwnTiming_whenParsed_thenItIsARowOfItsOwnNotAContinuation() {
        ChangeAnnex annex = annexOf(line("令和6年4月1日", "II 3 ④ 使用部署", "子育て支援課", "児童家庭課", "事後", "組織変更による変更"),
                line("", "", "子育て支援課長", "児童家庭課長", "事後", "人事異動による変更"));

        assertThat(annex.rows()).hasSize(2);
        assertThat(annex.rows().get(0).timing()).isEqualTo(SubmissionTiming.AFTER);
        assertThat(annex.rows().get(0).after().text()).isEqualTo("児童家庭課");
        assertThat(annex.rows().get(1).after().text()).isEqualTo("児童家庭課長");
        assertThat(annex.rows().get(1).explanation()).isEqualTo("人事異動による変更");
        assertThat(annex.warnings()).extracting(ParseWarning::code).containsExactly(WarningCode.MISSING_DATE)
                .doesNotContain(WarningCode.ROW_CONTINUED);
    }

    @Test
    void givenARowCutByAPageBreak_whenTheJoinedCellsRaiseANewWarning_thenThatWarningIsKept() {
        ChangeAnnex annex = annexOf(line("令和6年4月1日", "Ⅰ 1 ② 事務の概要", "<p>旧</p>", "<p>前半、", "", "軽微な修正"),
                line("", "", "", "後半。</p>", "随時", ""));

        assertThat(annex.rows()).hasSize(1);
        assertThat(annex.warnings()).extracting(ParseWarning::code)
                .containsExactly(WarningCode.UNKNOWN_TIMING, WarningCode.ROW_CONTINUED);
    }

    @Test
    void givenALineWithoutDateButWithAnItem_whenParsed_thenItIsARowOfItsOwn() {
        ChangeAnnex annex = annexOf(line("令和6年4月1日", "Ⅰ 5 ① 部署", "旧", "新", "事後", ""),
                line("", "Ⅰ 5 ② 所属長の役職名", "旧", "新", "事後", ""));

        assertThat(annex.rows()).hasSize(2);
        assertThat(annex.warnings()).extracting(ParseWarning::code).containsExactly(WarningCode.MISSING_DATE);
    }

    @Test
    void givenAContinuationBeforeAnyRow_whenParsed_thenItIsReadAsARowWithoutDate() {
        ChangeAnnex annex = annexOf(line("", "", "", "後半。", "", ""));

        assertThat(annex.rows()).hasSize(1);
        assertThat(annex.warnings()).extracting(ParseWarning::code).contains(WarningCode.MISSING_DATE);
    }
}
