package jp.hyoka.domain.importing.body;

import jp.hyoka.domain.form.MultiChoiceAnswer;
import jp.hyoka.domain.form.Selection;
import jp.hyoka.domain.form.TextAnswer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static jp.hyoka.domain.importing.body.BodyForms.FORM_2024;
import static jp.hyoka.domain.importing.body.BodyForms.answer;
import static jp.hyoka.domain.importing.body.BodyForms.bodyLine;
import static jp.hyoka.domain.importing.body.BodyForms.document;
import static jp.hyoka.domain.importing.body.BodyForms.read;
import static org.assertj.core.api.Assertions.assertThat;

/** Rows a PDF-to-text extraction broke: labels and cells over two lines, spaces for a TAB, page marks between. */
class BrokenRowsReadingTest {

    private static final String SYSTEMS = "2. 特定個人情報ファイルを取り扱う事務において使用するシステム";

    /** The body read, every row of it understood: nothing kept aside. */
    private static ImportedDocument readWhole(String... body) {
        ImportedDocument document = read(document(body), FORM_2024);
        assertThat(document.unmapped()).isEmpty();
        assertThat(document.rowsMapped()).isEqualTo(document.rowsRead());
        return document;
    }

    @Test
    void givenALabelBrokenOverTwoLines_whenRead_thenBothLinesAreOneLabelRow() {
        ImportedDocument document = readWhole(SYSTEMS, "システム1", "他のシステム", "との接続|[○] 庁内連携システム");

        assertThat(answer(document, "system.connections", "e1"))
                .contains(new MultiChoiceAnswer(List.of(new Selection("internal-linkage", null, null))));
    }

    @Test
    void givenTheStartOfALabelNoRowCompletes_whenRead_thenItIsKeptAsideAndTheNextRowReadOnItsOwn() {
        ImportedDocument document = read(document(SYSTEMS, "システム1", "他のシステム", "①システムの名称|住民記録システム"),
                FORM_2024);

        assertThat(answer(document, "system.name", "e1")).contains(new TextAnswer("住民記録システム"));
        assertThat(document.unmapped()).singleElement().satisfies(kept -> {
            assertThat(kept.line()).isEqualTo(bodyLine(3));
            assertThat(kept.label()).isEqualTo("他のシステム");
            assertThat(kept.reason()).isEqualTo(UnmappedContent.UNKNOWN_LABEL);
        });
        assertThat(document.rowsMapped()).isEqualTo(document.rowsRead() - 1);
    }

    @Test
    void givenSpacesWhereATabShouldBe_whenTheFirstPartNamesAnItem_thenTheRowIsLabelAndValue() {
        ImportedDocument document = readWhole("1. 特定個人情報ファイルを取り扱う事務", "①事務の名称　　児童手当に関する事務",
                "②事務の内容  <p>児童手当を支給する。</p>");

        assertThat(answer(document, "affair.name")).contains(new TextAnswer("児童手当に関する事務"));
        assertThat(answer(document, "affair.description")).isPresent();
    }

    @Test
    void givenACellBrokenAfterAComma_whenTheRestNamesNoItem_thenItContinuesTheValue() {
        ImportedDocument document = readWhole(SYSTEMS, "システム1", "①システムの名称|住民記録システム、", "宛名システム");

        assertThat(answer(document, "system.name", "e1")).contains(new TextAnswer("住民記録システム、 宛名システム"));
    }

    @Test
    void givenAPageNumberAndTheRunningTitleInsideAValue_whenRead_thenTheyAreSkippedAndTheValueGoesOn() {
        ImportedDocument document = readWhole("1. 特定個人情報ファイルを取り扱う事務", "②事務の内容|<p>児童手当を",
                "- 3 -", "特定個人情報保護評価書(重点項目評価書)", "|支給する。</p>");

        assertThat(answer(document, "affair.description").orElseThrow().plainText())
                .doesNotContain("3", "評価書").contains("児童手当を", "支給する。");
    }
}
