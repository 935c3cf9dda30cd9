package jp.hyoka.domain.exporting;

import jp.hyoka.domain.testing.FormFiles;
import jp.hyoka.domain.assessment.PastChange;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.importing.annex.ChangeAnnex;
import jp.hyoka.domain.importing.annex.ChangeAnnexParser;
import jp.hyoka.domain.importing.annex.ChangeRow;
import jp.hyoka.domain.importing.annex.WarningCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 変更箇所 annexes of the published samples, taken over as past changes and exported again, read back through
 * {@code ChangeAnnexParser} into the same rows: date and its text, 項目, 変更前 and 変更後 (kind and text), 提出時期
 * and explanation.
 */
class ChangeAnnexRoundTripTest {

    @ParameterizedTest(name = "sample {0}")
    @CsvSource({"000, ALL_ITEMS", "001, KEY_ITEMS", "003, KEY_ITEMS", "004, KEY_ITEMS"})
    void givenTheAnnexOfASample_whenItsRowsAreExportedAndParsedAgain_thenEveryRowComesBackTheSame(String sample,
                                                                                                 FormKind kind) {
        FormDefinition form = FormFiles.of(kind, "2025");
        ChangeAnnex source = ChangeAnnexParser.parse(SampleExports.lines(sample));
        List<PastChange> past = source.rows().stream().map(ChangeAnnexRoundTripTest::pastChange).toList();

        String tsv = TsvExport.render(DocumentBuilder.on(form).export(past));
        ChangeAnnex exported = ChangeAnnexParser.parse(tsv.lines().toList());

        assertThat(source.rows()).as("rows in sample " + sample).isNotEmpty();
        assertThat(exported.rows().stream().map(ChangeAnnexRoundTripTest::content).toList())
                .containsExactlyElementsOf(source.rows().stream().map(ChangeAnnexRoundTripTest::content).toList());
        assertThat(exported.warnings(WarningCode.NOT_A_CHANGE_ROW)).isEmpty();
        assertThat(exported.warnings(WarningCode.EXTRA_CELLS)).isEmpty();
        assertThat(exported.warnings(WarningCode.ANNEX_NOT_FOUND)).isEmpty();
    }

    /** What a row says, without where it stood in its file (line numbers differ between the sample and the export). */
    private record Content(Object changedOn, String changedOnText, String itemPath, Object beforeKind, String before,
                           Object afterKind, String after, Object timing, String explanation) {
    }

    private static Content content(ChangeRow row) {
        return new Content(row.changedOn(), row.changedOnText(), row.itemPath(), row.before().kind(),
                row.before().text(), row.after().kind(), row.after().text(), row.timing(), row.explanation());
    }

    /** As the server's ChangeAnnexImport takes a row over, without resolving the item id. */
    private static PastChange pastChange(ChangeRow row) {
        return new PastChange(row.rowIndex(), row.lineNumber(), row.changedOn(), row.changedOnText(), row.itemPath(),
                null, row.before().kind().name(), row.before().text(), row.after().kind().name(), row.after().text(),
                row.timing() == null ? null : row.timing().name(), row.explanation(), row.reason().name());
    }
}
