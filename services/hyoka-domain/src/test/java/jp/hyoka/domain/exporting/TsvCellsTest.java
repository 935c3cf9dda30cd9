package jp.hyoka.domain.exporting;

import jp.hyoka.domain.assessment.PastChange;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.MultiChoiceAnswer;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.form.Selection;
import jp.hyoka.domain.form.TextAnswer;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static jp.hyoka.domain.exporting.ExportFixtures.KEY_ITEMS;
import static jp.hyoka.domain.exporting.ExportFixtures.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/** A TAB ends a cell and a line break ends a row: whatever the answers hold, neither appears inside a cell. */
class TsvCellsTest {

    @Test
    void givenAnswersWithTabsAndLineBreaks_whenExported_thenEveryRowKeepsItsCellsAndBreaksBecomeSpaces() {
        DocumentExport export = DocumentBuilder.on(KEY_ITEMS)
                .answer("cover.assessment-number", new TextAnswer("45\t46"))
                .answer("affair.name", new TextAnswer("一行目\n二行目\r\n三行目\u2028四行目"))
                .answer("affair.description", new RichTextAnswer("<p>段落1</p>\n\t<p>段落2</p>\r"))
                .answer("affair.target-population", new ChoiceAnswer("under-1k"))
                .entries(SYSTEM, List.of(), "s-1")
                .answer("system.connections", new MultiChoiceAnswer(List.of(
                        new Selection("other", "庁内\tシステム\n", null))), "s-1")
                .export(List.of(new PastChange(0, 0, LocalDate.of(2025, 3, 27), "", "I 1\t②事務の内容",
                        null, "TEXT", "旧\n記載", "TEXT", "新\t記載", "AFTER", "軽微な修正\r\n(文言の統一)", "NONE")));

        List<String> lines = TsvExport.render(export).lines().toList();

        assertThat(lines).contains("評価書番号\t45 46", "①事務の名称\t一行目 二行目 三行目 四行目",
                "②事務の内容 ※\t<p>段落1</p>  <p>段落2</p> ",
                "令和7年3月27日\tI 1 ②事務の内容\t旧 記載\t新 記載\t事後\t軽微な修正 (文言の統一)");
        assertThat(lines).filteredOn(line -> line.startsWith("③他のシステムとの接続")).singleElement()
                .satisfies(line -> assertThat(line.split("\t", -1)).hasSize(2));
        assertThat(String.join("", lines)).doesNotContain("\r", "\n", "\u2028");
    }

    @Test
    void givenAnyRow_whenExported_thenItHasOneCellForHeadingsTwoForItemsAndSixForChanges() {
        DocumentExport export = DocumentBuilder.on(KEY_ITEMS)
                .answer("affair.name", new TextAnswer("事務\tの\t名称"))
                .export(List.of(new PastChange(0, 0, null, "令和7年3月27日", "項目", null, "EMPTY", "", "TEXT", "新",
                        null, "", "NONE")));

        List<String> lines = TsvExport.render(export).lines().toList();
        int annex = lines.indexOf("(別添2) 変更箇所");

        assertThat(lines.subList(0, annex)).allSatisfy(line -> assertThat(line.split("\t", -1).length).isLessThanOrEqualTo(2));
        assertThat(lines.subList(annex + 2, lines.size())).allSatisfy(line -> assertThat(line.split("\t", -1)).hasSize(6));
    }
}
