package jp.hyoka.domain.importing.body;

import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.MultiChoiceAnswer;
import jp.hyoka.domain.form.Selection;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static jp.hyoka.domain.importing.body.BodyForms.FORM_2024;
import static jp.hyoka.domain.importing.body.BodyForms.FORM_2025;
import static jp.hyoka.domain.importing.body.BodyForms.V2024;
import static jp.hyoka.domain.importing.body.BodyForms.V2025;
import static jp.hyoka.domain.importing.body.BodyForms.answer;
import static jp.hyoka.domain.importing.body.BodyForms.document;
import static jp.hyoka.domain.importing.body.BodyForms.read;
import static jp.hyoka.domain.importing.body.BodyForms.rows;
import static org.assertj.core.api.Assertions.assertThat;

/** Which rows are the body (title, 項目一覧, 変更箇所 annex), which kind it is, and which revision it is read against. */
class DocumentBodyLayoutTest {

    private static final String AFFAIR = "1. 特定個人情報ファイルを取り扱う事務";
    private static final String SYSTEMS = "2. 特定個人情報ファイルを取り扱う事務において使用するシステム";
    private static final List<String> ANNEX_ONLY = rows(List.of("(別添2) 変更箇所",
            "変更日|項目|変更前の記載|変更後の記載|提出時期|提出時期に係る説明",
            "平成31年3月8日|I 基本情報 1. 特定個人情報ファイルを取り扱う事務 ①事務の名称|旧名称|新名称|事後|"));

    @Test
    void givenATitleRow_whenKindAsked_thenTheKindItNamesIsFound() {
        assertThat(DocumentBodyImport.kind(document())).contains(FormKind.KEY_ITEMS);
        assertThat(DocumentBodyImport.kind(rows(List.of("", "特定個人情報保護評価書(全項目評価書)")))).contains(FormKind.ALL_ITEMS);
        assertThat(DocumentBodyImport.hasBody(document())).isTrue();
    }

    @Test
    void givenAnAnnexOnlyFile_whenKindAsked_thenThereIsNoKindAndNoBody() {
        assertThat(DocumentBodyImport.kind(ANNEX_ONLY)).isEmpty();
        assertThat(DocumentBodyImport.hasBody(ANNEX_ONLY)).isFalse();
    }

    @Test
    void givenATableOfContents_whenRead_thenItsRowsAreNeitherReadNorMistakenForTheBody() {
        ImportedDocument document = read(document(AFFAIR, "①事務の名称|ひとり親家庭等医療費助成に関する事務"), FORM_2024);

        assertThat(document.entries()).isEmpty();                   // its "II 特定個人情報ファイルの概要" started no file
        assertThat(document.unmapped()).isEmpty();
        assertThat(document.rowsRead()).isEqualTo(8);                // 5 cover rows, "I 基本情報", 2 rows of block 1
        assertThat(answer(document, "affair.name")).isPresent();     // the 項目一覧's "(別添2) 変更箇所" ended nothing
    }

    @Test
    void givenTheChangeAnnex_whenRead_thenItEndsTheBody() {
        List<String> lines = new ArrayList<>(document(AFFAIR, "①事務の名称|ひとり親家庭等医療費助成に関する事務", ""));
        lines.addAll(ANNEX_ONLY);

        ImportedDocument document = read(lines, FORM_2024);

        assertThat(document.rowsRead()).isEqualTo(8);
        assertThat(document.unmapped()).isEmpty();
        assertThat(answer(document, "affair.name")).isPresent();
    }

    @Test
    void givenAnAnnexHeadingWithoutItsColumnHeader_whenRead_thenItStillEndsTheBody() {
        ImportedDocument document = read(document(AFFAIR, "(別添2) 変更箇所", "①事務の名称|変更後の事務の名称"), FORM_2024);

        assertThat(answer(document, "affair.name")).isEmpty();
        assertThat(document.unmapped()).isEmpty();
    }

    @Test
    void givenAnOptionOnlyTheNewerRevisionHas_whenRead_thenTheNewerRevisionIsChosen() {
        ImportedDocument document = read(connections("団体内統合宛名システム"), FORM_2024, FORM_2025);

        assertThat(document.form()).isEqualTo(V2025);
        assertThat(answer(document, "system.connections", document.entries().get(0).entryId()))
                .contains(new MultiChoiceAnswer(List.of(new Selection("address-system", null, null))));
    }

    @Test
    void givenAnOptionOnlyTheOlderRevisionHas_whenRead_thenTheOlderRevisionIsChosen() {
        ImportedDocument document = read(connections("宛名システム等"), FORM_2025, FORM_2024);

        assertThat(document.form()).isEqualTo(V2024);
        assertThat(document.unmapped()).isEmpty();
        assertThat(document.warnings()).isEmpty();
    }

    @Test
    void givenAnUntickedOptionOnlyTheOlderRevisionHas_whenRead_thenTheOlderRevisionFitsBetter() {
        ImportedDocument document = read(document(SYSTEMS, "システム1", "③他のシステムとの接続|"
                + "[<input checked=\"\" type=\"checkbox\"/>] 庁内連携システム [<input type=\"checkbox\"/>] 宛名システム等"),
                FORM_2024, FORM_2025);

        assertThat(document.form()).isEqualTo(V2024);
    }

    @Test
    void givenADocumentBothRevisionsFit_whenRead_thenTheNewestIsChosen() {
        ImportedDocument document = read(document(AFFAIR, "①事務の名称|ひとり親家庭等医療費助成に関する事務"),
                FORM_2024, FORM_2025);

        assertThat(document.form()).isEqualTo(V2025);
    }

    private static List<String> connections(String ticked) {
        return document(SYSTEMS, "システム1",
                "③他のシステムとの接続|[<input checked=\"\" type=\"checkbox\"/>] " + ticked);
    }
}
