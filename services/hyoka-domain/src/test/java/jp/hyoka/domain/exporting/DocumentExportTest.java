package jp.hyoka.domain.exporting;

import jp.hyoka.domain.testing.FormFiles;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.importing.annex.ChangeAnnex;
import jp.hyoka.domain.importing.annex.ChangeAnnexParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static jp.hyoka.domain.exporting.ExportFixtures.KEY_ITEMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exports of documents at their edges: nothing written yet, or printed against the wrong form revision. */
class DocumentExportTest {

    @Test
    void givenAnEmptyDocumentOfEveryFormFile_whenExported_thenBothExportsSucceedWithTitleAndAnEmptyAnnex() {
        List<FormDefinition> forms = FormFiles.all();
        assertThat(forms).hasSize(6);
        for (FormDefinition form : forms) {
            DocumentExport export = DocumentBuilder.on(form).export();

            String tsv = TsvExport.render(export);
            String html = HtmlExport.render(export);

            assertThat(tsv).as(form.ref().toString()).startsWith("特定個人情報保護評価書(" + form.ref().kind().japaneseName() + ")\n\n")
                    .endsWith(" 変更箇所\n\n変更日\t項目\t変更前の記載\t変更後の記載\t提出時期\t提出時期に係る説明\n");
            ChangeAnnex annex = ChangeAnnexParser.parse(tsv.lines().toList());
            assertThat(annex.rows()).isEmpty();
            assertThat(annex.warnings()).isEmpty();
            assertThat(html).as(form.ref().toString()).contains("<h1>", "変更箇所</h2>").endsWith("</html>\n");
        }
    }

    @Test
    void givenTheFormKinds_whenTheAnnexIsNumbered_thenItFollowsTheFormsOwnAnnexes() {
        assertThat(ChangeAnnexHeading.of(FormFiles.of(FormKind.ALL_ITEMS, "2025")))
                .isEqualTo("(別添3) 変更箇所");
        assertThat(ChangeAnnexHeading.of(FormFiles.of(FormKind.KEY_ITEMS, "2025")))
                .isEqualTo("(別添2) 変更箇所");
        assertThat(ChangeAnnexHeading.of(FormFiles.of(FormKind.BASIC_ITEMS, "2025")))
                .isEqualTo("(別添) 変更箇所");
    }

    @Test
    void givenADocumentWrittenOnAnotherRevision_whenAnExportIsPrepared_thenItIsRefused() {
        FormDefinition other = FormFiles.of(FormKind.KEY_ITEMS, "2024");

        assertThatThrownBy(() -> new DocumentExport(other, DocumentBuilder.on(KEY_ITEMS).document(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KEY_ITEMS@2025");
    }
}
