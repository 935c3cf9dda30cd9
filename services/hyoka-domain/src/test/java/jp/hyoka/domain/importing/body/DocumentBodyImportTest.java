package jp.hyoka.domain.importing.body;

import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.DateAnswer;
import jp.hyoka.domain.form.MultiChoiceAnswer;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.form.Selection;
import jp.hyoka.domain.form.TextAnswer;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static jp.hyoka.domain.importing.body.BodyForms.FORM_2024;
import static jp.hyoka.domain.importing.body.BodyForms.answer;
import static jp.hyoka.domain.importing.body.BodyForms.bodyLine;
import static jp.hyoka.domain.importing.body.BodyForms.document;
import static jp.hyoka.domain.importing.body.BodyForms.read;
import static org.assertj.core.api.Assertions.assertThat;

/** How rows of an exported 評価書 body become answers and repeat entries (DOMAIN.md §1.4, §2.3, §7). */
class DocumentBodyImportTest {

    private static final String SYSTEMS = "2. 特定個人情報ファイルを取り扱う事務において使用するシステム";
    private static final String FILE = "II 特定個人情報ファイルの概要";

    @Test
    void givenLabelAndValueInOneRow_whenRead_thenTheValueAnswersTheLabelledItem() {
        ImportedDocument document = read(document("1. 特定個人情報ファイルを取り扱う事務",
                "①事務の名称|ひとり親家庭等医療費助成に関する事務"), FORM_2024);

        assertThat(answer(document, "affair.name")).contains(new TextAnswer("ひとり親家庭等医療費助成に関する事務"));
        assertThat(answer(document, "cover.published-on")).contains(new DateAnswer(LocalDate.of(2019, 3, 8)));
        assertThat(document.answers()).filteredOn(a -> a.itemId().value().equals("affair.name"))
                .extracting(ImportedAnswer::line).containsExactly(bodyLine(2));
    }

    @Test
    void givenACoverTableHeader_whenRead_thenTheNextRowHoldsItsValuesCellByCell() {
        ImportedDocument document = read(document(), FORM_2024);

        assertThat(answer(document, "cover.number")).contains(new TextAnswer("45"));
        assertThat(answer(document, "cover.title")).contains(new TextAnswer("ひとり親家庭等医療費助成に関する事務 重点項目評価書"));
    }

    @Test
    void givenAValueOnTheRowUnderItsLabel_whenRead_thenItAnswersThatLabel() {
        ImportedDocument document = read(document(FILE, "1. 特定個人情報ファイル名", "ひとり親サブシステムファイル"), FORM_2024);

        assertThat(answer(document, "cover.organisation")).contains(new TextAnswer("横浜市長"));
        assertThat(answer(document, "file.name", "e1")).contains(new TextAnswer("ひとり親サブシステムファイル"));
        assertThat(document.unmapped()).isEmpty();
    }

    @Test
    void givenAValueContinuedOnTheNextRow_whenRead_thenBothRowsAreOneAnswer() {
        ImportedDocument document = read(document("1. 特定個人情報ファイルを取り扱う事務",
                "②事務の内容|<p>住民票の写しを交付する。</p>", "|<p>転出届を受理する。</p>"), FORM_2024);

        assertThat(answer(document, "affair.description"))
                .contains(new RichTextAnswer("<p>住民票の写しを交付する。</p> <p>転出届を受理する。</p>"));
        assertThat(document.unmapped()).isEmpty();
    }

    @Test
    void givenAScriptInARichTextCell_whenRead_thenItNeverReachesTheAnswer() {
        ImportedDocument document = read(document("1. 特定個人情報ファイルを取り扱う事務",
                "②事務の内容|<p>医療費を助成する。</p><script>alert('x')</script>"), FORM_2024);

        assertThat(answer(document, "affair.description")).contains(new RichTextAnswer("<p>医療費を助成する。</p>"));
    }

    @Test
    void givenASelectionCellWithItsOptionList_whenRead_thenTheBracketedValueIsChosen() {
        ImportedDocument document = read(document("1. 特定個人情報ファイルを取り扱う事務",
                "③対象人数|[1万人以上10万人未満] <選択肢> 1) 1万人未満 2) 1万人以上10万人未満 3) 10万人以上"), FORM_2024);

        assertThat(answer(document, "affair.target-population")).contains(new ChoiceAnswer("10k-to-100k"));
    }

    @Test
    void givenCheckboxCells_whenRead_thenTheCheckedOptionsAreChosenWithTheirText() {
        ImportedDocument document = read(document(SYSTEMS, "システム1", "③他のシステムとの接続|"
                + "[<input checked=\"\" type=\"checkbox\"/>] 庁内連携システム [<input type=\"checkbox\"/>] 情報提供ネットワークシステム "
                + "[<input checked=\"\" type=\"checkbox\"/>] その他 (税務システム)"), FORM_2024);

        assertThat(answer(document, "system.connections", "e1")).contains(new MultiChoiceAnswer(List.of(
                new Selection("internal-linkage", null, null), new Selection("other", "税務システム", null))));
    }

    @Test
    void givenRepeatHeadings_whenRead_thenEntriesAreCreatedInOrderButNotForLayoutHeadings() {
        ImportedDocument document = read(document(SYSTEMS,
                "システム1", "①システムの名称|住民記録システム",
                "システム2～5",
                "システム2", "①システムの名称|中間サーバー"), FORM_2024);

        assertThat(document.entries()).containsExactly(new ImportedEntry("system", List.of(), "e1", 0),
                new ImportedEntry("system", List.of(), "e2", 1));
        assertThat(answer(document, "system.name", "e1")).contains(new TextAnswer("住民記録システム"));
        assertThat(answer(document, "system.name", "e2")).contains(new TextAnswer("中間サーバー"));
    }

    @Test
    void givenASecondSectionIIHeading_whenRead_thenItStartsTheNextFileWithItsOwnConsignments() {
        ImportedDocument document = read(document(
                FILE, "1. 特定個人情報ファイル名", "ひとり親サブシステムファイル",
                "4. 特定個人情報ファイルの取扱いの委託", "委託の有無|[委託する] <選択肢> 1) 委託する 2) 委託しない",
                "委託事項1|運用業務委託", "①委託内容|システムの運用",
                "委託事項2～5",
                "委託事項2|保守業務委託",
                FILE, "1. 特定個人情報ファイル名", "統合番号連携ファイル"), FORM_2024);

        assertThat(document.entries()).containsExactly(new ImportedEntry("file", List.of(), "e1", 0),
                new ImportedEntry("file.consignment", List.of("e1"), "e2", 0),
                new ImportedEntry("file.consignment", List.of("e1"), "e3", 1),
                new ImportedEntry("file", List.of(), "e4", 1));
        assertThat(answer(document, "file.consigning", "e1")).contains(new ChoiceAnswer("consigning"));
        assertThat(answer(document, "file.consignment.title", "e1", "e2")).contains(new TextAnswer("運用業務委託"));
        assertThat(answer(document, "file.consignment.content", "e1", "e2")).contains(new TextAnswer("システムの運用"));
        assertThat(answer(document, "file.consignment.title", "e1", "e3")).contains(new TextAnswer("保守業務委託"));
        assertThat(answer(document, "file.name", "e4")).contains(new TextAnswer("統合番号連携ファイル"));
        assertThat(document.unmapped()).isEmpty();
    }

    @Test
    void givenItemsUnderASubHeading_whenRead_thenTheHeadingCellOrMergedLabelStillNamesTheItem() {
        ImportedDocument separate = read(document(FILE, "3. 特定個人情報の入手・使用",
                "④使用の主体|使用部署|医療援助課",
                "|使用者数|[10人以上50人未満] <選択肢> 1) 10人未満 2) 10人以上50人未満 3) 50人以上"), FORM_2024);
        ImportedDocument merged = read(document(FILE, "3. 特定個人情報の入手・使用",
                "④使用の主体|使用部署 医療援助課"), FORM_2024);

        assertThat(answer(separate, "file.usage.departments", "e1")).contains(new TextAnswer("医療援助課"));
        assertThat(answer(separate, "file.usage.user-count", "e1")).contains(new ChoiceAnswer("10-to-50"));
        assertThat(answer(merged, "file.usage.departments", "e1")).contains(new TextAnswer("医療援助課"));
    }

    @Test
    void givenARowPrintedTwiceWithTheSameValue_whenRead_thenItIsReadOnce() {
        ImportedDocument document = read(document(SYSTEMS, "システム1",
                "①システムの名称|住民記録システム", "①システムの名称|住民記録システム"), FORM_2024);

        assertThat(document.answers()).filteredOn(a -> a.itemId().value().equals("system.name")).hasSize(1);
        assertThat(document.unmapped()).isEmpty();
        assertThat(document.warnings()).isEmpty();
    }
}
