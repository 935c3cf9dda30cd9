package jp.hyoka.server.forms;

import jp.hyoka.domain.form.AnswerRules;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.importing.ExportDecoding;
import jp.hyoka.domain.importing.body.DocumentBodyImport;
import jp.hyoka.server.support.PublishedDocuments;
import jp.hyoka.server.support.Samples;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-pass {@link ExportMarkup#asJsoupWrites} (rewrite and check at once) and {@link SanitisedHtml#isSanitised}
 * answer exactly what the two-pass definition they replace answered ({@link TwoPassSanitiser}: taken as it is when
 * already in jsoup's form, else rewritten and then checked twice): the same text or the same "leave it to jsoup", on
 * every cell and line of the samples and the published test documents and every rich-text value an import of
 * them sanitises, on jsoup's output of them, and on random soups
 * of the exports' markup, tags, references and text, nested deeper than the scan follows.
 */
class OnePassSanitiserTest {

    private static final List<byte[]> FILES = List.of(Samples.bytes(Samples.ALL_ITEMS_000),
            Samples.bytes(Samples.ANNEX_ONLY_001), Samples.bytes(Samples.KEY_ITEMS_003),
            Samples.bytes(Samples.KEY_ITEMS_004), PublishedDocuments.bytes(PublishedDocuments.BASIC_ITEMS),
            PublishedDocuments.bytes("key-items-funabashi-child-allowance.txt"),
            PublishedDocuments.bytes("all-items-okayama-resident-register.txt"));
    private static final String[] PIECES = {"<ul style=\"list-style-type: none\">", "<ol style=\"x\">", "<ul>",
            "</ul>", "</ol>", "<p>", "</p>", "<li>", "</li>", "<br>", "<システム連携基盤における措置>", "< 措置 >", "<選択肢>",
            "<", ">", "本文", " ", "・連携", "&amp;", "&", "&lt;", "&gt;", "&nbsp;", "&#12354;", "<!-- c -->", "<?x?>",
            "<div>", "</div>", "<table>", "</table>", "<tbody>", "</tbody>", "<thead>", "<tr>", "</tr>", "<td>", "</td>",
            "<th colspan=\"2\">", "<td rowspan=\"12\" colspan=\"3\">", "<td colspan=\"1234\">", "<td colspan=\"2\" colspan=\"2\">",
            "<td  colspan=\"2\">", "<strong>", "</strong>", "<em>", "</em>", "<u>", "<s>", "</s>", "<sub>", "<sup>",
            "</sup>", "<UL style=\"x\">", "<ul style=\"a>b\">", "<ul style=\">", "<ul style=\"\">", "<ul style='x'>",
            "<ul class=\"x\">", "<a href=\"x\">", "</ >", "<1>", "<textarea>", "<title>", "<script>", "<svg>", "<p/>",
            "<br/>", "</br>", "<pp>", "<strongx>", "</p >", "<p<b>", "<ul style=\"x\"", "\u00A0", "\t", "\n", "\r",
            "\u0001", "\uFFFF", "\uD842\uDFB7", "\uD800", "\u3000", "<ul style=\"x\" id=\"y\">", "<p style=\"x\">",
            "<ol style=\"list-style-type: decimal\">", "/", "!", "?", "a", "Z"};

    @Test
    void givenEveryCellAndLineOfTheFilesAndJsoupsOutputOfThem_whenSanitisedInOnePass_thenAsTheTwoPassDefinition() {
        int written = 0;
        int taken = 0;
        for (String text : texts()) {
            for (String variant : List.of(text, text.strip(), JsoupRichTextSanitizer.jsoup(text),
                    JsoupRichTextSanitizer.jsoup(text).strip())) {
                String answer = assertSameAsTwoPass(variant);
                written += answer != null && !answer.equals(variant) ? 1 : 0;
                taken += Objects.equals(answer, variant) ? 1 : 0;
            }
        }
        assertThat(written).as("texts rewritten without jsoup").isGreaterThan(100);
        assertThat(taken).as("texts taken as they are").isGreaterThan(1_000);
    }

    @Test
    void givenRandomSoups_whenSanitisedInOnePass_thenAsTheTwoPassDefinition() {
        Random random = new Random(71);
        int withoutJsoup = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder soup = new StringBuilder();
            for (int k = 1 + random.nextInt(16); k > 0; k--) {
                soup.append(PIECES[random.nextInt(PIECES.length)]);
            }
            withoutJsoup += assertSameAsTwoPass(soup.toString()) != null ? 1 : 0;
        }
        assertThat(withoutJsoup).as("soups answered without jsoup").isGreaterThan(3_000);
    }

    @Test
    void givenNestingAroundTheDepthTheScanFollows_whenSanitisedInOnePass_thenAsTheTwoPassDefinition() {
        for (int depth = 28; depth <= 36; depth++) {
            String lists = "<ul style=\"x\">".repeat(depth) + "本文";
            String closed = "<ul>".repeat(depth) + "本文" + "</ul>".repeat(depth);
            String phrasing = "<p>" + "<strong>".repeat(depth) + "x" + "</strong>".repeat(depth) + "</p>";
            for (String text : List.of(lists, closed, phrasing, lists + ">", closed + "<")) {
                assertSameAsTwoPass(text);
            }
        }
    }

    /** The one-pass answers, checked against the two-pass definition; the rewritten text or null (jsoup). */
    private static String assertSameAsTwoPass(String html) {
        String expected = TwoPassSanitiser.withoutJsoup(html);
        assertThat(ExportMarkup.asJsoupWrites(html)).as("rewritten: %s", html).isEqualTo(expected);
        assertThat(SanitisedHtml.isSanitised(html)).as("taken as is: %s", html)
                .isEqualTo(TwoPassSanitiser.isSanitised(html));
        return expected;
    }

    /** Every line and cell of the files, and every rich-text value an import of them sanitises. */
    private static List<String> texts() {
        List<String> texts = new ArrayList<>();
        AnswerRules recording = new AnswerRules(html -> {
            texts.add(html);
            return html;
        });
        ClasspathFormCatalog forms = new ClasspathFormCatalog();
        for (byte[] file : FILES) {
            List<String> lines = ExportDecoding.decode(file).lines();
            for (String line : lines) {
                texts.add(line);
                texts.addAll(List.of(line.split("\t", -1)));
            }
            Optional<FormKind> kind = DocumentBodyImport.kind(lines);
            kind.ifPresent(k -> DocumentBodyImport.read(lines, forms.all().stream()
                    .filter(f -> f.ref().kind() == k).toList(), recording, () -> UUID.randomUUID().toString()));
        }
        return texts;
    }
}
