package jp.hyoka.domain.exporting;

import jp.hyoka.domain.form.Block;
import jp.hyoka.domain.form.ChoiceOption;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.ItemType;
import jp.hyoka.domain.form.RepeatGroup;
import jp.hyoka.domain.form.Section;

import java.util.List;
import java.util.Map;

/**
 * A small 重点項目 form with every shape the layout knows: a 表紙, a section with a repeated block (システムN), sections
 * repeated per 特定個人情報ファイル with a nested repeated block (委託事項N), an item heading ("④使用の主体") and block
 * headings (risk titles), and a (別添1) annex repeated per file. Ids, numbers and labels are those of schema/forms/key-items/2025.json.
 */
final class ExportFixtures {

    static final String SYSTEM = "system";
    static final String FILE = "file";
    static final String CONSIGNMENT = "file.consignment";

    static final List<ChoiceOption> POPULATION = List.of(new ChoiceOption("under-1k", "1,000人未満"),
            new ChoiceOption("1k-to-10k", "1,000人以上1万人未満"), new ChoiceOption("10k-to-100k", "1万人以上10万人未満"));
    static final List<ChoiceOption> CONNECTIONS = List.of(
            new ChoiceOption("network-system", "情報提供ネットワークシステム"),
            new ChoiceOption("internal-linkage", "庁内連携システム"), new ChoiceOption("other", "その他", true, false));
    static final List<ChoiceOption> CONSIGNING = List.of(new ChoiceOption("consigning", "委託する", false, true),
            new ChoiceOption("not-consigning", "委託しない"));
    static final List<ChoiceOption> SUBCONTRACTING = List.of(new ChoiceOption("subcontracting", "再委託する"),
            new ChoiceOption("not-subcontracting", "再委託しない"));
    static final List<ChoiceOption> VERDICT = List.of(new ChoiceOption("particularly-focused", "特に力を入れている"),
            new ChoiceOption("sufficient", "十分である"), new ChoiceOption("issues-remain", "課題が残されている"));

    static final FormDefinition KEY_ITEMS = new FormDefinition(new FormRef(FormKind.KEY_ITEMS, "2025"), "重点項目評価書",
            List.of(new RepeatGroup(SYSTEM, "システム", 1, 20), new RepeatGroup(FILE, "特定個人情報ファイル", 1, 100),
                    new RepeatGroup(CONSIGNMENT, "委託事項", 0, 20)),
            List.of(new Section("cover", "", "表紙", "", null, List.of(new Block("cover", "", "表紙", "", null, List.of(
                            item("cover.assessment-number", "", "評価書番号", ItemType.TEXT, null),
                            item("cover.published-on", "", "公表日", ItemType.DATE, null))))),
                    new Section("basic-info", "I", "基本情報", "", null, List.of(
                            new Block("affair", "1.", "特定個人情報ファイルを取り扱う事務", "", null, List.of(
                                    item("affair.name", "I 1 ①", "事務の名称", ItemType.TEXT, null),
                                    important(item("affair.description", "I 1 ②", "事務の内容", ItemType.RICH_TEXT, null)),
                                    choice("affair.target-population", "I 1 ③", "対象人数", ItemType.SINGLE_CHOICE,
                                            POPULATION, null, null))),
                            new Block("systems", "2.", "特定個人情報ファイルを取り扱う事務において使用するシステム", "", SYSTEM,
                                    List.of(item("system.name", "I 2 ①", "システムの名称", ItemType.TEXT, SYSTEM),
                                            choice("system.connections", "I 2 ③", "他のシステムとの接続",
                                                    ItemType.MULTIPLE_CHOICE, CONNECTIONS, SYSTEM, null))))),
                    new Section("file-overview", "II", "特定個人情報ファイルの概要", "", FILE, List.of(
                            new Block("file-name", "1.", "特定個人情報ファイル名", "", null, List.of(
                                    item("file.name", "II 1", "特定個人情報ファイル名", ItemType.TEXT, FILE))),
                            new Block("usage", "3.", "特定個人情報の入手・使用", "", null, List.of(
                                    headed(item("file.usage.departments", "II 3 ④", "使用部署", ItemType.TEXT, FILE),
                                            "④使用の主体"),
                                    item("file.usage.user-count", "II 3 ④", "使用者数", ItemType.NUMBER, FILE))),
                            new Block("consigning", "4.", "特定個人情報ファイルの取扱いの委託", "", null, List.of(
                                    important(choice("file.consigning", "II 4", "委託の有無", ItemType.SINGLE_CHOICE,
                                            CONSIGNING, FILE, null)))),
                            new Block("consignment", "", "委託事項", "", CONSIGNMENT, List.of(
                                    item("file.consignment.title", "II 4", "委託事項", ItemType.TEXT, CONSIGNMENT),
                                    important(choice("file.consignment.subcontracting", "II 4 ④", "再委託の有無",
                                            ItemType.SINGLE_CHOICE, SUBCONTRACTING, CONSIGNMENT, "再委託")))))),
                    new Section("record-items", "(別添1)", "特定個人情報ファイル記録項目", "", FILE, List.of(
                            new Block("record-items", "", "特定個人情報ファイル記録項目", "", null, List.of(
                                    item("file.record-items", "(別添1)", "特定個人情報ファイル記録項目", ItemType.RICH_TEXT,
                                            FILE))))),
                    new Section("risk-measures", "III", "リスク対策", "", FILE, List.of(
                            new Block("consignment-risk", "4. リスク", "委託先における不正な使用等のリスク", "", null,
                                    List.of("委託先による特定個人情報の不正入手・不正な使用に関するリスク", "再委託に関するリスク"),
                                    List.of(important(choice("file.risk.consignment.r1.verdict", "III 4",
                                            "リスクへの対策は十分か", ItemType.SINGLE_CHOICE, VERDICT, FILE, null))))))),
            Map.of());

    private ExportFixtures() {
    }

    static Item item(String id, String number, String label, ItemType type, String group) {
        return new Item(new ItemId(id), number, label, type, false, 20_000, List.of(), 0, 1_000_000_000L, "", "",
                group, null, null);
    }

    static Item choice(String id, String number, String label, ItemType type, List<ChoiceOption> options, String group,
                       String heading) {
        return new Item(new ItemId(id), number, label, type, false, 0, options, 0, 0, "", "", group, null, heading);
    }

    private static Item important(Item item) {
        return new Item(item.id(), item.number(), item.label(), item.type(), true, item.maxLength(), item.options(),
                item.minimum(), item.maximum(), item.help(), item.note(), item.repeatGroup(), item.componentFamily(),
                item.heading());
    }

    private static Item headed(Item item, String heading) {
        return new Item(item.id(), item.number(), item.label(), item.type(), item.importantChange(), item.maxLength(),
                item.options(), item.minimum(), item.maximum(), item.help(), item.note(), item.repeatGroup(),
                item.componentFamily(), heading);
    }
}
