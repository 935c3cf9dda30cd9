package jp.hyoka.domain.importing.annex;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jp.hyoka.domain.form.Block;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.ItemType;
import jp.hyoka.domain.form.RepeatGroup;
import jp.hyoka.domain.form.Section;

/**
 * Parts of schema/forms/key-items/2025.json and all-items/2025.json (ids, numbers, labels, headings copied by hand),
 * enough for the 項目 paths of DOMAIN.md §4.4. Items are written "id|label" or "id|label|heading".
 */
final class PathForms {

    private static final List<RepeatGroup> GROUPS = List.of(new RepeatGroup("system", "システム", 1, 20),
            new RepeatGroup("file", "特定個人情報ファイル", 1, 100), new RepeatGroup("file.consignment", "委託事項", 0, 20),
            new RepeatGroup("file.provision", "提供先", 0, 20), new RepeatGroup("file.transfer", "移転先", 0, 20));

    private PathForms() {
    }

    static FormDefinition keyItems() {
        return new FormDefinition(new FormRef(FormKind.KEY_ITEMS, "2025"), "重点項目評価書", GROUPS, List.of(
                section("basic-info", "I", "基本情報", null,
                        block("1.", "特定個人情報ファイルを取り扱う事務", null, "affair.name|事務の名称",
                                "affair.description|事務の内容", "affair.target-population|対象人数"),
                        block("2.", "特定個人情報ファイルを取り扱う事務において使用するシステム", "system",
                                "system.name|システムの名称", "system.function|システムの機能",
                                "system.connections|他のシステムとの接続"),
                        block("4.", "個人番号の利用", null, "personal-number-use.legal-basis|法令上の根拠"),
                        block("5.", "情報提供ネットワークシステムによる情報連携", null,
                                "network-linkage.implemented|実施の有無", "network-linkage.legal-basis|法令上の根拠"),
                        block("6.", "評価実施機関における担当部署", null, "department.name|部署",
                                "department.head-title|所属長の役職名")),
                section("file-overview", "II", "特定個人情報ファイルの概要", "file",
                        block("2.", "基本情報", null, "file.basics.subject-count|対象となる本人の数",
                                "file.basics.department|事務担当部署"),
                        block("3.", "特定個人情報の入手・使用", null, "file.usage.departments|使用部署|④使用の主体",
                                "file.usage.user-count|使用者数"),
                        block("", "委託事項", "file.consignment", "file.consignment.title|委託事項",
                                "file.consignment.contractor-name|委託先名"),
                        block("5.", "特定個人情報の提供・移転(委託に伴うものを除く。)", null,
                                "file.provision-status|提供・移転の有無"),
                        block("", "移転先", "file.transfer", "file.transfer.recipient|移転先",
                                "file.transfer.legal-basis|法令上の根拠", "file.transfer.use|移転先における用途"),
                        block("6.", "特定個人情報の保管・消去", null, "file.storage.location|保管場所")),
                section("record-items", "(別添1)", "特定個人情報ファイル記録項目", "file",
                        block("", "特定個人情報ファイル記録項目", null, "file.record-items|特定個人情報ファイル記録項目")),
                section("risk-measures", "III", "リスク対策", "file",
                        block("3.", "特定個人情報の使用", null, "file.risk.usage.r2.user-authentication|ユーザ認証の管理",
                                "file.risk.usage.r2.user-authentication-method|具体的な管理方法"),
                        block("4.", "特定個人情報ファイルの取扱いの委託", null,
                                "file.risk.consignment.r1.contract-provisions-content|規定の内容",
                                "file.risk.consignment.r1.subcontractor-handling-method|具体的な方法"),
                        block("6.", "情報提供ネットワークシステムとの接続", null,
                                "file.risk.network.r1.measure|リスクに対する措置の内容",
                                "file.risk.network.r2.measure|リスクに対する措置の内容"),
                        block("8.", "監査", null, "file.risk.audit.kinds|実施の有無"),
                        block("9.", "従業者に対する教育・啓発", null, "file.risk.training.level|従業者に対する教育・啓発",
                                "file.risk.training.method|具体的な方法")),
                section("disclosure-inquiry", "IV", "開示請求、問合せ", null,
                        block("1.", "特定個人情報の開示・訂正・利用停止請求", null, "disclosure.request-to|請求先"),
                        block("2.", "特定個人情報ファイルの取扱いに関する問合せ", null, "inquiry.contact|連絡先")),
                section("assessment-procedure", "V", "評価実施手続", null,
                        block("1.", "基礎項目評価", null, "procedure.basic-assessment.performed-on|実施日"),
                        block("3.", "第三者点検【任意】", null, "procedure.third-party-review.performed-on|実施日"))),
                Map.of());
    }

    static FormDefinition allItems() {
        return new FormDefinition(new FormRef(FormKind.ALL_ITEMS, "2025"), "全項目評価書", GROUPS, List.of(
                section("basic-info", "I", "基本情報", null,
                        block("1.", "特定個人情報ファイルを取り扱う事務", null, "affair.description|事務の内容"),
                        block("5.", "個人番号の利用", null, "personal-number-use.legal-basis|法令上の根拠"),
                        block("6.", "情報提供ネットワークシステムによる情報連携", null,
                                "network-linkage.legal-basis|法令上の根拠")),
                section("file-overview", "II", "特定個人情報ファイルの概要", "file",
                        block("", "委託事項", "file.consignment",
                                "file.consignment.scope-subject-count|対象となる本人の数"),
                        block("", "移転先", "file.transfer", "file.transfer.legal-basis|法令上の根拠",
                                "file.transfer.use|移転先における用途")),
                section("risk-measures", "III", "特定個人情報ファイルの取扱いプロセスにおけるリスク対策", "file",
                        block("3.", "リスク2 権限のない者(元職員、アクセス権限のない職員等)によって不正に使用されるリスク", null,
                                "file.risk.usage.r2.user-authentication|ユーザ認証の管理",
                                "file.risk.usage.r2.user-authentication-method|具体的な管理方法",
                                "file.risk.usage.r2.access-grant-revocation|アクセス権限の発効・失効の管理",
                                "file.risk.usage.r2.access-grant-revocation-method|具体的な管理方法"),
                        block("6.", "リスク1 目的外の入手が行われるリスク", null,
                                "file.risk.network.r1.measure|リスクに対する措置の内容"),
                        block("6.", "リスク2 安全が保たれない方法によって入手が行われるリスク", null,
                                "file.risk.network.r2.measure|リスクに対する措置の内容")),
                section("other-risk-measures", "IV", "その他のリスク対策", null,
                        block("1.", "監査", null, "other-risk.audit.self-inspection|自己点検",
                                "other-risk.audit.self-inspection-method|具体的なチェック方法", "other-risk.audit.audit|監査",
                                "other-risk.audit.audit-content|具体的な内容"),
                        block("2.", "従業者に対する教育・啓発", null, "other-risk.training.method|具体的な方法"))),
                Map.of());
    }

    private static Section section(String id, String number, String label, String repeat, Block... blocks) {
        List<Block> withGroups = Arrays.stream(blocks).map(b -> new Block(id + "." + b.id(), b.number(), b.label(),
                "", b.repeat(), b.items().stream().map(i -> item(i, b.repeat() != null ? b.repeat() : repeat))
                .toList())).toList();
        return new Section(id, number, label, "", repeat, withGroups);
    }

    /** Items are completed with their group by {@link #section}; until then they carry no group. */
    private static Block block(String number, String label, String repeat, String... items) {
        List<Item> parsed = Arrays.stream(items).map(spec -> {
            String[] parts = spec.split("\\|");
            return new Item(new ItemId(parts[0]), "", parts[1], ItemType.TEXT, false, 100, List.of(), 0, 0, "",
                    "", null, null, parts.length > 2 ? parts[2] : null);
        }).toList();
        return new Block("b" + Math.abs((number + label).hashCode()), number, label, "", repeat, parsed);
    }

    private static Item item(Item item, String group) {
        return new Item(item.id(), item.number(), item.label(), item.type(), false, 100, List.of(), 0, 0, "", "",
                group, null, item.heading());
    }
}
