package jp.hyoka.domain.exporting;

import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.PlainText;
import jp.hyoka.domain.importing.annex.ChangeAnnex;
import jp.hyoka.domain.importing.annex.ChangeAnnexParser;
import jp.hyoka.domain.importing.annex.ChangeRow;
import jp.hyoka.domain.importing.annex.SubmissionTiming;
import jp.hyoka.domain.importing.annex.WarningCode;
import jp.hyoka.domain.testing.FormFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The annex as printed (issue 23): for every sample, import → export → import → export gives the same annex bytes
 * twice, and the first export prints each row of the published file as it stood, up to the documented
 * normalisations (annex README "Export fidelity"): surrounding spaces dropped, HTML tags removed from the plain
 * cells (変更日, 項目, 提出時期に係る説明), a five-cell row whose explanation was missing printed with an empty one.
 * Page-repeat headings and header rows are layout: only the rows are compared.
 */
class ChangeAnnexFidelityTest {

    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][^>]*>");

    @ParameterizedTest(name = "sample {0}")
    @CsvSource({"000, ALL_ITEMS", "001, KEY_ITEMS", "003, KEY_ITEMS", "004, KEY_ITEMS"})
    void givenASample_whenItsAnnexIsExportedImportedAndExportedAgain_thenBothExportsAreTheSameBytes(String sample,
                                                                                                   FormKind kind) {
        FormDefinition form = FormFiles.of(kind, "2025");
        ChangeAnnex source = ChangeAnnexParser.parse(SampleExports.lines(sample));

        List<String> first = annexOf(export(form, source));
        ChangeAnnex reimported = ChangeAnnexParser.parse(first);
        List<String> second = annexOf(export(form, reimported));

        assertThat(source.rows()).as("rows of sample " + sample).isNotEmpty();
        assertThat(String.join("\n", second)).isEqualTo(String.join("\n", first));
        assertThat(reimported.rows()).extracting(ChangeAnnexFidelityTest::content)
                .containsExactlyElementsOf(source.rows().stream().map(ChangeAnnexFidelityTest::content).toList());
        assertThat(reimported.warnings()).as("only the fused rows of the source, printed in their five cells again")
                .allMatch(warning -> warning.code() == WarningCode.FUSED_CELLS);
    }

    @ParameterizedTest(name = "sample {0}")
    @CsvSource({"000, ALL_ITEMS", "001, KEY_ITEMS", "003, KEY_ITEMS", "004, KEY_ITEMS"})
    void givenASample_whenItsAnnexIsExported_thenEachRowIsPrintedAsPublishedUpToTheDocumentedNormalisations(
            String sample, FormKind kind) {
        List<String> published = SampleExports.lines(sample);
        ChangeAnnex source = ChangeAnnexParser.parse(published);
        List<String> exported = annexOf(export(FormFiles.of(kind, "2025"), source));
        ChangeAnnex reimported = ChangeAnnexParser.parse(exported);

        List<String> differences = new ArrayList<>();
        for (int index = 0; index < source.rows().size(); index++) {
            List<String> expected = normalised(published.get(source.rows().get(index).lineNumber() - 1));
            List<String> actual = Arrays.asList(exported.get(reimported.rows().get(index).lineNumber() - 1).split("\t", -1));
            if (!actual.equals(expected)) {
                differences.add("line " + source.rows().get(index).lineNumber() + ": " + expected + " → " + actual);
            }
        }
        assertThat(reimported.rows()).hasSameSizeAs(source.rows());
        assertThat(differences).as("rows of sample " + sample + " printed otherwise than published").isEmpty();
    }

    private static String export(FormDefinition form, ChangeAnnex annex) {
        return TsvExport.render(DocumentBuilder.on(form).export(annex.rows().stream().map(PastChanges::of).toList()));
    }

    /** The annex part of an export: from its heading to the end. */
    private static List<String> annexOf(String tsv) {
        List<String> lines = tsv.lines().toList();
        int start = ChangeAnnexParser.locate(lines).orElseThrow();
        return lines.subList(start - 1, lines.size());
    }

    /** A published row with the documented normalisations applied, as cells. */
    private static List<String> normalised(String line) {
        List<String> cells = new ArrayList<>(Arrays.stream(line.split("\t", -1)).map(PlainText::clean).toList());
        while (cells.size() > 6 && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1);
        }
        boolean fused = cells.size() == 5 && SubmissionTiming.fromCell(cells.get(3)).isPresent();
        if (cells.size() == 5 && !fused) {
            boolean timingLast = cells.get(4).isEmpty() || SubmissionTiming.fromCell(cells.get(4)).isPresent();
            cells.add(timingLast ? 5 : 4, "");
        }
        int explanation = cells.size() - 1;
        for (int plain : new int[]{0, 1, explanation}) {
            cells.set(plain, PlainText.clean(TAG.matcher(cells.get(plain)).replaceAll("")));
        }
        return cells;
    }

    private record Content(Object changedOn, String changedOnText, String itemPath, Object beforeKind, String before,
                           Object afterKind, String after, Object timing, String explanation, Object reason) {
    }

    private static Content content(ChangeRow row) {
        return new Content(row.changedOn(), row.changedOnText(), row.itemPath(), row.before().kind(),
                row.before().text(), row.after().kind(), row.after().text(), row.timing(), row.explanation(),
                row.reason());
    }
}
