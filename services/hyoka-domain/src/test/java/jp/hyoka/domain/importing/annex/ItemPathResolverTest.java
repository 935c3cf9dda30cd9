package jp.hyoka.domain.importing.annex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import jp.hyoka.domain.form.ItemId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The verbatim 項目 paths of DOMAIN.md §4.4, resolved against parts of the 2025 forms ({@link PathForms}). */
class ItemPathResolverTest {

    private final ItemPathResolver keyItems = new ItemPathResolver(PathForms.keyItems());
    private final ItemPathResolver allItems = new ItemPathResolver(PathForms.allItems());

    @ParameterizedTest(name = "A {0}")
    @CsvSource(delimiter = '|', value = {
        "I 基本情報 1 特定個人情報ファイルを取り扱う事務 ②事務の内容 | affair.description",
        "I 基本情報5. 個人番号の利用 法令上の根拠 | personal-number-use.legal-basis",
        "II 特定個人情報ファイルの概要5. 特定個人情報の提供・移転 移転先2 ②移転先における用途 | file.transfer.use",
        "Ⅲ 特定個人情報ファイルの取扱いプロセスにおけるリスク対策6. 情報提供ネットワークシステムとの接続 リスク2: 安全が保たれない方法によって入手が行われるリスク リスクに対する措置の内容 | file.risk.network.r2.measure",
        "IVその他のリスク対策1. 監査②監査 具体的な内容 | other-risk.audit.audit-content",
        "Ⅲ 3. 特定個人情報の使用 リスク2 ユーザー認証の管理 具体的な管理方法 | file.risk.usage.r2.user-authentication-method",
        "Ⅲ 3. リスク2 アクセス権限の発効・失効の管理 具体的な管理方法 | file.risk.usage.r2.access-grant-revocation-method"})
    void givenRomanSectionPathOfAllItemsForm_whenResolved_thenNamesItem(String path, String expected) {
        assertThat(allItems.resolve(path)).contains(new ItemId(expected));
    }

    @ParameterizedTest(name = "B/D/G/I/J {0}")
    @CsvSource(delimiter = '|', value = {
        "基本情報 1. 特定個人情報ファイルを取り扱う事務 対象人数 | affair.target-population",
        "特定個人情報ファイルの概要 1. 資格管理ファイル 2. 基本情報 対象となる本人の数 | file.basics.subject-count",
        "特定個人情報ファイルの概要(1. 資格管理ファイル) 6. 特定個人情報の保管・消去 保管場所 | file.storage.location",
        "リスク対策 1. 資格管理ファイル 8. 監査 実施の有無 | file.risk.audit.kinds",
        "基本情報 2. 特定個人情報を取り扱う事務において使用するシステムシステム4 他のシステムとの接続 | system.connections",
        "評価実施手続 1.基礎項目評価実施日 | procedure.basic-assessment.performed-on",
        "- 4 個人番号の利用 法令上の根拠 | personal-number-use.legal-basis",
        "- 2 特定個人情報ファイルの取扱いに関する問合せ連絡先 | inquiry.contact",
        "- 5 情報提供ネットワークシステムによる情報連携法令上の根拠 | network-linkage.legal-basis",
        "I 6 ① 部署 | department.name",
        "II 2 ⑥ 事務担当部署 | file.basics.department",
        "II 4 委託事項2 ③委託先名 | file.consignment.contractor-name",
        "Ⅳ 1 ① 請求先 | disclosure.request-to",
        "I 2 システム3 ②システムの機能 | system.function",
        "III 4 規定の内容 | file.risk.consignment.r1.contract-provisions-content",
        "II 6. 保管場所 | file.storage.location",
        "(別添1)特定個人情報ファイル記録項目 | file.record-items",
        "II 特定個人情報ファイルの概要(ひとり親サブシステムファイル) 5. 特定個人情報の提供・移転(委託に伴うものを除く。)提供・移転の有無 | file.provision-status",
        "Ⅲリスク対策(統合番号連携ファイル) 3. 特定個人情報の使用 リスク2: … ユーザー認証の管理 具体的な管理方法 | file.risk.usage.r2.user-authentication-method",
        "I－6－①部署 | department.name",
        "II－4－委託事項1－③委託先名 | file.consignment.contractor-name",
        "II-6. 特定個人情報の保管・消去 | file.storage.location",
        "I-4個人番号の利用 | personal-number-use.legal-basis"})
    void givenPathOfKeyItemsForm_whenResolved_thenNamesItem(String path, String expected) {
        assertThat(keyItems.resolve(path)).contains(new ItemId(expected));
    }

    @ParameterizedTest(name = "unresolved {0}")
    @ValueSource(strings = {"全体", "Ⅲ 10", "II 5 移転先2", "Ⅰ 6 ②所属長", "II −システム1−③", "IV V-2-①", "", "   "})
    void givenPathNamingNoItem_whenResolved_thenEmpty(String path) {
        assertThat(keyItems.resolve(path)).isEmpty();
    }

    @ParameterizedTest(name = "ambiguous {0}")
    @ValueSource(strings = {"具体的な方法", "リスク対策 リスクに対する措置の内容", "法令上の根拠"})
    void givenBareLabelOfSeveralItems_whenResolved_thenEmpty(String path) {
        assertThat(keyItems.resolve(path)).isEmpty();
    }

    @Test
    void givenSameLabelInTwoBlocks_whenPathNamesOneBlock_thenThatBlocksItem() {
        assertThat(keyItems.resolve("III 9 従業者に対する教育・啓発 具体的な方法"))
                .contains(new ItemId("file.risk.training.method"));
        assertThat(keyItems.resolve("III 4 特定個人情報ファイルの取扱いの委託 リスク: 委託先による不正な使用等のリスク 具体的な方法"))
                .contains(new ItemId("file.risk.consignment.r1.subcontractor-handling-method"));
    }

    @Test
    void givenPathNamingTwoBlocks_whenResolved_thenBlockDirectlyBeforeLabelWins() {
        assertThat(keyItems.resolve("I 基本情報 4. 個人番号の利用 5. 情報提供ネットワークシステムによる情報連携 法令上の根拠"))
                .contains(new ItemId("network-linkage.legal-basis"));
    }

    @Test
    void givenNoPath_whenResolved_thenEmpty() {
        assertThat(keyItems.resolve(null)).isEqualTo(Optional.empty());
    }
}
