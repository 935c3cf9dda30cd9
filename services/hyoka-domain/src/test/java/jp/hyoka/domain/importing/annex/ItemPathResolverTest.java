package jp.hyoka.domain.importing.annex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.testing.FormFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 項目 paths written in each style of DOMAIN.md §4.4 (A–L), beyond the samples' own, resolved against the real 2025
 * forms: K = 重点項目評価書, A = 全項目評価書, both with the 基礎項目評価書 as companion numbering (style H). A row gives the expected item and, where the path names one, the entry as
 * {@code group:from} or {@code group:from-to} (files by number).
 */
class ItemPathResolverTest {

    private static final List<FormDefinition> BASIC = List.of(FormFiles.of(FormKind.BASIC_ITEMS, "2025"));
    private static final ItemPathResolver KEY_ITEMS =
            new ItemPathResolver(FormFiles.of(FormKind.KEY_ITEMS, "2025"), BASIC);
    private static final ItemPathResolver ALL_ITEMS =
            new ItemPathResolver(FormFiles.of(FormKind.ALL_ITEMS, "2025"), BASIC);

    private static ItemPathResolver form(String kind) {
        return kind.equals("K") ? KEY_ITEMS : ALL_ITEMS;
    }

    private static void assertItem(String kind, String path, String item, String entry) {
        PathResolution result = form(kind).resolvePath(path);
        assertThat(result.kind()).as("%s → %s", path, result).isEqualTo(PathTargetKind.ITEM);
        assertThat(result.targetId()).as("%s → %s", path, result).isEqualTo(item);
        assertThat(form(kind).resolve(path)).contains(new ItemId(item));
        if (entry != null) {
            assertEntry(result, entry);
        }
    }

    private static void assertEntry(PathResolution result, String entry) {
        String[] parts = entry.split(":");
        String[] range = parts[1].split("-");
        int from = Integer.parseInt(range[0]);
        int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
        assertThat(result.entry(parts[0])).as("entry %s of %s", entry, result).hasValueSatisfying(e -> {
            assertThat(e.from()).isEqualTo(from);
            assertThat(e.to()).isEqualTo(to);
        });
    }

    @ParameterizedTest(name = "A {0} {1}")
    @CsvSource(delimiter = '|', value = {
        "A | I 基本情報 1. 特定個人情報ファイルを取り扱う事務 ③対象人数 | affair.target-population |",
        "A | Ⅰ 基本情報 7. 評価実施機関における担当部署 ①部署 | department.name |",
        "A | II 特定個人情報ファイルの概要 4. 特定個人情報ファイルの取扱いの委託 委託事項3 ⑥委託先名 | file.consignment.contractor-name | file.consignment:3",
        "A | Ⅱ 特定個人情報ファイルの概要6. 特定個人情報の保管・消去 ②保管期間 その妥当性 | file.storage.retention-validity |",
        "A | Ⅵ 評価実施手続 2. 国民・住民等からの意見の聴取 ④主な意見の内容 | procedure.public-comment.main-opinions |",
        "K | I 基本情報 2. 特定個人情報ファイルを取り扱う事務において使用するシステム システム2 ①システムの名称 | system.name | system:2",
        "K | II 特定個人情報ファイルの概要 3. 特定個人情報の入手・使用 ①入手元 | file.acquisition.sources |",
        "K | Ⅳ 開示請求、問合せ 2. 特定個人情報ファイルの取扱いに関する問合せ ②対応方法 | inquiry.response |",
        "K | Ⅴ 評価実施手続 3. 第三者点検【任意】 ③結果 | procedure.third-party-review.result |"})
    void givenRomanSectionTitleNumberAndItem_whenResolved_thenNamesItem(String kind, String path, String item,
                                                                       String entry) {
        assertItem(kind, path, item, entry);
    }

    @ParameterizedTest(name = "B {0} {1}")
    @CsvSource(delimiter = '|', value = {
        "K | 基本情報 6. 評価実施機関における担当部署 所属長の役職名 | department.head-title |",
        "K | 特定個人情報ファイルの概要 2. 住民基本台帳ファイル 3. 特定個人情報の入手・使用 使用目的 | file.usage.purpose | file:2",
        "K | 特定個人情報ファイルの概要(1. 宛名管理ファイル) 2. 基本情報 保有開始日 | file.basics.held-since | file:1",
        "K | リスク対策 2. 収納管理ファイル 9. 従業者に対する教育・啓発 具体的な方法 | file.risk.training.method | file:2",
        "K | 開示請求、問合せ 1. 特定個人情報の開示・訂正・利用停止請求 請求方法 | disclosure.request-method |",
        "A | 特定個人情報ファイルの概要 1. 税務ファイル 3. 特定個人情報の入手・使用 入手の時期・頻度 | file.acquisition.timing | file:1",
        "A | その他のリスク対策 1. 監査 自己点検 | other-risk.audit.self-inspection |",
        "A | 評価実施手続 3. 第三者点検 方法 | procedure.third-party-review.method |",
        "A | 基本情報 4. 特定個人情報ファイルを取り扱う理由実現が期待されるメリット | handling-reason.benefits |"})
    void givenSectionTitleWithoutNumeralAndFileLevel_whenResolved_thenNamesItemAndFile(String kind, String path,
                                                                                      String item, String entry) {
        assertItem(kind, path, item, entry);
    }

    @ParameterizedTest(name = "C {0} {1}")
    @CsvSource(delimiter = '|', value = {
        "K | リスク対策(1. 資格管理ファイル~3. 前期高齢管理ファイル) 7. 特定個人情報の保管・消去 事故発生時手順の策定・周知 | file.risk.storage.r1.incident-procedures | file:1-3",
        "K | 特定個人情報ファイルの概要(1. 住民票ファイル～4. 附票ファイル) 6. 特定個人情報の保管・消去 保管場所 | file.storage.location | file:1-4",
        "K | 特定個人情報ファイルの概要(1.資格ファイル〜2.給付ファイル) 3. 特定個人情報の入手・使用 入手元 | file.acquisition.sources | file:1-2",
        "K | 特定個人情報ファイルの概要(1. 資格管理ファイル) 5. 特定個人情報の提供・移転 提供先1~5 提供方法 | file.provision.method | file.provision:1-5",
        "K | 特定個人情報ファイルの概要(1. 資格管理ファイル) 5. 特定個人情報の提供・移転 移転先2～4 ②移転先における用途 | file.transfer.use | file.transfer:2-4",
        "A | リスク対策(1. 宛名ファイル~2. 課税ファイル) 7. 特定個人情報の保管・消去 リスク1: 特定個人情報の漏えい・滅失・毀損リスク ⑦バックアップ | file.risk.storage.r1.backup | file:1-2",
        "A | 特定個人情報ファイルの取扱いプロセスにおけるリスク対策(1. 宛名ファイル~3. 収納ファイル) 4. 特定個人情報ファイルの取扱いの委託 特定個人情報の消去ルール | file.risk.consignment.r1.erasure-rules | file:1-3",
        "A | 特定個人情報ファイルの概要(1. 宛名ファイル~2. 課税ファイル) 4. 特定個人情報ファイルの取扱いの委託 委託事項1～3 ③委託先における取扱者数 | file.consignment.handler-count | file.consignment:1-3"})
    void givenFileOrEntryRange_whenResolved_thenNamesItemAndRange(String kind, String path, String item,
                                                                 String entry) {
        assertItem(kind, path, item, entry);
    }

    @ParameterizedTest(name = "D {0} {1}")
    @CsvSource(delimiter = '|', value = {
        "K | - 1 特定個人情報ファイルを取り扱う事務 事務の名称 | affair.name",
        "K | - 6 評価実施機関における担当部署部署 | department.name",
        "K | - 1 特定個人情報の開示・訂正・利用停止請求請求先 | disclosure.request-to",
        "K | - 2 基本情報 ⑤保有開始日 | file.basics.held-since",
        "K | - 8 監査 実施の有無 | file.risk.audit.kinds",
        "A | - 5 個人番号の利用 法令上の根拠 | personal-number-use.legal-basis",
        "A | - 2 従業者に対する教育・啓発 具体的な方法 | other-risk.training.method",
        "A | - 7 評価実施機関における担当部署 所属長の役職名 | department.head-title"})
    void givenLostRomanNumeral_whenResolved_thenNamesItem(String kind, String path, String item) {
        assertItem(kind, path, item, null);
    }

    @ParameterizedTest(name = "E {0} {1}")
    @CsvSource(delimiter = '|', value = {
        "K | 再発防止策の内容 | file.risk.storage.r1.serious-incident-prevention",
        "K | しきい値判断結果 | procedure.basic-assessment.threshold-result",
        "K | 保有開始日 | file.basics.held-since",
        "K | 使用者数 | file.usage.user-count",
        "K | 事務担当部署 | file.basics.department",
        "K | 個人情報ファイル簿への不記載等 | disclosure.register-exclusion",
        "A | 委託先名の確認方法 | file.consignment.contractor-confirmation",
        "A | 手数料額、納付方法 | disclosure.fee-detail"})
    void givenBareLabelOfOneItem_whenResolved_thenNamesItem(String kind, String path, String item) {
        assertItem(kind, path, item, null);
    }

    @Test
    void givenBareLabelAfterRowWithFile_whenResolvedInOrder_thenTakesTheRowBeforesFile() {
        List<PathResolution> results = KEY_ITEMS.resolveAll(List.of(
                "リスク対策 2. 収納管理ファイル 7. 特定個人情報の保管・消去 その内容", "再発防止策の内容"));

        assertThat(results.get(1).targetId()).isEqualTo("file.risk.storage.r1.serious-incident-prevention");
        assertEntry(results.get(1), "file:2");
    }

    @ParameterizedTest(name = "F {0} {1}")
    @CsvSource(delimiter = '|', value = {
        "K | <p>基本情報</p> <p>1. 特定個人情報ファイルを取り扱う事務事務の内容</p> | affair.description",
        "K | <p>特定個人情報ファイルの概要</p><p>(1. 資格管理ファイル)</p><p>6. 特定個人情報の保管・消去 保管場所</p> | file.storage.location",
        "K | <br>リスク対策<br/>8. 監査 実施の有無 | file.risk.audit.kinds",
        "K | <span>I 6 ① 部署</span> | department.name",
        "K | <p>V 評価実施手続</p><p>1. 基礎項目評価</p><p>②しきい値判断結果</p> | procedure.basic-assessment.threshold-result",
        "A | <p>Ⅴ 開示請求、問合せ</p><p>1. 特定個人情報の開示・訂正・利用停止請求 ③手数料等</p> | disclosure.fee",
        "A | <div>IV その他のリスク対策</div><div>2. 従業者に対する教育・啓発</div><div>具体的な方法</div> | other-risk.training.method",
        "A | <p>I 基本情報</p><p>8. 他の評価実施機関</p> | other-organisations"})
    void givenHtmlInsideThePath_whenResolved_thenNamesItem(String kind, String path, String item) {
        assertItem(kind, path, item, null);
    }

    @ParameterizedTest(name = "G {0} {1}")
    @CsvSource(delimiter = '|', value = {
        "K | I 1 ③ 対象人数 | affair.target-population |",
        "K | Ⅱ 3 ⑥ 使用開始日 | file.usage.started-on |",
        "K | II 5 提供先3 ④提供する情報の対象となる本人の数 | file.provision.subject-count | file.provision:3",
        "K | Ⅳ 2 ① 連絡先 | inquiry.contact |",
        "K | Ⅴ 1 ② | procedure.basic-assessment.threshold-result |",
        "K | Ⅲ 10 | file.risk.other-measures |",
        "A | I 6 ① 実施の有無 | network-linkage.implemented |",
        "A | Ⅱ 4 委託事項2 ⑨再委託事項 | file.consignment.subcontracted-work | file.consignment:2",
        "A | V 1 ⑥ 個人情報ファイル簿への不記載等 | disclosure.register-exclusion |",
        "A | Ⅵ 4 ① 提出日 | procedure.commission-approval.submitted-on |",
        "A | II 3 ⑨ | file.usage.started-on |"})
    void givenTerseNumericPath_whenResolved_thenNamesItem(String kind, String path, String item, String entry) {
        assertItem(kind, path, item, entry);
    }

    @ParameterizedTest(name = "G/H verbatim {0}")
    @CsvSource(delimiter = '|', value = {
        "I 6 ① 部署 | department.name",
        "II 2 ⑥ 事務担当部署 | file.basics.department",
        "II 4 委託事項2 ③委託先名 | file.consignment.contractor-name",
        "Ⅲ 5 確認方法 | file.risk.provision.r1.rules-content",
        "Ⅳ 1 ① 請求先 | disclosure.request-to",
        "Ⅰ 6 ②所属長 | department.head-title",
        "I 2 システム3 ②システムの機能 | system.function",
        "III 4 規定の内容 | file.risk.consignment.r1.contract-provisions-content",
        "Ⅲ 10 | file.risk.other-measures",
        "II 6. 保管場所 | file.storage.location",
        "(別添1)特定個人情報ファイル記録項目 | file.record-items",
        "I 3 法令上の根拠 | personal-number-use.legal-basis",
        "I 4 ②法令上の根拠 | network-linkage.legal-basis",
        "II 4 使用部署 | file.usage.departments"})
    void givenTheGuidesTerseExamplesOfAKeyItemsAnnex_whenResolved_thenNamesItem(String path, String item) {
        assertItem("K", path, item, null);
    }

    @ParameterizedTest(name = "H {0} {1}")
    @CsvSource(delimiter = '|', value = {
        "K | I 3 法令上の根拠 | personal-number-use.legal-basis",
        "K | I 4 ②法令上の根拠 | network-linkage.legal-basis",
        "K | II 4 使用部署 | file.usage.departments",
        "K | I 5 ①部署 | department.name",
        "K | II 2 ⑤ 使用開始日 | file.usage.started-on",
        "K | III 6 事故発生時手順の策定・周知 | file.risk.storage.r1.incident-procedures",
        "A | I 4 個人番号の利用 法令上の根拠 | personal-number-use.legal-basis",
        "A | III 8 監査 ①自己点検 | other-risk.audit.self-inspection",
        "A | IV 1 ①請求先 | disclosure.request-to"})
    void givenWrongNumbersAndRightLabel_whenResolved_thenLabelWins(String kind, String path, String item) {
        assertItem(kind, path, item, null);
    }

    @ParameterizedTest(name = "I {0} {1}")
    @CsvSource(delimiter = '|', value = {
        "K | II 特定個人情報ファイルの概要(住民基本台帳ファイル) 2. 基本情報 ①ファイルの種類 | file.basics.kind",
        "K | Ⅲリスク対策(宛名管理ファイル) 4. 特定個人情報ファイルの取扱いの委託 規定の内容 | file.risk.consignment.r1.contract-provisions-content",
        "K | Ⅲ リスク対策(税務ファイル) 5. 特定個人情報の提供・移転(委託や情報提供ネットワークシステムを通じた提供を除く。) ルールの内容及びルール遵守の確認方法 | file.risk.provision.r1.rules-content",
        "K | II 特定個人情報ファイルの概要(児童手当ファイル) 3. 特定個人情報の入手・使用 ⑤情報の突合 | file.usage.matching",
        "A | Ⅱ 特定個人情報ファイルの概要(介護保険ファイル) 2. 基本情報 ③対象となる本人の範囲 その必要性 | file.basics.subject-scope-necessity",
        "A | Ⅲ 特定個人情報ファイルの取扱いプロセスにおけるリスク対策(介護保険ファイル) 3. 特定個人情報の使用 リスク3: 従業者が事務外で使用するリスク リスクに対する措置の内容 | file.risk.usage.r3.measure",
        "A | Ⅲ リスク対策(介護保険ファイル) 7. 特定個人情報の保管・消去 リスク3: 特定個人情報が消去されずいつまでも存在するリスク 手順の内容 | file.risk.storage.r3.erasure-procedure-content",
        "A | II 特定個人情報ファイルの概要(国民年金ファイル) 6. 特定個人情報の保管・消去 ③消去方法 | file.storage.erasure-method"})
    void givenSectionTitleWithFileNameInBrackets_whenResolved_thenNamesItemAndFile(String kind, String path,
                                                                                  String item) {
        assertItem(kind, path, item, null);
        assertThat(form(kind).resolvePath(path).entry("file")).hasValueSatisfying(file ->
                assertThat(file.name()).endsWith("ファイル"));
    }

    @ParameterizedTest(name = "J {0} {1}")
    @CsvSource(delimiter = '|', value = {
        "K | I‐1‐②事務の内容 | affair.description |",
        "K | II-2-②対象となる本人の数 | file.basics.subject-count |",
        "K | II－5－移転先1－②移転先における用途 | file.transfer.use | file.transfer:1",
        "K | III−7−②再発防止策の内容 | file.risk.storage.r1.serious-incident-prevention |",
        "K | Ⅳ–1–③法令による特別の手続 | disclosure.special-procedure |",
        "K | V—1—①実施日 | procedure.basic-assessment.performed-on |",
        "K | IIー4ー委託事項2ー④再委託の有無 | file.consignment.subcontracting | file.consignment:2",
        "A | II-4-委託事項1-⑦再委託の有無 | file.consignment.subcontracting | file.consignment:1",
        "A | VI-1-②しきい値判断結果 | procedure.basic-assessment.threshold-result |",
        "A | I－2－システム3－③他のシステムとの接続 | system.connections | system:3"})
    void givenHyphenOrDashPath_whenResolved_thenNamesItem(String kind, String path, String item, String entry) {
        assertItem(kind, path, item, entry);
    }

    @ParameterizedTest(name = "K {0} {1}")
    @CsvSource(delimiter = '|', value = {
        "K | III-2. 特定個人情報の入手「リスクに対する措置の内容」に記載のシステム名称 | file.risk.acquisition.r1.measure",
        "K | III 8監査 (記述の追加) | file.risk.audit.kinds",
        "K | 個人のプライバシー等の権利利益の保護の宣言 | cover.declaration",
        "K | 特記事項 | cover.special-notes",
        "K | 公表日 | cover.published-on",
        "K | II-3. 特定個人情報の入手・使用「使用目的」の記載の見直し | file.usage.purpose",
        "A | III-4. 特定個人情報ファイルの取扱いの委託「規定の内容」に記載の契約名称 | file.risk.consignment.r1.contract-provisions-content",
        "A | 評価実施機関名 | cover.organisation"})
    void givenFreeDescription_whenResolved_thenNamesItem(String kind, String path, String item) {
        assertItem(kind, path, item, null);
    }

    @ParameterizedTest(name = "L {0} {1}")
    @CsvSource(delimiter = '|', value = {
        "K | III リスク対策 6 情報連携ネットワークシステムとの接続 リスク1:目的外の入手が行われるリスク リスクへの対策は十分か | file.risk.network.r1.verdict",
        "K | II 特定個人情報ファイルの概要 6 基本情報 ④記録される項目 主な記録項目 | file.basics.main-record-items",
        "K | I 基本情報 2 特定個人情報ファイルを取り扱う事務において使用するシステム システム4 ③他のシステムの接続 | system.connections",
        "K | Ⅲ リスク対策 7 特定個人情報の保管・消去 リスク:特定個人情報の漏えい・滅失・毀損リスク リスク対策は十分か | file.risk.storage.r1.verdict",
        "K | - 4 個人番号の利用 法上の根拠 | personal-number-use.legal-basis",
        "K | リスク対策 5. 特定個人情報の提供・移転 ルール内容及びルール遵守の確認方法 | file.risk.provision.r1.rules-content",
        "K | IV 開示請求・問合わせ 2 特定個人情報ファイルの取扱いに関する問合わせ 連絡先 | inquiry.contact",
        "A | Ⅲ 特定個人情報ファイルの取扱いプロセスにおけるリスク対策 3. 特定個人情報の使用 リスク2: 権限のない者によって不正に利用されるリスク アクセス権限の発行・失効の管理 具体的な管理方法 | file.risk.usage.r2.access-grant-revocation-method",
        "A | IV その他のリスク対策 1. 監査 ②監査 具体的な内容 | other-risk.audit.audit-content"})
    void givenTyposInLabels_whenResolved_thenFuzzyLabelNamesItem(String kind, String path, String item) {
        assertItem(kind, path, item, null);
        assertThat(form(kind).resolvePath(path).confidence()).isBetween(0.1, 1.0);
    }

    @ParameterizedTest(name = "not an item {0} {1}")
    @CsvSource(delimiter = '|', value = {
        "K | 全体 | DOCUMENT | document |",
        "K | 評価書全体 | DOCUMENT | document |",
        "K | II－4－委託事項3 | ENTRY | file-overview.consignment | file.consignment:3",
        "K | I 基本情報 2 特定個人情報ファイルを取り扱う事務において使用するシステム システム6 | ENTRY | basic-info.systems | system:6",
        "K | II 5 移転先2 | ENTRY | file-overview.transfer | file.transfer:2",
        "K | リスク対策(7. 収納管理ファイル) | ENTRY | risk-measures | file:7",
        "K | III-7. 特定個人情報の保管・消去 (記述の追加) | BLOCK | risk-measures.storage |",
        "K | III 9 | BLOCK | risk-measures.training |",
        "K | (別添)事務の内容 | UNRESOLVED | |",
        "K | IV V-2-① | UNRESOLVED | |",
        "K | ---------- | UNRESOLVED | |"})
    void givenPathNamingNoSingleItem_whenResolved_thenEntryBlockDocumentOrUnresolved(
            String kind, String path, PathTargetKind expected, String target, String entry) {
        PathResolution result = form(kind).resolvePath(path);

        assertThat(result.kind()).as("%s → %s", path, result).isEqualTo(expected);
        assertThat(result.targetId()).isEqualTo(target);
        assertThat(result.item()).isEmpty();
        if (entry != null) {
            assertEntry(result, entry);
        }
    }

    @Test
    void givenGarbledNumbersOnly_whenResolved_thenUnresolvedWithTheItemsTheNumbersPointTo() {
        PathResolution result = KEY_ITEMS.resolvePath("IV V-2-①");

        assertThat(result.kind()).isEqualTo(PathTargetKind.UNRESOLVED);
        assertThat(result.candidates()).extracting(PathCandidate::id)
                .containsExactly("disclosure.request-to", "inquiry.contact");
    }

    @ParameterizedTest(name = "ambiguous {0} {1}")
    @CsvSource(delimiter = '|', value = {
        "K | 具体的な方法",
        "K | リスクに対する措置の内容",
        "K | 法令上の根拠",
        "K | III-6. 情報提供ネットワークシステムとの接続「リスクに対する措置の内容」に記載のシステム名称",
        "A | 実施日",
        "A | その妥当性"})
    void givenPathFittingSeveralItems_whenResolved_thenAmbiguousWithCandidatesAndNoItem(String kind, String path) {
        PathResolution result = form(kind).resolvePath(path);

        assertThat(result.kind()).as("%s → %s", path, result).isEqualTo(PathTargetKind.AMBIGUOUS);
        assertThat(result.item()).isEmpty();
        assertThat(result.candidates()).hasSizeGreaterThan(1)
                .allSatisfy(candidate -> assertThat(candidate.why()).isNotBlank());
    }

    @Test
    void givenNumbersOnlyPathWhoseItemsShareTheNumber_whenResolved_thenAmbiguousWithTheFirstListedFirst() {
        PathResolution result = KEY_ITEMS.resolvePath("II－3－④");

        assertThat(result.kind()).as("%s", result).isEqualTo(PathTargetKind.AMBIGUOUS);
        assertThat(result.item()).isEmpty();
        assertThat(result.candidates()).extracting(PathCandidate::id)
                .containsExactly("file.usage.departments", "file.usage.user-count");
    }

    @Test
    void givenNoPathOrBlank_whenResolved_thenUnresolved() {
        assertThat(KEY_ITEMS.resolvePath(null).kind()).isEqualTo(PathTargetKind.UNRESOLVED);
        assertThat(KEY_ITEMS.resolvePath("   ").kind()).isEqualTo(PathTargetKind.UNRESOLVED);
        assertThat(KEY_ITEMS.resolve(null)).isEmpty();
    }
}
