package jp.hyoka.server.forms;

import jp.hyoka.domain.form.AnswerRules;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.importing.ExportDecoding;
import jp.hyoka.domain.importing.body.DocumentBodyImport;
import jp.hyoka.server.support.PublishedDocuments;
import jp.hyoka.server.support.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ExportMarkup} writes a text without jsoup only where it gives what jsoup gives: checked on every rich-text
 * value an import of the samples and of the published test documents sanitises, on every cell of those files, and on
 * random soups of the exports' markup mixed with markup it must leave to jsoup.
 */
class ExportMarkupTest {

    private static final List<byte[]> FILES = List.of(Samples.bytes(Samples.ALL_ITEMS_000),
            Samples.bytes(Samples.ANNEX_ONLY_001), Samples.bytes(Samples.KEY_ITEMS_003),
            Samples.bytes(Samples.KEY_ITEMS_004), PublishedDocuments.bytes(PublishedDocuments.BASIC_ITEMS),
            PublishedDocuments.bytes("key-items-funabashi-child-allowance.txt"),
            PublishedDocuments.bytes("all-items-okayama-resident-register.txt"));
    private static final String[] PIECES = {"<ul style=\"list-style-type: none\">", "<ol style=\"x\">", "<ul>",
            "</ul>", "</ol>", "<p>", "</p>", "<li>", "</li>", "<br>", "<システム連携基盤における措置>", "< 措置 >", "<選択肢>",
            "<", ">", "本文", " ", "・連携", "&amp;", "&", "&lt;", "<!-- c -->", "<?x?>", "<div>", "</div>", "<table>",
            "<tr>", "<td>", "<strong>", "</strong>", "<UL style=\"x\">", "<ul style=\"a>b\">", "<ul style=\">",
            "<ul style=\"\">", "<ul style='x'>", "<ul class=\"x\">", "<a href=\"x\">", "</ >", "<1>", "<textarea>",
            "<title>", "<script>", "<svg>", "\u00A0", "\t", "\n", "<ul style=\"x\" id=\"y\">", "<p style=\"x\">"};

    private final ClasspathFormCatalog forms = new ClasspathFormCatalog();

    @Test
    void givenEveryRichTextValueAnImportSanitises_whenWrittenWithoutJsoup_thenItIsWhatJsoupWrites() {
        List<String> values = new ArrayList<>();
        AnswerRules recording = new AnswerRules(html -> {
            values.add(html);
            return JsoupRichTextSanitizer.jsoup(html);
        });
        for (byte[] file : FILES) {
            List<String> lines = ExportDecoding.decode(file).lines();
            Optional<FormKind> kind = DocumentBodyImport.kind(lines);
            if (kind.isPresent()) {
                List<FormDefinition> revisions = forms.all().stream().filter(f -> f.ref().kind() == kind.get())
                        .toList();
                DocumentBodyImport.read(lines, revisions, recording, () -> UUID.randomUUID().toString());
            }
        }
        int written = 0;
        for (String value : values) {
            written += agreesWithJsoup(value) ? 1 : 0;
        }
        assertThat(values).as("rich-text values sanitised").hasSizeGreaterThan(200);
        assertThat(written).as("values with the exports' markup written without jsoup").isGreaterThan(40);
    }

    @Test
    void givenEveryCellOfTheFiles_whenWrittenWithoutJsoup_thenItIsWhatJsoupWrites() {
        int written = 0;
        for (byte[] file : FILES) {
            for (String line : ExportDecoding.decode(file).lines()) {
                written += agreesWithJsoup(line) ? 1 : 0;
                for (String cell : line.split("\t", -1)) {
                    written += agreesWithJsoup(cell) ? 1 : 0;
                    written += agreesWithJsoup(cell.strip()) ? 1 : 0;
                }
            }
        }
        assertThat(written).isGreaterThan(100);
    }

    @Test
    void givenRandomSoupsOfTheExportsMarkupAndOtherMarkup_whenWrittenWithoutJsoup_thenItIsWhatJsoupWrites() {
        Random random = new Random(67);
        int written = 0;
        for (int n = 0; n < 40_000; n++) {
            StringBuilder soup = new StringBuilder();
            for (int k = 1 + random.nextInt(12); k > 0; k--) {
                soup.append(PIECES[random.nextInt(PIECES.length)]);
            }
            written += agreesWithJsoup(soup.toString()) ? 1 : 0;
        }
        assertThat(written).as("soups written without jsoup").isGreaterThan(2_000);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"<ul style=\"list-style-type: none\"> ■管理 <ul style=\"list-style-type: none\"> ・連携",
            "<システム連携基盤における措置> 1. 措置", "< 取りまとめ機関における措置 > a > b", "<p>[収納管理]</p> <ul style=\"x\"> 登録"})
    void givenTheExportsOwnMarkup_whenSanitised_thenJsoupIsNotNeededAndTheResultIsJsoups(String html) {
        assertThat(ExportMarkup.asJsoupWrites(html)).isNotNull().isEqualTo(JsoupRichTextSanitizer.jsoup(html));
        assertThat(new JsoupRichTextSanitizer().sanitize(html)).isEqualTo(JsoupRichTextSanitizer.jsoup(html));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"<ul style=\"x\"><p>open", "<div>x</div>", "<UL style=\"x\">a", "a & b", "<!-- c -->",
            "<ul style=\"a\" class=\"b\">x", "<table><tr><td>x", "<a", "<p><ul style=\"x\">a</ul></p>"})
    void givenMarkupBeyondTheExports_whenSanitised_thenLeftToJsoup(String html) {
        assertThat(ExportMarkup.asJsoupWrites(html)).isNull();
    }

    /** Whether the text was written without jsoup; if so, it must be exactly what jsoup writes. */
    private static boolean agreesWithJsoup(String html) {
        String written = ExportMarkup.asJsoupWrites(html);
        if (written == null) {
            return false;
        }
        assertThat(written).as("written without jsoup: %s", html).isEqualTo(JsoupRichTextSanitizer.jsoup(html));
        return true;
    }
}
