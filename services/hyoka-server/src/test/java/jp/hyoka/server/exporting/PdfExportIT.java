package jp.hyoka.server.exporting;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.Editing;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.Samples;
import jp.hyoka.server.support.SignedInServerTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every sample imported, then exported as PDF once: the text read back from the PDF holds the document's answers
 * and each of its 変更箇所 rows as the printable page shows them; pages are A4, numbered "n / N", the annex's header
 * row is on each of its pages, and the Japanese font is embedded. A public export withholds （非公表） items.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PdfExportIT extends SignedInServerTest {

    private static final String IMPORT = """
            mutation($name: String!, $content: String!) {
              importDocument(input: {fileName: $name, contentBase64: $content}) {
                __typename ... on DocumentImported { assessment { id affairName } }
              }
            }""";
    private static final String IMPORT_ANNEX = """
            mutation($id: ID!, $rev: Int!, $content: String!) {
              importChangeAnnex(input: {assessmentId: $id, expectedRevision: $rev, contentBase64: $content}) {
                __typename ... on Problem { code message }
              }
            }""";
    private static final String EXPORT = """
            query($id: ID!, $format: ExportFormat!, $public: Boolean) {
              exportDocument(assessmentId: $id, format: $format, public: $public) {
                fileName mediaType content contentBase64
              }
            }""";
    private static final String WITHHOLD = """
            mutation($id: ID!, $rev: Int!) {
              withholdItemFromPublication(input: {assessmentId: $id, expectedRevision: $rev,
                                                  itemId: "affair.description", reason: "セキュリティ上のリスク"}) {
                __typename ... on AssessmentEdited { revision }
              }
            }""";
    private static final String SECRET = "サーバ室は本庁舎3階東側";
    /** Value cells of the printable page looked for in each sample's PDF. */
    private static final int ANSWERS_PER_SAMPLE = 12;

    /** Per sample: the printable page and the PDF of the same document, each exported once. */
    private final Map<String, Exported> samples = new LinkedHashMap<>();

    private record Exported(String affairName, Document html, JsonNode pdfExport, byte[] pdf) {
    }

    @BeforeAll
    void everySampleImportedAndExported() {
        for (String sample : List.of(Samples.ALL_ITEMS_000, Samples.KEY_ITEMS_003)) {
            samples.put(sample, importAndExport(callers.kawasakiEditor, sample));
        }
        samples.put(Samples.KEY_ITEMS_004, importAndExport(callers.asahikawaEditor, Samples.KEY_ITEMS_004));
        samples.put(Samples.ANNEX_ONLY_001, annexImportedAndExported(Samples.ANNEX_ONLY_001));
    }

    @Test
    void givenEverySample_whenExportedAsPdf_thenItsAnswersAndEveryChangeRowReadBackFromThePdf() {
        samples.forEach((sample, exported) -> {
            String pdfText = compact(text(exported.pdf()));
            List<String> answers = answers(exported);
            assertThat(answers).as(sample + ": answers to look for").isNotEmpty();
            answers.forEach(answer -> assertThat(pdfText).as(sample + " holds the answer " + answer)
                    .contains(compact(answer)));
            List<Element> rows = exported.html().select("table.changes tbody tr");
            int cursor = pdfText.indexOf(compact("変更前の記載変更後の記載"));
            for (Element row : rows) {
                List<String> cells = row.select("td").eachText();
                int date = inOrder(pdfText, compact(cells.get(0)), cursor);
                assertThat(date).as(sample + " holds the 変更箇所 row " + cells + " after " + cursor).isNotNegative();
                assertThat(inOrder(pdfText, compact(cells.get(1)), date)).as(sample + " row's path " + cells)
                        .isNotNegative();
                assertThat(inOrder(pdfText, prefix(cells.get(3)), date)).as(sample + " row's 変更後 " + cells)
                        .isNotNegative();
                cursor = date + 1;
            }
            assertThat(exported.pdfExport().path("fileName").asText()).endsWith(".pdf");
            assertThat(exported.pdfExport().path("mediaType").asText()).isEqualTo("application/pdf");
            assertThat(exported.pdfExport().path("content").isNull()).isTrue();
        });
        assertThat(samples.get(Samples.ANNEX_ONLY_001).html().select("table.changes tbody tr"))
                .as("the annex-only sample's rows").hasSizeGreaterThan(50);
    }

    @Test
    void givenEverySamplesPdf_whenItsPagesAreRead_thenA4NumberedNOfNWithTheAnnexHeaderOnEachAnnexPage() {
        samples.forEach((sample, exported) -> {
            try (PDDocument pdf = Loader.loadPDF(exported.pdf())) {
                int pages = pdf.getNumberOfPages();
                boolean inAnnex = false;
                for (int number = 1; number <= pages; number++) {
                    PDPage page = pdf.getPage(number - 1);
                    assertThat(page.getMediaBox().getWidth()).as(sample + " A4 width").isCloseTo(595.3f, within(1f));
                    assertThat(page.getMediaBox().getHeight()).as(sample + " A4 height").isCloseTo(841.9f, within(1f));
                    String text = compact(pageText(pdf, number));
                    assertThat(text).as(sample + " page " + number).contains(number + "/" + pages);
                    inAnnex |= text.contains(compact("変更日項目変更前の記載変更後の記載"));
                    if (inAnnex) {
                        assertThat(text).as(sample + " annex page " + number + " repeats the header row")
                                .contains(compact("変更前の記載変更後の記載提出時期"));
                    }
                }
                assertThat(inAnnex).as(sample + " has the annex").isTrue();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void givenEverySamplesPdf_whenItsFontsAreRead_thenTheJapaneseFontIsEmbeddedAsASubset() throws IOException {
        for (Map.Entry<String, Exported> sample : samples.entrySet()) {
            List<PDFont> fonts = new ArrayList<>();
            try (PDDocument pdf = Loader.loadPDF(sample.getValue().pdf())) {
                for (PDPage page : pdf.getPages()) {
                    for (var name : page.getResources().getFontNames()) {
                        fonts.add(page.getResources().getFont(name));
                    }
                }
            }
            assertThat(fonts).as(sample.getKey()).isNotEmpty().allMatch(PDFont::isEmbedded);
            assertThat(fonts).as(sample.getKey() + ": IPAex, subset (ABCDEF+ prefix)")
                    .anyMatch(font -> font.getName().matches("[A-Z]{6}\\+IPAex.*"));
            assertThat(sample.getValue().pdf().length).as(sample.getKey() + ": a subset, not the 4 MB font")
                    .isLessThan(2_000_000);
        }
    }

    @Test
    void givenAPublishedDocumentWithAWithheldItem_whenExportedAsAPublicPdf_thenTheItemReadsHiKohyoAndItsTextIsAbsent() {
        String id = callers.kawasakiEditor.data("startAssessment", Operations.START,
                Map.of("kind", "KEY_ITEMS", "name", "公表版PDFの確認")).path("assessment").path("id").asText();
        JsonNode answered = callers.kawasakiEditor.data("answerItem", Operations.ANSWER, Map.of("id", id, "rev", 1,
                "item", "affair.description", "value", Map.of("richText", "<p>" + SECRET + "</p>")));
        int revision = answered.path("revision").asInt();
        revision = callers.kawasakiEditor.data("withholdItemFromPublication", WITHHOLD,
                Map.of("id", id, "rev", revision)).path("revision").asInt();
        JsonNode published = callers.kawasakiApprover.data("publishVersion", Operations.PUBLISH,
                Map.of("id", id, "rev", revision));
        assertThat(published.path("__typename").asText()).as(published.toString()).isEqualTo("AssessmentEdited");

        String forThePublic = compact(text(pdf(callers.kawasakiEditor, id, true)));
        String internal = compact(text(pdf(callers.kawasakiEditor, id, false)));

        assertThat(forThePublic).contains(compact("（非公表）")).doesNotContain(compact(SECRET))
                .contains(compact("公表版PDFの確認"));
        assertThat(internal).contains(compact(SECRET));
    }

    @Test
    void givenAnUnknownAssessment_whenExportedAsPdf_thenNullAndNoError() {
        GraphQlClient.Response response = callers.kawasakiEditor.execute(EXPORT,
                Map.of("id", "00000000-0000-0000-0000-000000000000", "format", "PDF"));
        assertThat(response.errors().isMissingNode() || response.errors().isEmpty()).as(response.body().toString())
                .isTrue();
        assertThat(response.data().path("exportDocument").isNull()).isTrue();
    }

    private Exported importAndExport(GraphQlClient editor, String sample) {
        JsonNode imported = editor.data("importDocument", IMPORT, Map.of("name", sample,
                "content", Base64.getEncoder().encodeToString(Samples.bytes(sample))));
        assertThat(imported.path("__typename").asText()).as(sample + ": " + imported).isEqualTo("DocumentImported");
        return export(editor, imported.path("assessment").path("id").asText(),
                imported.path("assessment").path("affairName").asText());
    }

    /** The annex-only sample is an annex, not a document: taken into a new assessment as its 変更箇所. */
    private Exported annexImportedAndExported(String sample) {
        String affairName = "変更箇所の印刷確認";
        String id = Editing.start(callers.kawasakiEditor, "KEY_ITEMS", affairName);
        JsonNode imported = callers.kawasakiEditor.data("importChangeAnnex", IMPORT_ANNEX, Map.of("id", id, "rev", 1,
                "content", Base64.getEncoder().encodeToString(Samples.bytes(sample))));
        assertThat(imported.path("__typename").asText()).as(sample + ": " + imported).isEqualTo("ChangeAnnexImported");
        return export(callers.kawasakiEditor, id, affairName);
    }

    private Exported export(GraphQlClient editor, String id, String affairName) {
        String html = editor.data("exportDocument", EXPORT, Map.of("id", id, "format", "HTML")).path("content")
                .asText();
        JsonNode pdfExport = editor.data("exportDocument", EXPORT, Map.of("id", id, "format", "PDF"));
        byte[] pdf = Base64.getDecoder().decode(pdfExport.path("contentBase64").asText());
        keepForALook(pdfExport.path("fileName").asText(), html, pdf);
        return new Exported(affairName, Jsoup.parse(html), pdfExport, pdf);
    }

    /** The files stay in target/pdf-exports for a person to look at (the layout is not all testable). */
    private static void keepForALook(String fileName, String html, byte[] pdf) {
        try {
            Path folder = Files.createDirectories(Path.of("target/pdf-exports"));
            Files.write(folder.resolve(fileName), pdf);
            Files.writeString(folder.resolve(fileName.replaceFirst("\\.pdf$", ".html")), html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] pdf(GraphQlClient client, String id, boolean forThePublic) {
        JsonNode export = client.data("exportDocument", EXPORT, Map.of("id", id, "format", "PDF",
                "public", forThePublic));
        assertThat(export.path("mediaType").asText()).as(export.toString()).isEqualTo("application/pdf");
        return Base64.getDecoder().decode(export.path("contentBase64").asText());
    }

    /** The affair's name and the first value cells of the printable page with some text of their own. */
    private static List<String> answers(Exported exported) {
        List<String> answers = new ArrayList<>();
        if (!exported.affairName().isBlank()) {
            answers.add(exported.affairName());
        }
        exported.html().select("td.value").eachText().stream()
                .filter(text -> compact(text).length() >= 2)
                .limit(ANSWERS_PER_SAMPLE)
                .map(PdfExportIT::prefix)
                .forEach(answers::add);
        return answers;
    }

    private static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pageText(PDDocument pdf, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(pdf);
    }

    /**
     * Where {@code cell} starts in {@code text} at or after {@code from}, or -1: its first characters as written, the
     * rest in order within the next pages' worth of text. A row taller than what is left of a page continues on the
     * next one, after the footer and the repeated header row, its cells' second parts after all their first parts.
     */
    private static int inOrder(String text, String cell, int from) {
        if (cell.isEmpty()) {
            return from;
        }
        int start = text.indexOf(cell.substring(0, Math.min(cell.length(), 4)), from);
        if (start < 0) {
            return -1;
        }
        int at = start;
        int end = Math.min(text.length(), start + cell.length() + 3000);
        for (int i = 0; i < cell.length(); i++) {
            at = text.indexOf(cell.charAt(i), at);
            if (at < 0 || at >= end) {
                return -1;
            }
            at++;
        }
        return start;
    }

    /** The start of a cell: a long cell may break across a page, where the footer comes between its lines. */
    private static String prefix(String text) {
        String compact = compact(text);
        return compact.substring(0, Math.min(compact.length(), 40));
    }

    /** Without white space (lines wrap anywhere in a cell), NFKC (a PDF's text may use compatibility forms). */
    private static String compact(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }
}
