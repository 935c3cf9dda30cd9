package jp.hyoka.domain.exporting;

import jp.hyoka.domain.testing.FormFiles;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.DateAnswer;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.MultiChoiceAnswer;
import jp.hyoka.domain.form.NumberAnswer;
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

/** The tab-separated export has the shape of the published samples, row for row. */
class TsvExportShapeTest {

    private static final List<String> TOP = List.of();

    @Test
    void givenADocumentWithRepeatEntries_whenExported_thenRowsFollowThePrintOrderOfTheSamples() {
        DocumentExport export = DocumentBuilder.on(KEY_ITEMS)
                .answer("cover.assessment-number", new TextAnswer("45"))
                .answer("cover.published-on", new DateAnswer(LocalDate.of(2019, 5, 1)))
                .answer("affair.name", new TextAnswer("ひとり親家庭等医療費助成に関する事務"))
                .answer("affair.description", new RichTextAnswer("<p>医療費の一部を助成する。</p>"))
                .answer("affair.target-population", new ChoiceAnswer("10k-to-100k"))
                .entries(SYSTEM, TOP, "s-1", "s-2")
                .answer("system.name", new TextAnswer("ひとり親サブシステム"), "s-1")
                .answer("system.connections", new MultiChoiceAnswer(List.of(new Selection("network-system", null, null),
                        new Selection("other", "GPRIME", null))), "s-1")
                .answer("system.name", new TextAnswer("統合番号連携システム"), "s-2")
                .entries(FILE, TOP, "f-1", "f-2")
                .answer("file.name", new TextAnswer("ひとり親サブシステムファイル"), "f-1")
                .answer("file.usage.departments", new TextAnswer("医療援助課"), "f-1")
                .answer("file.usage.user-count", new NumberAnswer(120), "f-1")
                .answer("file.consigning", new ChoiceAnswer("consigning", null, 2L), "f-1")
                .entries(CONSIGNMENT, List.of("f-1"), "c-1", "c-2")
                .answer("file.consignment.title", new TextAnswer("運用業務委託"), "f-1", "c-1")
                .answer("file.consignment.subcontracting", new ChoiceAnswer("subcontracting"), "f-1", "c-1")
                .answer("file.consignment.title", new TextAnswer("保守業務委託"), "f-1", "c-2")
                .answer("file.record-items", new RichTextAnswer("<p>1 区コード 2 世帯番号</p>"), "f-1")
                .answer("file.risk.consignment.r1.verdict", new ChoiceAnswer("sufficient"), "f-1")
                .answer("file.name", new TextAnswer("統合番号連携ファイル"), "f-2")
                .export();

        String tsv = TsvExport.render(export);

        assertThat(tsv).isEqualTo(String.join("\n", List.of(
                "特定個人情報保護評価書(重点項目評価書)",
                "",
                "評価書番号\t45",
                "公表日\t令和元年5月1日",
                "",
                "I 基本情報",
                "",
                "1. 特定個人情報ファイルを取り扱う事務",
                "①事務の名称\tひとり親家庭等医療費助成に関する事務",
                "②事務の内容 ※\t<p>医療費の一部を助成する。</p>",
                "③対象人数\t[1万人以上10万人未満] <選択肢> 1) 1,000人未満 2) 1,000人以上1万人未満 3) 1万人以上10万人未満",
                "",
                "2. 特定個人情報ファイルを取り扱う事務において使用するシステム",
                "",
                "システム1",
                "①システムの名称\tひとり親サブシステム",
                "③他のシステムとの接続\t[<input checked=\"\" type=\"checkbox\"/>] 情報提供ネットワークシステム"
                        + " [<input type=\"checkbox\"/>] 庁内連携システム [<input checked=\"\" type=\"checkbox\"/>] その他 (GPRIME)",
                "",
                "システム2",
                "①システムの名称\t統合番号連携システム",
                "③他のシステムとの接続\t",
                "",
                "II 特定個人情報ファイルの概要",
                "",
                "1. 特定個人情報ファイル名",
                "特定個人情報ファイル名\tひとり親サブシステムファイル",
                "",
                "3. 特定個人情報の入手・使用",
                "④使用の主体",
                "使用部署\t医療援助課",
                "使用者数\t120",
                "",
                "4. 特定個人情報ファイルの取扱いの委託",
                "委託の有無 ※\t[委託する (2) 件] <選択肢> 1) 委託する 2) 委託しない",
                "",
                "委託事項1",
                "委託事項\t運用業務委託",
                "再委託",
                "④再委託の有無 ※\t[再委託する] <選択肢> 1) 再委託する 2) 再委託しない",
                "",
                "委託事項2",
                "委託事項\t保守業務委託",
                "再委託",
                "④再委託の有無 ※\t",
                "",
                "II 特定個人情報ファイルの概要",
                "",
                "1. 特定個人情報ファイル名",
                "特定個人情報ファイル名\t統合番号連携ファイル",
                "",
                "3. 特定個人情報の入手・使用",
                "④使用の主体",
                "使用部署\t",
                "使用者数\t",
                "",
                "4. 特定個人情報ファイルの取扱いの委託",
                "委託の有無 ※\t",
                "",
                "(別添1) 特定個人情報ファイル記録項目",
                "特定個人情報ファイル記録項目\t<p>1 区コード 2 世帯番号</p>",
                "",
                "(別添1) 特定個人情報ファイル記録項目",
                "特定個人情報ファイル記録項目\t",
                "",
                "III リスク対策",
                "",
                "4. リスク 委託先における不正な使用等のリスク",
                "委託先による特定個人情報の不正入手・不正な使用に関するリスク",
                "再委託に関するリスク",
                "リスクへの対策は十分か ※\t[十分である] <選択肢> 1) 特に力を入れている 2) 十分である 3) 課題が残されている",
                "",
                "III リスク対策",
                "",
                "4. リスク 委託先における不正な使用等のリスク",
                "委託先による特定個人情報の不正入手・不正な使用に関するリスク",
                "再委託に関するリスク",
                "リスクへの対策は十分か ※\t",
                "",
                "(別添2) 変更箇所",
                "",
                "変更日\t項目\t変更前の記載\t変更後の記載\t提出時期\t提出時期に係る説明")) + "\n");
    }

    @Test
    void givenItemsSharingACircledNumber_whenExported_thenTheNumberIsPrintedOnceAsInTheSamples() {
        DocumentExport export = DocumentBuilder.on(FormFiles.of(FormKind.KEY_ITEMS, "2025"))
                .entries(FILE, TOP, "f-1").export();

        List<String> lines = TsvExport.render(export).lines().toList();

        assertThat(lines).containsSubsequence("③対象となる本人の範囲 ※\t", "その必要性\t", "④記録される項目\t",
                "主な記録項目 ※\t", "その妥当性\t", "全ての記録項目\t", "⑤保有開始日\t");
        assertThat(lines).containsSubsequence("④使用の主体", "使用部署\t", "使用者数\t", "⑤使用方法\t", "情報の突合\t");
    }
}
