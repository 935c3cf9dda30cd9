package jp.hyoka.domain.exporting;

import jp.hyoka.domain.assessment.PastChange;
import jp.hyoka.domain.assessment.PublicVersion;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.MultiChoiceAnswer;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.form.Selection;
import jp.hyoka.domain.form.TextAnswer;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static jp.hyoka.domain.exporting.ExportFixtures.CONSIGNMENT;
import static jp.hyoka.domain.exporting.ExportFixtures.FILE;
import static jp.hyoka.domain.exporting.ExportFixtures.KEY_ITEMS;
import static jp.hyoka.domain.exporting.ExportFixtures.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/** The printable page: complete, self-contained, escaped where text is text, and showing every option. */
class HtmlExportTest {

    private static final List<String> TOP = List.of();

    @Test
    void givenATextAnswerWithMarkup_whenExportedAsHtml_thenItPrintsAsTextAndNeverRuns() {
        DocumentExport export = DocumentBuilder.on(KEY_ITEMS)
                .answer("affair.name", new TextAnswer("<script>alert('x')</script> & \"事務\""))
                .export();

        String html = HtmlExport.render(export);

        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;事務&quot;")
                .doesNotContain("<script");
    }

    @Test
    void givenAnAffairThatEnded_whenExportedAsHtml_thenTheNamePrintsTheEndMarkOfTheGuide() {
        DocumentExport export = DocumentBuilder.on(KEY_ITEMS)
                .answer("affair.name", new TextAnswer("ひとり親家庭等医療費助成に関する事務"))
                .affairEnded(LocalDate.of(2026, 3, 31))
                .export();

        assertThat(HtmlExport.render(export)).contains("ひとり親家庭等医療費助成に関する事務【令和8年3月31日 終了】");
        assertThat(export.document().answer(jp.hyoka.domain.assessment.Assessment.AFFAIR_NAME))
                .contains(new TextAnswer("ひとり親家庭等医療費助成に関する事務"));
    }

    @Test
    void givenAChoiceItemWithheldFromThePublicVersion_whenExportedAsHtml_thenItPrintsTheWordingNotEmptyBoxes() {
        DocumentExport export = DocumentBuilder.on(KEY_ITEMS)
                .answer("affair.target-population", new TextAnswer(PublicVersion.WORDING))
                .export();

        String html = HtmlExport.render(export);

        assertThat(html).contains(PublicVersion.WORDING).doesNotContain("1,000人未満");
    }

    @Test
    void givenSanitisedRichText_whenExportedAsHtml_thenItIsInsertedAsMarkup() {
        String stored = "<p>医療費の一部を助成する。</p> <ul style=\"list-style-type: none\"> ・資格管理 ・給付</ul>";
        DocumentExport export = DocumentBuilder.on(KEY_ITEMS)
                .answer("affair.description", new RichTextAnswer(stored))
                .export();

        assertThat(HtmlExport.render(export)).contains("<td class=\"value\">" + stored + "</td>");
    }

    @Test
    void givenChoiceAnswers_whenExportedAsHtml_thenEveryOptionShowsATickedOrEmptyBox() {
        DocumentExport export = DocumentBuilder.on(KEY_ITEMS)
                .answer("affair.target-population", new ChoiceAnswer("10k-to-100k"))
                .entries(SYSTEM, TOP, "s-1", "s-2")
                .answer("system.connections", new MultiChoiceAnswer(List.of(new Selection("network-system", null, null),
                        new Selection("other", "GPRIME<介護>", null))), "s-1")
                .entries(FILE, TOP, "f-1")
                .answer("file.consigning", new ChoiceAnswer("consigning", null, 3L), "f-1")
                .export();

        String html = HtmlExport.render(export);

        assertThat(html).contains("<span class=\"option\">☐ 1,000人未満</span> <span class=\"option\">☐ 1,000人以上1万人未満"
                + "</span> <span class=\"option\">☑ 1万人以上10万人未満</span>");
        assertThat(html).contains("<span class=\"option\">☑ 情報提供ネットワークシステム</span> "
                + "<span class=\"option\">☐ 庁内連携システム</span> <span class=\"option\">☑ その他 (GPRIME&lt;介護&gt;)</span>");
        assertThat(html).contains("<span class=\"option\">☑ 委託する (3) 件</span> <span class=\"option\">☐ 委託しない</span>");
        assertThat(html).as("システム2 is unanswered: its options are shown, none ticked")
                .contains("<span class=\"option\">☐ 情報提供ネットワークシステム</span> <span class=\"option\">☐ 庁内連携システム"
                        + "</span> <span class=\"option\">☐ その他 ()</span>");
    }

    @Test
    void givenRepeatEntries_whenExportedAsHtml_thenEachEntryIsHeadedByItsGroupLabelAndPosition() {
        DocumentExport export = DocumentBuilder.on(KEY_ITEMS)
                .entries(SYSTEM, TOP, "s-1", "s-2")
                .entries(FILE, TOP, "f-1", "f-2")
                .entries(CONSIGNMENT, List.of("f-2"), "c-1", "c-2")
                .export();

        String html = HtmlExport.render(export);

        assertThat(html).containsSubsequence("<th colspan=\"3\">システム1</th>", "<th colspan=\"3\">システム2</th>",
                "<h2>II 特定個人情報ファイルの概要</h2>\n<p class=\"entry\">特定個人情報ファイル1</p>",
                "<h2>II 特定個人情報ファイルの概要</h2>\n<p class=\"entry\">特定個人情報ファイル2</p>",
                "<th colspan=\"3\">委託事項1</th>", "<th colspan=\"3\">委託事項2</th>");
    }

    @Test
    void givenPastChanges_whenExportedAsHtml_thenTheAnnexIsATableWithTheSixOfficialColumnsAndPlainText() {
        DocumentExport export = DocumentBuilder.on(KEY_ITEMS).export(List.of(new PastChange(0, 12,
                LocalDate.of(2025, 3, 27), "令和7年3月27日", "I 5 ②法令上の根拠", null, "TEXT",
                "<p>番号法別表第2</p><script>alert(1)</script>", "DELETED", "", "AFTER", "形式的な変更", "FORMAL_CHANGE")));

        String html = HtmlExport.render(export);

        assertThat(html).contains("<h2>(別添2) 変更箇所</h2>", "<thead><tr><th>変更日</th><th>項目</th><th>変更前の記載</th>"
                + "<th>変更後の記載</th><th>提出時期</th><th>提出時期に係る説明</th></tr></thead>");
        assertThat(html).contains("<tr><td>令和7年3月27日</td><td>I 5 ②法令上の根拠</td><td>番号法別表第2 alert(1)</td>"
                + "<td>削除</td><td>事後</td><td>形式的な変更</td></tr>");
        assertThat(html).doesNotContain("<script");
    }

    @Test
    void givenADocument_whenExportedAsHtml_thenItIsACompletePrintablePageThatLoadsNothing() {
        String html = HtmlExport.render(DocumentBuilder.on(KEY_ITEMS).export());

        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">")
                .contains("<title>特定個人情報保護評価書(重点項目評価書)</title>", "<h1>特定個人情報保護評価書(重点項目評価書)</h1>",
                        "@media print", "size: A4")
                .endsWith("</body>\n</html>\n");
        assertThat(html).doesNotContain("<script", "<link", "src=", "@import", "url(", "http:", "https:");
    }
}
