package jp.hyoka.domain.importing.published;

import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.importing.annex.ChangeRow;
import jp.hyoka.domain.importing.annex.ParseWarning;
import jp.hyoka.domain.importing.annex.WarningCode;
import jp.hyoka.domain.importing.body.UnmappedContent;
import jp.hyoka.domain.importing.published.PublishedFiles.Imported;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static jp.hyoka.domain.importing.published.PublishedFiles.BASIC_BOTH_VERDICTS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second published 基礎項目評価書, of another municipality and 事務, printing Ⅳ as the official 様式 does: two
 * verdicts in Ⅳ 3 and in Ⅳ 6, and the 委託しない / 提供・移転しない / 接続しない flags beside their headings. Extracted
 * in another style than the first (published/README.md): no BOM, LF line ends, page numbers "n/6", rows whose label
 * and value only spaces separate, values whose line is just a fraction ("12/12", "4/1"), and a 変更箇所 row whose
 * 項目 cell a page break cuts in two.
 */
class BasicItemsOfficialRiskItemsImportTest {

    private static final Imported DOCUMENT = PublishedFiles.imported(BASIC_BOTH_VERDICTS);

    @Test
    void givenEveryRowOfTheOfficialForm_whenImported_thenEachNamesAnItemAndNoneIsKeptAside() {
        assertThat(DOCUMENT.kind()).isEqualTo(FormKind.BASIC_ITEMS);
        assertThat(DOCUMENT.body().unmapped()).as(DOCUMENT.dump()).isEmpty();
        assertThat(DOCUMENT.body().warnings()).as(DOCUMENT.dump())
                .noneMatch(warning -> warning.code().equals(UnmappedContent.UNKNOWN_LABEL));
        assertThat(DOCUMENT.body().rowsMapped()).as(DOCUMENT.dump()).isEqualTo(DOCUMENT.body().rowsRead());
    }

    @Test
    void givenTwoVerdictsInUsageAndInNetworkConnection_whenImported_thenEachIsReadIntoItsOwnItem() {
        assertThat(DOCUMENT.choice("basic-risk.usage.verdict")).as(DOCUMENT.dump()).isEqualTo("sufficient");
        assertThat(DOCUMENT.choice("basic-risk.usage.unauthorised-use.verdict")).isEqualTo("particularly-focused");
        assertThat(DOCUMENT.choice("basic-risk.network.verdict")).isEqualTo("sufficient");
        assertThat(DOCUMENT.answer("basic-risk.network.provision.verdict")).as("nothing provided: left blank").isEmpty();
        assertThat(DOCUMENT.choice("basic-risk.priority.measure")).isEqualTo("usage-unauthorised");
        assertThat(DOCUMENT.choice("basic-risk.priority.verdict")).isEqualTo("particularly-focused");
    }

    @Test
    void givenTheFlagsBesideTheHeadings_whenImported_thenTheTickedOnesAreRead() {
        assertThat(DOCUMENT.ticked("basic-risk.consignment.not-consigning")).as(DOCUMENT.dump())
                .containsExactly("not-consigning");
        assertThat(DOCUMENT.answer("basic-risk.consignment.verdict")).as("not consigning: left blank").isEmpty();
        assertThat(DOCUMENT.ticked("basic-risk.provision.not-providing")).containsExactly("not-providing");
        assertThat(DOCUMENT.ticked("basic-risk.network.not-connected")).containsExactly("not-providing");
        assertThat(DOCUMENT.answer("basic-risk.manual-work.none")).as("unticked").isEmpty();
    }

    @Test
    void givenRowsWhoseLabelAndValueOnlySpacesSeparate_whenImported_thenEachValueIsInItsItem() {
        assertThat(DOCUMENT.text("cover.organisation")).as(DOCUMENT.dump()).contains("鶴岡市長");
        assertThat(DOCUMENT.date("cover.published-on")).contains(LocalDate.of(2025, 11, 14));
        assertThat(DOCUMENT.text("affair.name")).contains("災害弔慰金の支給等に関する事務");
        assertThat(DOCUMENT.text("personal-number-use.legal-basis")).hasValueSatisfying(text -> assertThat(text)
                .contains("別表の105の項"));
        assertThat(DOCUMENT.choice("network-linkage.implemented")).isEqualTo("implemented");
        assertThat(DOCUMENT.text("network-linkage.legal-basis")).hasValueSatisfying(text -> assertThat(text)
                .contains("149の項"));
        assertThat(DOCUMENT.text("department.name")).contains("防災安全部防災危機管理課");
        assertThat(DOCUMENT.choice("affair.target-population")).isEqualTo("1k-to-10k");
        assertThat(DOCUMENT.date("threshold.target-count-as-of")).contains(LocalDate.of(2025, 10, 1));
        assertThat(DOCUMENT.date("threshold.handlers-as-of")).contains(LocalDate.of(2025, 10, 1));
        assertThat(DOCUMENT.choice("threshold.serious-incident")).isEqualTo("not-occurred");
        assertThat(DOCUMENT.choice("threshold.result")).isEqualTo("mandatory-basic");
    }

    @Test
    void givenValueLinesThatAreJustAFraction_whenImported_thenTheyStayInTheValueWhileTheRisingPageNumbersGo() {
        assertThat(DOCUMENT.text("basic-risk.manual-work.grounds")).as(DOCUMENT.dump())
                .hasValueSatisfying(text -> assertThat(text).contains("点検実施月数 12/12 )。"));
        assertThat(DOCUMENT.text("basic-risk.priority.grounds")).as(DOCUMENT.dump())
                .hasValueSatisfying(text -> assertThat(text).contains("毎年度当初( 4/1 )に見直して"));
        assertThat(DOCUMENT.body().answers()).noneMatch(answer -> answer.answer().plainText()
                .matches("(?s).*(\\b[1-6]/6\\b|\\(基礎項目評価書\\)).*"));
        assertThat(DOCUMENT.annex().rows()).filteredOn(row -> row.itemPath().startsWith("Ⅳ 8"))
                .singleElement().satisfies(row -> assertThat(row.after().text()).contains("点検実施月数12/12)。"));
    }

    @Test
    void givenAPageBreakInsideAnAnnexRowsItemCell_whenImported_thenTheRowIsOneWithItsWholePath() {
        assertThat(DOCUMENT.annex().rows()).as(DOCUMENT.dump()).hasSize(10);
        assertThat(DOCUMENT.annex().rows()).extracting(ChangeRow::changedOn).doesNotContainNull();
        ChangeRow cut = DOCUMENT.annex().rows().get(4);
        assertThat(cut.itemPath()).isEqualTo(
                "Ⅳ 3 特定個人情報の使用 権限のない者(元職員、アクセス権限のない職員等)によって不正に使用されるリスクへの対策は十分か");
        assertThat(DOCUMENT.path(cut.itemPath()).targetId()).as(DOCUMENT.dump())
                .isEqualTo("basic-risk.usage.unauthorised-use.verdict");
        assertThat(DOCUMENT.annex().warnings()).extracting(ParseWarning::code).containsOnly(WarningCode.ROW_CONTINUED)
                .hasSize(3);
    }

    @Test
    void givenTheAnnexPathsToTheOfficialRiskItems_whenResolved_thenTheyNameTheNewItems() {
        assertThat(DOCUMENT.path("Ⅳ 6 情報提供ネットワークシステムとの接続 不正な提供が行われるリスクへの対策は十分か").targetId())
                .as(DOCUMENT.dump()).isEqualTo("basic-risk.network.provision.verdict");
        assertThat(DOCUMENT.path("Ⅳ 4 特定個人情報ファイルの取扱いの委託 委託しない").targetId())
                .isEqualTo("basic-risk.consignment.not-consigning");
        assertThat(DOCUMENT.path("Ⅳ 5 提供・移転しない").targetId()).isEqualTo("basic-risk.provision.not-providing");
        assertThat(DOCUMENT.resolvedShare()).as(DOCUMENT.dump()).isGreaterThanOrEqualTo(0.95);
    }
}
