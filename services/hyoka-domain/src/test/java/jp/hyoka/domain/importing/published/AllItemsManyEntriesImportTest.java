package jp.hyoka.domain.importing.published;

import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.importing.annex.ChangeRow;
import jp.hyoka.domain.importing.annex.PathResolution;
import jp.hyoka.domain.importing.published.PublishedFiles.Imported;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static jp.hyoka.domain.importing.published.PublishedFiles.ALL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A published 全項目評価書 of another municipality with more repeat entries than the samples (4 システム, 3 特定個人情報
 * ファイル printed as II×3, (別添2)×3, III×3, 6 委託事項, 5 移転先 and 2 提供先), items left blank or 「－」, page
 * numbers "n / 40" with the title repeated as a page header, and full-width dates (published/README.md).
 */
class AllItemsManyEntriesImportTest {

    private static final Imported DOCUMENT = PublishedFiles.imported(ALL);

    @Test
    void givenAnAllItemsTitle_whenImported_thenTheNewestAllItemsRevisionIsChosen() {
        assertThat(DOCUMENT.kind()).isEqualTo(FormKind.ALL_ITEMS);
        assertThat(DOCUMENT.body().form()).isEqualTo(new FormRef(FormKind.ALL_ITEMS, "2025"));
        assertThat(DOCUMENT.text("cover.organisation")).contains("岡山市長");
        assertThat(DOCUMENT.date("cover.published-on")).contains(LocalDate.of(2024, 12, 20));
        assertThat(DOCUMENT.choice("affair.target-population")).isEqualTo("300k-or-more");
    }

    @Test
    void givenFourSystems_whenImported_thenFourEntriesInPrintOrder() {
        List<String> systems = DOCUMENT.entries("system");
        assertThat(systems).as(DOCUMENT.dump()).hasSize(4);
        assertThat(systems.stream().map(s -> DOCUMENT.text("system.name", s).orElse("")).toList()).containsExactly(
                "既存住民基本台帳システム", "住民基本台帳ネットワークシステム(市町村CS)", "団体内統合宛名システム", "中間サーバー");
    }

    @Test
    void givenThreeFiles_whenImported_thenEachFileHasItsOwnOverviewRecordItemsAndRiskMeasures() {
        List<String> files = DOCUMENT.entries("file");
        assertThat(files).as(DOCUMENT.dump()).hasSize(3);
        assertThat(files.stream().map(f -> DOCUMENT.text("file.name", f).orElse("")).toList())
                .containsExactly("住民基本台帳ファイル", "本人確認情報ファイル", "送付先情報ファイル");
        assertThat(DOCUMENT.text("file.record-items", files.get(2))).hasValueSatisfying(text -> assertThat(text)
                .contains("送付先住所"));
        assertThat(DOCUMENT.choice("file.risk.usage.r2.user-authentication", files.get(1))).isEqualTo("doing");
        assertThat(DOCUMENT.ticked("file.risk.consignment.not-consigning", files.get(2))).containsExactly("not-consigning");
        assertThat(DOCUMENT.ticked("file.risk.network.not-connected", files.get(2))).hasSize(1);
        assertThat(DOCUMENT.answer("file.risk.network.r5.verdict", files.get(2))).as("left blank").isEmpty();
    }

    @Test
    void givenSixConsignmentsAndFiveTransfers_whenImported_thenEveryEntryIsReadWithItsName() {
        String first = DOCUMENT.entries("file").get(0);
        List<String> consignments = DOCUMENT.entries("file.consignment", first);
        assertThat(consignments).as(DOCUMENT.dump()).hasSize(6);
        assertThat(DOCUMENT.text("file.consignment.title", first, consignments.get(5))).contains("バックアップ媒体の遠隔地保管");
        assertThat(DOCUMENT.text("file.consignment.contractor-name", first, consignments.get(4)))
                .contains("岡山データセンター株式会社");
        assertThat(DOCUMENT.answer("file.consigning", first)).contains(new ChoiceAnswer("consigning", null, 6L));
        List<String> transfers = DOCUMENT.entries("file.transfer", first);
        assertThat(transfers).hasSize(5);
        assertThat(DOCUMENT.text("file.transfer.recipient", first, transfers.get(4))).contains("選挙管理委員会事務局");
        // The 提供先1 block the form prints without a value when nothing is provided is no entry (as in samples 000
        // and 004); the second file's two 提供先, each with its values, are.
        assertThat(DOCUMENT.entries("file.provision", first)).as("提供先1 printed empty").isEmpty();
        String second = DOCUMENT.entries("file").get(1);
        assertThat(DOCUMENT.entries("file.provision", second)).hasSize(2);
        assertThat(DOCUMENT.text("file.provision.recipient", second, DOCUMENT.entries("file.provision", second).get(0)))
                .contains("岡山県知事");
        assertThat(DOCUMENT.entries("file.consignment", second)).hasSize(1);
        String third = DOCUMENT.entries("file").get(2);
        assertThat(DOCUMENT.entries("file.consignment", third)).isEmpty();
        assertThat(DOCUMENT.entries("file.provision", third)).as("提供先1 printed empty").isEmpty();
        assertThat(DOCUMENT.choice("file.consigning", third)).isEqualTo("not-consigning");
    }

    @Test
    void givenItemsLeftBlankOrDashed_whenImported_thenBlankOnesAreUnansweredAndDashesKeptAsPrinted() {
        List<String> files = DOCUMENT.entries("file");
        assertThat(DOCUMENT.answer("file.basics.subject-scope-necessity", files.get(2))).isEmpty();
        assertThat(DOCUMENT.text("file.usage.statistics", files.get(1))).contains("－");
        assertThat(DOCUMENT.text("other-organisations")).contains("－");
        assertThat(DOCUMENT.date("file.usage.started-on", files.get(0))).contains(LocalDate.of(2015, 10, 5));
        assertThat(DOCUMENT.date("procedure.third-party-review.performed-on")).contains(LocalDate.of(2024, 11, 15));
        assertThat(DOCUMENT.body().unmapped()).as(DOCUMENT.dump()).isEmpty();
    }

    @Test
    void givenPageNumbersInsideTables_whenImported_thenNoneIsReadAsContent() {
        assertThat(DOCUMENT.body().answers()).as(DOCUMENT.dump())
                .noneMatch(answer -> answer.answer().plainText().matches("(?s).*(\\d+ / 40|\\(全項目評価書\\)).*"));
        assertThat(DOCUMENT.annex().warnings()).as(DOCUMENT.dump()).isEmpty();
    }

    @Test
    void givenTheChangeAnnex_whenResolved_thenAtLeast95PercentNameTheirPlaceAndFilesByName() {
        assertThat(DOCUMENT.annex().rows()).as(DOCUMENT.dump()).hasSize(16);
        assertThat(DOCUMENT.annex().rows()).extracting(ChangeRow::changedOn).doesNotContainNull()
                .contains(LocalDate.of(2023, 4, 1)).endsWith(LocalDate.of(2024, 12, 20));
        assertThat(DOCUMENT.resolvedShare()).as(DOCUMENT.dump()).isGreaterThanOrEqualTo(0.95);
        PathResolution transfer = DOCUMENT.path("II 特定個人情報ファイルの概要(住民基本台帳ファイル) 5. 特定個人情報の提供・移転 移転先5 ②移転先における用途");
        assertThat(transfer.targetId()).isEqualTo("file.transfer.use");
        assertThat(transfer.entry("file.transfer")).isPresent();
        assertThat(transfer.entry("file")).isPresent();
        assertThat(DOCUMENT.path("I 基本情報5. 個人番号の利用 法令上の根拠").targetId()).isEqualTo("personal-number-use.legal-basis");
        assertThat(DOCUMENT.path("IVその他のリスク対策1. 監査②監査 具体的な内容").targetId()).isEqualTo("other-risk.audit.audit-content");
        assertThat(DOCUMENT.path("VI 評価実施手続 3. 第三者点検 ①実施日").targetId()).isEqualTo("procedure.third-party-review.performed-on");
    }
}
