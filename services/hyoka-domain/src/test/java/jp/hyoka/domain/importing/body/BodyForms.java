package jp.hyoka.domain.importing.body;

import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.AnswerRules;
import jp.hyoka.domain.form.Block;
import jp.hyoka.domain.form.ChoiceOption;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.ItemType;
import jp.hyoka.domain.form.RepeatGroup;
import jp.hyoka.domain.form.RichTextSanitizer;
import jp.hyoka.domain.form.Section;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A 重点項目 test form shaped like schema/forms/key-items/2025.json, in two revisions: 2025 renames the option
 * "宛名システム等" of 他のシステムとの接続 to "団体内統合宛名システム". A cover (no number), "I 基本情報" with block 1 and the
 * repeated システム block (at most 2), and "II 特定個人情報ファイルの概要" printed per file, with 委託事項 (at most 2) inside.
 * Documents are written as rows whose cells are separated by "|" (the export's TAB).
 */
final class BodyForms {

    static final FormRef V2024 = new FormRef(FormKind.KEY_ITEMS, "2024");
    static final FormRef V2025 = new FormRef(FormKind.KEY_ITEMS, "2025");
    static final FormDefinition FORM_2024 = form(V2024);
    static final FormDefinition FORM_2025 = form(V2025);

    /** Keeps {@code <p>}, drops {@code <script>} elements with their content and every other tag. */
    static final RichTextSanitizer SANITIZER = html -> html
            .replaceAll("(?is)<script\\b[^>]*>.*?</script\\s*>", "")
            .replaceAll("</?(?!p\\b)[A-Za-z][^>]*>", "");
    static final AnswerRules RULES = new AnswerRules(SANITIZER);

    /** Title, cover and 項目一覧 of every test document; the body follows, from the repeated "I 基本情報". */
    static final List<String> HEAD = List.of(
            "特定個人情報保護評価書(重点項目評価書)",
            "",
            "評価書番号|評価書名",
            "45|ひとり親家庭等医療費助成に関する事務 重点項目評価書",
            "評価実施機関名",
            "",
            "横浜市長",
            "公表日|平成31年3月8日",
            "",
            "項目一覧",
            "I 基本情報",
            "II 特定個人情報ファイルの概要",
            "(別添2) 変更箇所",
            "",
            "I 基本情報");

    private BodyForms() {
    }

    /** {@link #HEAD}, then the body rows. */
    static List<String> document(String... body) {
        List<String> lines = new ArrayList<>(HEAD);
        lines.addAll(Arrays.asList(body));
        return rows(lines);
    }

    /** Rows as the export writes them: "|" becomes TAB. */
    static List<String> rows(List<String> rows) {
        return rows.stream().map(row -> row.replace('|', '\t')).toList();
    }

    /** The 1-based file line of the n-th (1-based) body row of {@link #document}. */
    static int bodyLine(int n) {
        return HEAD.size() + n;
    }

    /** Read against the given revisions, with entry ids e1, e2, … in the order they are asked for. */
    static ImportedDocument read(List<String> lines, FormDefinition... revisions) {
        AtomicInteger ids = new AtomicInteger();
        return DocumentBodyImport.read(lines, List.of(revisions), RULES, () -> "e" + ids.incrementAndGet());
    }

    /** The answer the document gave an item in the given entries (none for a top-level item). */
    static Optional<Answer> answer(ImportedDocument document, String itemId, String... entries) {
        return document.answers().stream()
                .filter(a -> a.itemId().value().equals(itemId) && a.entries().equals(List.of(entries)))
                .map(ImportedAnswer::answer).findFirst();
    }

    private static FormDefinition form(FormRef ref) {
        String addressSystem = ref.equals(V2024) ? "宛名システム等" : "団体内統合宛名システム";
        Section cover = new Section("cover", "", "表紙", "", null, List.of(new Block("cover", "", "", "", null, List.of(
                text("cover.number", "評価書番号", null), text("cover.title", "評価書名", null),
                text("cover.organisation", "評価実施機関名", null),
                item("cover.published-on", "公表日", ItemType.DATE, null, null)))));
        Section basic = new Section("basic", "I", "基本情報", "", null, List.of(
                new Block("affair", "1.", "特定個人情報ファイルを取り扱う事務", "", null, List.of(
                        text("affair.name", "事務の名称", null),
                        item("affair.description", "事務の内容", ItemType.RICH_TEXT, null, null),
                        item("affair.target-population", "対象人数", ItemType.SINGLE_CHOICE, null, null,
                                option("under-10k", "1万人未満"), option("10k-to-100k", "1万人以上10万人未満"),
                                option("100k-or-more", "10万人以上")))),
                new Block("system", "2.", "特定個人情報ファイルを取り扱う事務において使用するシステム", "", "system", List.of(
                        text("system.name", "システムの名称", "system"),
                        item("system.connections", "他のシステムとの接続", ItemType.MULTIPLE_CHOICE, "system", null,
                                option("network-system", "情報提供ネットワークシステム"),
                                option("internal-linkage", "庁内連携システム"), option("address-system", addressSystem),
                                new ChoiceOption("other", "その他", true, false))))));
        Section files = new Section("file-overview", "II", "特定個人情報ファイルの概要", "", "file", List.of(
                new Block("file-name", "1.", "特定個人情報ファイル名", "", null,
                        List.of(text("file.name", "特定個人情報ファイル名", "file"))),
                new Block("usage", "3.", "特定個人情報の入手・使用", "", null, List.of(
                        item("file.usage.departments", "使用部署", ItemType.TEXT, "file", "④使用の主体"),
                        item("file.usage.user-count", "使用者数", ItemType.SINGLE_CHOICE, "file", null,
                                option("under-10", "10人未満"), option("10-to-50", "10人以上50人未満"),
                                option("50-or-more", "50人以上")))),
                new Block("consigning", "4.", "特定個人情報ファイルの取扱いの委託", "", null, List.of(
                        item("file.consigning", "委託の有無", ItemType.SINGLE_CHOICE, "file", null,
                                new ChoiceOption("consigning", "委託する", false, true), option("not-consigning", "委託しない")))),
                new Block("consignment", "", "委託事項", "", "file.consignment", List.of(
                        text("file.consignment.title", "委託事項", "file.consignment"),
                        text("file.consignment.content", "委託内容", "file.consignment")))));
        List<RepeatGroup> groups = List.of(new RepeatGroup("system", "システム", 1, 2),
                new RepeatGroup("file", "特定個人情報ファイル", 1, 3), new RepeatGroup("file.consignment", "委託事項", 0, 2));
        return new FormDefinition(ref, "重点項目評価書 (" + ref.version() + ")", groups, List.of(cover, basic, files),
                Map.of());
    }

    private static Item text(String id, String label, String group) {
        return item(id, label, ItemType.TEXT, group, null);
    }

    private static Item item(String id, String label, ItemType type, String group, String heading,
                             ChoiceOption... options) {
        int maxLength = type == ItemType.TEXT ? 100 : type == ItemType.RICH_TEXT ? 2_000 : 0;
        return new Item(new ItemId(id), "", label, type, false, maxLength, List.of(options), 0, 0, "", "", group, null,
                heading);
    }

    private static ChoiceOption option(String code, String label) {
        return new ChoiceOption(code, label);
    }
}
