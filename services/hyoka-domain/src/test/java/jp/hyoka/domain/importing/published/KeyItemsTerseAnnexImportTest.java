package jp.hyoka.domain.importing.published;

import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.importing.annex.ChangeRow;
import jp.hyoka.domain.importing.annex.PathResolution;
import jp.hyoka.domain.importing.annex.PathTargetKind;
import jp.hyoka.domain.importing.annex.SubmissionTiming;
import jp.hyoka.domain.importing.published.PublishedFiles.Imported;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static jp.hyoka.domain.importing.published.PublishedFiles.KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A published 重点項目評価書 of a municipality not among the samples, whose 変更箇所 uses the terse styles of DOMAIN.md
 * §4.4 (G numbers and circled numbers, J full-width hyphens, D a lost roman numeral as "-", H the 基礎 numbering, K
 * "全体"), with page numbers "n/9" between sections and inside the annex, cells separated by two spaces instead of a
 * TAB, and dates in full- and half-width digits (published/README.md).
 */
class KeyItemsTerseAnnexImportTest {

    private static final Imported DOCUMENT = PublishedFiles.imported(KEY);

    @Test
    void givenFiveInformationRecordItems_whenImported_thenTheNewestKeyRevisionIsChosen() {
        assertThat(DOCUMENT.kind()).isEqualTo(FormKind.KEY_ITEMS);
        assertThat(DOCUMENT.body().form()).as(DOCUMENT.dump()).isEqualTo(new FormRef(FormKind.KEY_ITEMS, "2025"));
        assertThat(DOCUMENT.text("cover.organisation")).contains("船橋市長");
        assertThat(DOCUMENT.date("cover.published-on")).contains(LocalDate.of(2025, 6, 30));
    }

    @Test
    void givenTwoSystemsOneFileAndTwoConsignments_whenImported_thenEachIsAnEntryWithItsNames() {
        List<String> systems = DOCUMENT.entries("system");
        assertThat(systems).as(DOCUMENT.dump()).hasSize(2);
        assertThat(DOCUMENT.text("system.name", systems.get(0))).contains("子育て支援システム");
        assertThat(DOCUMENT.text("system.name", systems.get(1))).contains("中間サーバー");
        assertThat(DOCUMENT.ticked("system.connections", systems.get(1)))
                .containsExactly("network-system", "internal-linkage", "address-system");
        List<String> files = DOCUMENT.entries("file");
        assertThat(files).hasSize(1);
        String file = files.get(0);
        assertThat(DOCUMENT.text("file.name", file)).contains("児童手当情報ファイル");
        assertThat(DOCUMENT.answer("file.consigning", file)).contains(new ChoiceAnswer("consigning", null, 2L));
        List<String> consignments = DOCUMENT.entries("file.consignment", file);
        assertThat(consignments).hasSize(2);
        assertThat(DOCUMENT.text("file.consignment.contractor-name", file, consignments.get(0)))
                .contains("株式会社ふなばし情報サービス");
        assertThat(DOCUMENT.text("file.consignment.contractor-name", file, consignments.get(1))).contains("非公開");
        assertThat(DOCUMENT.entries("file.provision", file)).isEmpty();
        assertThat(DOCUMENT.ticked("file.risk.audit.kinds", file)).containsExactly("self-inspection", "external-audit");
    }

    @Test
    void givenCellsSeparatedBySpacesAndFullWidthDates_whenImported_thenTheyAreReadAsCellsAndDates() {
        assertThat(DOCUMENT.text("department.name")).as(DOCUMENT.dump()).contains("こども家庭部児童家庭課");
        assertThat(DOCUMENT.text("department.head-title")).contains("児童家庭課長");
        String file = DOCUMENT.entries("file").get(0);
        assertThat(DOCUMENT.date("file.basics.held-since", file)).contains(LocalDate.of(2015, 10, 5));
        assertThat(DOCUMENT.date("procedure.basic-assessment.performed-on")).contains(LocalDate.of(2025, 6, 16));
        assertThat(DOCUMENT.answer("procedure.third-party-review.performed-on")).as("「－」 is no date").isEmpty();
        assertThat(DOCUMENT.body().unmapped()).as(DOCUMENT.dump()).isEmpty();
    }

    @Test
    void givenPageNumbers_whenImported_thenNoneIsReadAsContent() {
        assertThat(DOCUMENT.body().answers()).as(DOCUMENT.dump())
                .noneMatch(answer -> answer.answer().plainText().matches("(?s).*\\d/9.*"));
        assertThat(DOCUMENT.annex().warnings()).as(DOCUMENT.dump()).isEmpty();
    }

    @Test
    void givenTheChangeAnnex_whenImported_thenEveryRowHasItsDateAndTiming() {
        assertThat(DOCUMENT.annex().rows()).as(DOCUMENT.dump()).hasSize(25);
        assertThat(DOCUMENT.annex().rows()).extracting(ChangeRow::changedOn).doesNotContainNull()
                .startsWith(LocalDate.of(2016, 4, 1)).contains(LocalDate.of(2021, 9, 1), LocalDate.of(2023, 4, 1))
                .endsWith(LocalDate.of(2025, 6, 30));
        assertThat(DOCUMENT.annex().rows()).filteredOn(row -> row.timing() == SubmissionTiming.BEFORE).hasSize(9);
    }

    @Test
    void givenTerseAnnexPaths_whenResolved_thenAtLeast95PercentNameTheirPlace() {
        assertThat(DOCUMENT.resolvedShare()).as(DOCUMENT.dump()).isGreaterThanOrEqualTo(0.95);
        assertThat(DOCUMENT.path("I 6 ① 部署").targetId()).isEqualTo("department.name");
        assertThat(DOCUMENT.path("Ⅰ 6 ②所属長").targetId()).isEqualTo("department.head-title");
        assertThat(DOCUMENT.path("II 3 ④ 使用部署").targetId()).isEqualTo("file.usage.departments");
        PathResolution contractor = DOCUMENT.path("II 4 委託事項2 ③委託先名");
        assertThat(contractor.targetId()).isEqualTo("file.consignment.contractor-name");
        assertThat(contractor.entry("file.consignment")).isPresent();
        assertThat(DOCUMENT.path("II－4－委託の有無").targetId()).isEqualTo("file.consigning");
        assertThat(DOCUMENT.path("- 4 個人番号の利用 法令上の根拠").targetId()).isEqualTo("personal-number-use.legal-basis");
        assertThat(DOCUMENT.path("I 3 法令上の根拠").targetId()).as("基礎 numbering").isEqualTo("personal-number-use.legal-basis");
        assertThat(DOCUMENT.path("I 4 ②法令上の根拠").targetId()).as("基礎 numbering").isEqualTo("network-linkage.legal-basis");
        assertThat(DOCUMENT.path("I－2－システム1－③").targetId()).isEqualTo("system.connections");
        assertThat(DOCUMENT.path("III 4 規定の内容").targetId()).isEqualTo("file.risk.consignment.r1.contract-provisions-content");
        assertThat(DOCUMENT.path("Ⅲ 10").targetId()).isEqualTo("file.risk.other-measures");
        assertThat(DOCUMENT.path("V 1 ① 実施日").targetId()).isEqualTo("procedure.basic-assessment.performed-on");
        assertThat(DOCUMENT.path("V－1－②").targetId()).isEqualTo("procedure.basic-assessment.threshold-result");
        PathResolution seriousIncident = DOCUMENT.path("III 7 ②");
        assertThat(seriousIncident.kind()).as("② and the その内容 under it share the number: no guess")
                .isEqualTo(PathTargetKind.AMBIGUOUS);
        assertThat(seriousIncident.candidates().get(0).id()).isEqualTo("file.risk.storage.r1.serious-incident");
        assertThat(DOCUMENT.path("全体").kind()).isEqualTo(PathTargetKind.DOCUMENT);
        assertThat(DOCUMENT.path("(別添1)特定個人情報ファイル記録項目").targetId()).isEqualTo("file.record-items");
    }
}
