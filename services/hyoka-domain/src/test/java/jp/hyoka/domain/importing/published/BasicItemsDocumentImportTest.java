package jp.hyoka.domain.importing.published;

import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.importing.ImportProblem;
import jp.hyoka.domain.importing.annex.ChangeRow;
import jp.hyoka.domain.importing.annex.ParseWarning;
import jp.hyoka.domain.importing.annex.PathTargetKind;
import jp.hyoka.domain.importing.annex.SubmissionTiming;
import jp.hyoka.domain.importing.annex.WarningCode;
import jp.hyoka.domain.importing.body.UnmappedContent;
import jp.hyoka.domain.importing.published.PublishedFiles.Imported;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static jp.hyoka.domain.importing.published.PublishedFiles.BASIC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole published 基礎項目評価書 (there is none among the samples), as a PDF-to-text extraction gives it: UTF-8 with
 * a BOM and CRLF line ends, page footers "- n -" and the title repeated as a page header inside tables, a label and
 * cells broken over lines, a value continued after a page break, full-width spaces and several spaces where cells
 * should be TAB-separated, 和暦 dates in full- and half-width digits ("令和７年４月１日 時点"), the official wording of
 * the しきい値判断 questions and of Ⅳ's risk verdicts (使用's two), and a (別添) 変更箇所 whose row is split across a page
 * break (published/README.md).
 */
class BasicItemsDocumentImportTest {

    private static final Imported DOCUMENT = PublishedFiles.imported(BASIC);

    @Test
    void givenATitleRowNamingTheBasicForm_whenImported_thenItIsReadAsTheNewestBasicRevision() {
        assertThat(DOCUMENT.kind()).isEqualTo(FormKind.BASIC_ITEMS);
        assertThat(DOCUMENT.body().form()).isEqualTo(new FormRef(FormKind.BASIC_ITEMS, "2025"));
        assertThat(DOCUMENT.decoded().encoding()).isEqualTo("UTF-8");
        assertThat(DOCUMENT.decoded().lines()).noneMatch(line -> line.contains("\r") || line.contains("\uFEFF"));
    }

    @Test
    void givenTheCover_whenImported_thenNumberTitleOrganisationAndFullWidthPublicationDateAreRead() {
        assertThat(DOCUMENT.text("cover.assessment-number")).contains("31");
        assertThat(DOCUMENT.text("cover.title")).contains("児童扶養手当に関する事務 基礎項目評価書");
        assertThat(DOCUMENT.text("cover.organisation")).as(DOCUMENT.dump()).contains("旭川市長");
        assertThat(DOCUMENT.date("cover.published-on")).contains(LocalDate.of(2025, 10, 1));
        assertThat(DOCUMENT.text("cover.special-notes")).contains("－");
    }

    @Test
    void givenSectionOne_whenImported_thenTheAffairItsSystemsAndOfficesAreRead() {
        assertThat(DOCUMENT.text("affair.name")).contains("児童扶養手当に関する事務");
        assertThat(DOCUMENT.text("affair.description")).as(DOCUMENT.dump()).hasValueSatisfying(text -> assertThat(text)
                .contains("受給資格の認定及び手当額の決定", "所得情報を照会する。"));
        assertThat(DOCUMENT.entries("system")).hasSize(1);
        String system = DOCUMENT.entries("system").get(0);
        assertThat(DOCUMENT.text("system.name", system)).as(DOCUMENT.dump())
                .hasValueSatisfying(text -> assertThat(text).contains("児童扶養手当システム", "中間サーバー"));
        assertThat(DOCUMENT.text("file-names")).contains("児童扶養手当情報ファイル");
        assertThat(DOCUMENT.text("personal-number-use.legal-basis")).hasValueSatisfying(text -> assertThat(text)
                .contains("別表の56の項"));
        assertThat(DOCUMENT.choice("network-linkage.implemented")).isEqualTo("implemented");
        assertThat(DOCUMENT.text("network-linkage.legal-basis")).as(DOCUMENT.dump())
                .hasValueSatisfying(text -> assertThat(text).contains("第2条の表の", "1の項、17の項、79の項"));
        assertThat(DOCUMENT.text("department.name")).as(DOCUMENT.dump()).contains("子育て支援部こども家庭課");
        assertThat(DOCUMENT.text("department.head-title")).contains("こども家庭課長");
        assertThat(DOCUMENT.text("other-organisations")).contains("－");
        assertThat(DOCUMENT.text("disclosure.request-to")).hasValueSatisfying(text -> assertThat(text).contains("総務課"));
        assertThat(DOCUMENT.text("inquiry.contact")).hasValueSatisfying(text -> assertThat(text).contains("こども家庭課"));
    }

    @Test
    void givenTheThresholdItems_whenImported_thenCountsTheirDatesIncidentAndResultAreRead() {
        assertThat(DOCUMENT.choice("affair.target-population")).as(DOCUMENT.dump()).isEqualTo("1k-to-10k");
        assertThat(DOCUMENT.date("threshold.target-count-as-of")).as(DOCUMENT.dump()).contains(LocalDate.of(2025, 4, 1));
        assertThat(DOCUMENT.choice("threshold.handlers-500-or-more")).isEqualTo("no");
        assertThat(DOCUMENT.date("threshold.handlers-as-of")).contains(LocalDate.of(2025, 4, 1));
        assertThat(DOCUMENT.choice("threshold.serious-incident")).as(DOCUMENT.dump()).isEqualTo("not-occurred");
        assertThat(DOCUMENT.choice("threshold.result")).isEqualTo("mandatory-basic");
    }

    @Test
    void givenTheRiskMeasures_whenImported_thenEachAreasVerdictAuditTrainingAndPriorityAreRead() {
        assertThat(DOCUMENT.choice("basic-risk.submitted-kind")).isEqualTo("basic");
        assertThat(DOCUMENT.choice("basic-risk.acquisition.verdict")).as(DOCUMENT.dump()).isEqualTo("sufficient");
        assertThat(DOCUMENT.choice("basic-risk.usage.verdict")).isEqualTo("sufficient");
        assertThat(DOCUMENT.choice("basic-risk.usage.unauthorised-use.verdict")).isEqualTo("sufficient");
        assertThat(DOCUMENT.choice("basic-risk.consignment.verdict")).isEqualTo("sufficient");
        assertThat(DOCUMENT.answer("basic-risk.provision.verdict")).as("left blank: nothing ticked").isEmpty();
        assertThat(DOCUMENT.choice("basic-risk.network.verdict")).as("options continued after a page break")
                .isEqualTo("sufficient");
        assertThat(DOCUMENT.choice("basic-risk.storage.verdict")).isEqualTo("sufficient");
        assertThat(DOCUMENT.answer("basic-risk.manual-work.none")).as("unticked").isEmpty();
        assertThat(DOCUMENT.choice("basic-risk.manual-work.verdict")).isEqualTo("sufficient");
        assertThat(DOCUMENT.ticked("basic-risk.audit.kinds")).containsExactly("self-inspection", "internal-audit");
        assertThat(DOCUMENT.choice("basic-risk.training.level")).isEqualTo("sufficiently");
        assertThat(DOCUMENT.choice("basic-risk.priority.measure")).isEqualTo("storage");
        assertThat(DOCUMENT.choice("basic-risk.priority.verdict")).isEqualTo("sufficient");
        assertThat(DOCUMENT.text("basic-risk.priority.grounds")).hasValueSatisfying(text -> assertThat(text)
                .contains("閉域網"));
    }

    @Test
    void givenUsagesSecondVerdictAsTheOfficialFormPrintsIt_whenImported_thenItIsReadAndNothingIsKeptAside() {
        assertThat(DOCUMENT.body().unmapped()).as(DOCUMENT.dump()).isEmpty();
        assertThat(DOCUMENT.body().warnings()).as(DOCUMENT.dump())
                .noneMatch(warning -> warning.code().equals(UnmappedContent.UNKNOWN_LABEL));
        assertThat(DOCUMENT.answer("basic-risk.network.provision.verdict")).as("Ⅳ 6's second verdict not printed")
                .isEmpty();
    }

    @Test
    void givenPageFootersAndRepeatedTitles_whenImported_thenNoneOfThemEndsUpInAnAnswerOrARow() {
        assertThat(DOCUMENT.body().answers()).as(DOCUMENT.dump()).noneMatch(answer -> answer.answer().plainText()
                .matches("(?s).*(- \\d+ -|\\(基礎項目評価書\\)).*"));
        assertThat(DOCUMENT.annex().warnings()).as(DOCUMENT.dump()).extracting(ParseWarning::code)
                .containsExactly(WarningCode.ROW_CONTINUED);
    }

    @Test
    void givenTheChangeAnnex_whenImported_thenEveryRowIsReadWithItsDateTimingAndTheSplitRowIsOne() {
        assertThat(DOCUMENT.annex().rows()).as(DOCUMENT.dump()).hasSize(13);
        assertThat(DOCUMENT.annex().rows()).extracting(ChangeRow::changedOn).doesNotContainNull()
                .startsWith(LocalDate.of(2018, 4, 1), LocalDate.of(2019, 7, 1), LocalDate.of(2024, 4, 1))
                .contains(LocalDate.of(2024, 10, 1)).endsWith(LocalDate.of(2025, 10, 1));
        assertThat(DOCUMENT.annex().rows()).filteredOn(row -> row.timing() == SubmissionTiming.BEFORE)
                .extracting(ChangeRow::itemPath).containsExactly("Ⅳ 8 人手を介在させる作業", "Ⅳ 11 最も優先度が高いと考えられる対策");
        ChangeRow split = DOCUMENT.annex().rows().get(2);
        assertThat(split.after().text()).contains("促進に寄与するため、", "養育者に対し児童扶養手当を支給する。");
        assertThat(split.explanation()).startsWith("記載内容の軽微な修正");
    }

    @Test
    void givenTheFileCutOffBeforeTheAnnexHeaderRow_whenImported_thenTheBodyIsReadAndTheMissingAnnexIsReported() {
        String text = new String(PublishedFiles.bytes(BASIC), StandardCharsets.UTF_8);
        byte[] cut = text.substring(0, text.indexOf("変更日\t項目")).getBytes(StandardCharsets.UTF_8);

        Imported truncated = PublishedFiles.imported(cut);

        assertThat(truncated.annex().rows()).isEmpty();
        assertThat(truncated.annex().warnings()).extracting(ParseWarning::code).containsExactly(WarningCode.ANNEX_NOT_FOUND);
        assertThat(truncated.choice("basic-risk.priority.verdict")).isEqualTo("sufficient");
        assertThat(truncated.body().unmapped()).as(truncated.dump()).isEmpty();
    }

    @Test
    void givenTheFileCutOffInsideATag_whenImported_thenItIsReportedAsTruncatedAndTheRestIsRead() {
        String text = new String(PublishedFiles.bytes(BASIC), StandardCharsets.UTF_8);
        byte[] cut = text.substring(0, text.indexOf("<p>児童扶養手当システムは") + 2).getBytes(StandardCharsets.UTF_8);

        Imported truncated = PublishedFiles.imported(cut);

        assertThat(truncated.decoded().warnings()).extracting(ImportProblem::code).containsExactly(ImportProblem.TRUNCATED);
        assertThat(truncated.answer("basic-risk.priority.grounds")).isEmpty();
        assertThat(truncated.choice("basic-risk.priority.verdict")).isEqualTo("sufficient");
        assertThat(truncated.annex().warnings()).extracting(ParseWarning::code).containsExactly(WarningCode.ANNEX_NOT_FOUND);
    }

    @Test
    void givenTheAnnexPathsInBasicNumbering_whenResolved_thenAtLeast95PercentNameTheirPlace() {
        assertThat(DOCUMENT.resolvedShare()).as(DOCUMENT.dump()).isGreaterThanOrEqualTo(0.95);
        assertThat(DOCUMENT.path("Ⅰ－5－①部署").targetId()).isEqualTo("department.name");
        assertThat(DOCUMENT.path("Ⅰ－5－②所属長の役職名").targetId()).isEqualTo("department.head-title");
        assertThat(DOCUMENT.path("Ⅰ 3 法令上の根拠").targetId()).isEqualTo("personal-number-use.legal-basis");
        assertThat(DOCUMENT.path("Ⅰ 4 ②法令上の根拠").targetId()).isEqualTo("network-linkage.legal-basis");
        assertThat(DOCUMENT.path("Ⅱ 1 いつ時点の計数か").targetId()).isEqualTo("threshold.target-count-as-of");
        assertThat(DOCUMENT.path("Ⅱ 2 取扱者数 いつ時点の計数か").targetId()).isEqualTo("threshold.handlers-as-of");
        assertThat(DOCUMENT.path("Ⅱ 3 重大事故").targetId()).isEqualTo("threshold.serious-incident");
        assertThat(DOCUMENT.path("Ⅳ 9 監査 実施の有無").targetId()).isEqualTo("basic-risk.audit.kinds");
        assertThat(DOCUMENT.path("Ⅳ 8 人手を介在させる作業").kind()).isEqualTo(PathTargetKind.BLOCK);
    }
}
