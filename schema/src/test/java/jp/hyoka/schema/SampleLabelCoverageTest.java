package jp.hyoka.schema;

import com.fasterxml.jackson.databind.JsonNode;
import jp.hyoka.schema.SampleLabels.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static jp.hyoka.schema.LabelKeys.key;
import static jp.hyoka.schema.ModuleFiles.json;
import static jp.hyoka.schema.SampleFiles.samplesDir;
import static jp.hyoka.schema.SampleLabels.extract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Acceptance: "a test walks samples 000, 003 and 004 and finds a form item for every label in them".
 *
 * <p>The samples are exported, published 評価書 (one form row per line, cells separated by TAB, cells plain text or
 * HTML fragments; {@code ../shared/domain/DOMAIN.md} §0.1 and §7). For each sample the test extracts the <em>labels</em>
 * (the printed form text, not the municipality's answers) of the body up to the 変更箇所 annex, and checks that each
 * one names an item, block, section or repeat group of the form revision the sample was written on.
 *
 * <p>The rules live next to the code that applies them: {@link ExportCells} (label or value), {@link SampleLabels}
 * (which parts of the export are read), {@link LabelKeys} and {@link FormLabelIndex} (matching), {@link SampleFiles}
 * (where the samples are: without them the test fails, it never skips) and {@link LabelReport} (every label as TSV).
 * What the rules cannot see is listed per sample in {@link #PAIRINGS}: a few value-only rows and one cell where the
 * exporter merged a label into its value.
 */
class SampleLabelCoverageTest {

    /**
     * One sample and the form revision it was written on.
     *
     * @param minLabels    floor for the number of extracted labels (about 80 % of what the extractor finds today),
     *                     so that a broken extractor cannot pass by finding nothing
     * @param valueRows    cell texts that look like labels but are values, each explained where it is listed
     * @param mergedLabels line → label the exporter merged into the front of the row's value cell
     */
    record Pairing(String sample, String form, int minLabels, Set<String> valueRows, Map<Integer, String> mergedLabels) {
        @Override
        public String toString() {
            return sample + " ↔ " + form;
        }
    }

    static final List<Pairing> PAIRINGS = List.of(
            // 全項目評価書, 川崎市, 令和7年 (5情報). 340 labels found.
            new Pairing("000_79b26e22842cb490.txt", "all-items/2025.json", 270,
                    // cover, line 16: the value of 評価実施機関名. The cover prints label and value as single-cell rows
                    // alike, and 000 leaves out empty values (特記事項 has none), so their alternation cannot tell.
                    Set.of("神奈川県川崎市長"),
                    Map.of()),
            // 重点項目評価書, 横浜市, 平成31年: the previous revision (4情報). 319 labels found.
            new Pairing("003_6c10cb1f5ae90412.txt", "key-items/2024.json", 255,
                    Set.of("横浜市長"), // cover, line 17: the value of 評価実施機関名 (see 000)
                    // line 74: "④使用の主体 | 使用部署 横浜市役所…": label 使用部署 and its value share one cell
                    // (line 188 prints the same row correctly as "④使用の主体 | 使用部署 | …").
                    Map.of(74, "使用部署")),
            // 重点項目評価書, 旭川市, 令和7年 (5情報). 187 labels found.
            new Pairing("004_2993d137f3c1df7b.txt", "key-items/2025.json", 150,
                    Set.of("旭川市長"), // cover, line 13: the value of 評価実施機関名 (see 000)
                    Map.of()));

    static Stream<Pairing> pairings() {
        return PAIRINGS.stream();
    }

    // ---------------------------------------------------------------- the acceptance test

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairings")
    void givenASample_whenItsLabelsAreLookedUpInItsForm_thenEveryLabelNamesAFormElement(Pairing pairing) {
        List<Label> labels = extract(SampleLabels.read(samplesDir().resolve(pairing.sample())), pairing.valueRows(),
                pairing.mergedLabels());
        FormLabelIndex form = FormLabelIndex.of(FormLabelIndex.readForm(pairing.form()));

        List<Label> notFound = labels.stream().filter(label -> !form.finds(label)).toList();
        LabelReport.write(pairing.sample(), labels, notFound);

        assertThat(labels.size())
                .as("labels extracted from %s (floor: about 80 %% of the count when this test was written)", pairing.sample())
                .isGreaterThanOrEqualTo(pairing.minLabels());
        if (!notFound.isEmpty()) {
            fail("%d of %d labels of %s are not in %s (line: label [key] in section / block):%n%s".formatted(
                    notFound.size(), labels.size(), pairing.sample(), pairing.form(),
                    notFound.stream().map(Label::describe).collect(Collectors.joining("\n"))));
        }
    }

    // ---------------------------------------------------------------- the checks themselves

    @Test
    void givenLabelsAsPrinted_whenKeyed_thenNumberingNotesMarksAndSpellingVariantsAreGone() {
        assertThat(key("<p>②事務の内容 ※</p>")).isEqualTo("事務の内容");
        assertThat(key("Ⅲ 特定個人情報ファイルの取扱いプロセスにおけるリスク対策 ※(7. リスク1⑨を除く。)"))
                .isEqualTo("特定個人情報ファイルの取扱いプロセスにおけるリスク対策");
        assertThat(key("5. 特定個人情報の提供・移転（委託や情報提供ネットワークシステムを通じた提供を除く。）"))
                .isEqualTo(key("特定個人情報の提供・移転(委託や情報提供ネットワークシステムを通じた提供を除く。)"))
                .isEqualTo("特定個人情報の提供・移転");
        assertThat(key("⑥ 移転方法")).isEqualTo("移転方法");
        assertThat(key("(1) 資格情報")).isEqualTo("資格情報");
        assertThat(key("(別添1) 事務の内容")).isEqualTo("事務の内容");
        assertThat(key("ユーザー認証の管理")).isEqualTo(key("ユーザ認証の管理"));
        assertThat(key("目的を超えた紐づけ")).isEqualTo(key("目的を超えた紐付け"));
        assertThat(key("ルール内容及びルール遵守の確認方法")).isEqualTo(key("ルールの内容及びルール遵守の確認方法"));
        assertThat(key("リスク1： 目的外の入手")).isEqualTo(key("リスク1: 目的外の入手")).isEqualTo("リスク1:目的外の入手");
        assertThat(key("<中間サーバー・ソフトウェアにおける措置>"))
                .as("only ASCII tag names are tags").isEqualTo("<中間サーバー・ソフトウェアにおける措置>");
    }

    @Test
    void givenASyntheticExport_whenLabelsAreExtracted_thenTitleContentsAnswersAndAnnexesAreLeftOut() {
        List<String> lines = List.of(
                "特定個人情報保護評価書(重点項目評価書)",
                "評価書番号\t評価書名",
                "12\t何々に関する事務 重点項目評価書",
                "評価実施機関名",
                "某市長",
                "公表日",
                "令和7年4月1日",
                "項目一覧",
                "I 基本情報",
                "(別添2) 変更箇所",
                "",
                "I 基本情報",
                "1. 特定個人情報ファイルを取り扱う事務",
                "①事務の名称\t何々に関する事務",
                "③対象人数\t<p>[10万人以上30万人未満]</p>\t1) 1,000人未満",
                "1) 1,000人未満\t2) 1,000人以上1万人未満",
                "3. 特定個人情報ファイル名\t",
                "何々ファイル\t",
                "4. 個人番号の利用 ※",
                "法令上の根拠\t番号法第9条第1項",
                "システム2～5\t",
                "④使用の主体\t使用部署 ※\t何々課",
                "\t使用者数 [100人以上500人未満] <table><tr><td>x</td></tr></table>",
                "実施の有無 [] 自己点検 [○] 内部監査",
                "6. 評価実施機関における担当部署",
                "①部署\t",
                "7. 他の評価実施機関",
                "なし",
                "1 何市における措置\t<p>本市では…</p>",
                "(別添1) 特定個人情報ファイル記録項目",
                "1. 資格情報",
                "II 特定個人情報ファイルの概要",
                "変更の妥当性",
                "—",
                "(別添2) 変更箇所",
                "変更日\t項目\t変更前の記載\t変更後の記載\t提出時期\t提出時期に係る説明");

        List<Label> labels = extract(lines, Set.of("某市長"), Map.of());

        assertThat(labels).extracting(Label::text).containsExactly(
                "評価書番号", "評価書名", "評価実施機関名", "公表日",
                "I 基本情報", "1. 特定個人情報ファイルを取り扱う事務", "①事務の名称", "③対象人数",
                "3. 特定個人情報ファイル名", "4. 個人番号の利用 ※", "法令上の根拠", "システム2～5",
                "④使用の主体", "使用部署 ※", "使用者数", "実施の有無", "6. 評価実施機関における担当部署", "①部署",
                "7. 他の評価実施機関", "(別添1) 特定個人情報ファイル記録項目",
                "II 特定個人情報ファイルの概要", "変更の妥当性");
        assertThat(labels).filteredOn(l -> l.text().equals("使用者数")).singleElement()
                .satisfies(l -> assertThat(l.parent()).isEqualTo("④使用の主体"))
                .satisfies(l -> assertThat(l.line()).isEqualTo(23));
    }

    @Test
    void givenAFormWithGroupsBlocksAndRiskItems_whenLabelsAreMatched_thenOnlyTheMissingOnesAreReported() {
        JsonNode form = json("""
                {"repeatGroups": [{"id": "system", "label": "システム"}],
                 "sections": [{"id": "risk", "number": "III", "label": "リスク対策", "blocks": [
                   {"id": "acquisition", "number": "2.", "label": "特定個人情報の入手", "items": []},
                   {"id": "acquisition-r3", "number": "2. リスク3", "label": "入手した特定個人情報が不正確であるリスク",
                    "items": [{"id": "file.risk.acquisition.r3.verdict", "label": "リスクへの対策は十分か"}]},
                   {"id": "usage", "number": "3.", "label": "特定個人情報の使用", "items": [
                     {"id": "file.risk.usage.r1.measure", "label": "リスクに対する措置の内容"},
                     {"id": "file.risk.usage.r2.verdict", "label": "リスクへの対策は十分か"}]},
                   {"id": "use", "number": "4.", "label": "個人番号の利用", "items": [
                     {"id": "personal-number-use.legal-basis", "label": "法令上の根拠"},
                     {"id": "file.usage.departments", "label": "使用の主体 使用部署"}]}]}]}""");
        List<Label> labels = extract(List.of("title", "Ⅲ リスク対策 ※(7. ②を除く。)", "2. 特定個人情報の入手",
                "リスク3： 入手した特定個人情報ที่ไม่正確であるリスク", "リスク4: 入手の際に漏えいするリスク", "3. 特定個人情報の使用",
                "リスク2: 権限のない者によって不正に使用されるリスク", "リスク3: 従業者が事務外で使用するリスク",
                "<p>リスクに対する措置の内容</p>\t<p>x</p>", "システム6～10", "システム3", "移転先2",
                "④使用の主体\t使用部署 ※\t何々課", "個人番号の利用 法令上の根拠\tx", "7. 特定個人情報の保管・消去"),
                Set.of(), Map.of());

        FormLabelIndex index = FormLabelIndex.of(form);

        assertThat(labels.stream().filter(l -> !index.finds(l)).map(Label::text))
                .containsExactly("リスク4: 入手の際に漏えいするリスク", "リスク3: 従業者が事務外で使用するリスク", "移転先2",
                        "7. 特定個人情報の保管・消去");
    }
}
