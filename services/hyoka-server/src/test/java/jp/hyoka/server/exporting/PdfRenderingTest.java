package jp.hyoka.server.exporting;

import jp.hyoka.server.graphql.ApiException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The renderer's limits: renders past the cap are refused at once, a server without its font refuses PDF. */
class PdfRenderingTest {

    private static final String FONT = "/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf";
    private static final String SYMBOLS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    @Test
    void givenOneRenderRunningOnAOneThreadRenderer_whenAnotherIsAsked_thenBusyAtOnceAndTheFirstStillCompletes()
            throws Exception {
        PdfRendering rendering = new PdfRendering(new PdfFonts(FONT, SYMBOLS), 1);
        CompletableFuture<byte[]> first = rendering.render(page(3000));

        ApiException refused = catchThrowableOfType(ApiException.class, () -> rendering.render(page(1)));

        assertThat(refused.code()).isEqualTo(PdfRendering.BUSY);
        assertThat(text(first.get())).contains("行2999");
        assertThat(text(rendering.render(page(1)).get())).as("the thread is free again").contains("行0");
    }

    @Test
    void givenNoFontAtTheConfiguredPath_whenAPdfIsAsked_thenPdfUnavailable() {
        PdfRendering rendering = new PdfRendering(new PdfFonts("/nonexistent/font.ttf", ""), 1);

        ApiException refused = catchThrowableOfType(ApiException.class, () -> rendering.render(page(1)));

        assertThat(refused.code()).isEqualTo(PdfFonts.UNAVAILABLE);
    }

    @Test
    void givenCharactersThatShareAGlyphWithOthers_whenRendered_thenTheTextReadsBackAsTheDocumentsCharacters()
            throws Exception {
        PdfRendering rendering = new PdfRendering(new PdfFonts(FONT, SYMBOLS), 1);

        String text = text(rendering.render("<html><body><p>川崎市長 国民 II −システム1−③ 説明—以上 ☑ ☐</p></body></html>")
                .get());

        // IPAex: 長 shares its glyph with ⻑ U+2ED1, 民 with ⺠, − U+2212 with the soft hyphen, — with U+0336
        assertThat(text).contains("川崎市長").contains("国民").contains("II −システム1−③").contains("説明—以上")
                .contains("☑").contains("☐");
    }

    @Test
    void givenAFontFileThatIsNotYetTheFont_whenTheFontIsInstalledBeforeTheFirstExport_thenTheExportUsesIt()
            throws Exception {
        // Read at the first export, not when the bean is built (start-up): what is there at the first export counts.
        Path font = Files.createTempFile("hyoka-font", ".ttf");
        try {
            Files.writeString(font, "not yet a font");
            PdfFonts fonts = new PdfFonts(font.toString(), "");

            Files.copy(Path.of(FONT), font, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            assertThat(fonts.textName()).isEqualTo("IPAexMincho");
            assertThat(fonts.text()).hasSize((int) Files.size(Path.of(FONT)));
        } finally {
            Files.deleteIfExists(font);
        }
    }

    @Test
    void givenNoFontAtTheFirstExport_whenTheFontIsInstalledBeforeTheNext_thenTheNextExportUsesIt() throws Exception {
        Path directory = Files.createTempDirectory("hyoka-font");
        Path font = directory.resolve("ipaexm.ttf");
        try {
            PdfRendering rendering = new PdfRendering(new PdfFonts(font.toString(), ""), 1);
            ApiException refused = catchThrowableOfType(ApiException.class, () -> rendering.render(page(1)));
            assertThat(refused.code()).isEqualTo(PdfFonts.UNAVAILABLE);

            Files.copy(Path.of(FONT), font);

            assertThat(text(rendering.render(page(1)).get())).contains("行0");
        } finally {
            Files.deleteIfExists(font);
            Files.delete(directory);
        }
    }

    private static String page(int rows) {
        StringBuilder html = new StringBuilder("<html><body><table><thead><tr><th>番号</th></tr></thead><tbody>");
        for (int row = 0; row < rows; row++) {
            html.append("<tr><td>行").append(row).append("</td></tr>");
        }
        return html.append("</tbody></table></body></html>").toString();
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
