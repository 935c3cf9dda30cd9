package jp.hyoka.server.forms;

import jp.hyoka.domain.importing.ExportDecoding;
import jp.hyoka.server.support.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SanitisedHtml} says "already sanitised" only of texts jsoup gives back unchanged: checked against jsoup on
 * every cell of the published samples and on what jsoup made of them (the decider's second check of an imported
 * answer), on random well-formed trees of the safe subset, and on random soups of tags, references and text.
 */
class SanitisedHtmlTest {

    private static final String[] TEXTS = {"本文", "a", " ", "\n", "\t", "\r", "&amp;", "&lt;", "&gt;", "&nbsp;",
            "&#12354;", "&bogus;", "&", "<", ">", "\"", "'", "\u3000", "\u00A0", "①", "[○]", "<選択肢>", "x=1",
            "\u200B", "\u0001", "𠮷", "\uD800", "<!-- c -->", "<![CDATA[x]]>"};
    private static final String[] ELEMENTS = {"p", "br", "ul", "ol", "li", "table", "thead", "tbody", "tr", "td",
            "th", "strong", "em", "u", "s", "sub", "sup", "div", "span", "b", "svg", "math", "template", "select",
            "textarea", "title", "script", "style", "a", "P", "Td", "caption", "col", "pre"};

    @Test
    void givenThePublishedSamplesCells_whenJudgedBeforeAndAfterJsoup_thenOnlyWhatJsoupGivesBackIsTakenAsIs() {
        int taken = 0;
        int outputs = 0;
        for (String text : sampleCells()) {
            String cleaned = JsoupRichTextSanitizer.jsoup(text);
            assertAgreesWithJsoup(text);
            assertAgreesWithJsoup(cleaned);
            assertAgreesWithJsoup(cleaned.strip());
            taken += SanitisedHtml.isSanitised(cleaned.strip()) ? 1 : 0;
            outputs += cleaned.contains("<") ? 1 : 0;
        }
        assertThat(outputs).as("cells with markup").isGreaterThan(100);
        assertThat(taken).as("jsoup's outputs taken as they are").isGreaterThan(outputs);
    }

    @Test
    void givenRandomTreesOfTheSafeSubset_whenJudged_thenEveryOneTakenAsIsIsGivenBackByJsoup() {
        Random random = new Random(59);
        int taken = 0;
        for (int n = 0; n < 30_000; n++) {
            StringBuilder html = new StringBuilder();
            tree(random, html, 0);
            String text = html.toString();
            if (assertAgreesWithJsoup(text)) {
                taken++;
            }
        }
        assertThat(taken).as("random trees taken as they are").isGreaterThan(3_000);
    }

    @Test
    void givenRandomSoupsOfTagsAndText_whenJudgedBeforeAndAfterJsoup_thenEveryOneTakenAsIsIsGivenBackByJsoup() {
        Random random = new Random(61);
        for (int n = 0; n < 30_000; n++) {
            StringBuilder soup = new StringBuilder();
            for (int k = 1 + random.nextInt(14); k > 0; k--) {
                String element = ELEMENTS[random.nextInt(ELEMENTS.length)];
                switch (random.nextInt(4)) {
                    case 0 -> soup.append('<').append(element).append('>');
                    case 1 -> soup.append("</").append(element).append('>');
                    case 2 -> soup.append('<').append(element).append(" colspan=\"2\" style=\"x\">");
                    default -> soup.append(TEXTS[random.nextInt(TEXTS.length)]);
                }
            }
            assertAgreesWithJsoup(soup.toString());
            assertAgreesWithJsoup(JsoupRichTextSanitizer.jsoup(soup.toString()).strip());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"<p><tr>x</tr></p>", "<p><li>x</li></p>", "<li><li>x</li></li>", "<p><p>x</p></p>",
            "<table><tr><td>x</td></tr></table>", "<table>x<tbody></tbody></table>", "<P>x</P>", "<p>x",
            "<p>a &#12354;</p>", "<p>a > b</p>", "<td colspan=\"2\">x</td>", "<strong><p>x</p></strong>",
            "<p style=\"x\">x</p>", "<br/>", "<p>a\u00A0b</p>", "<table><tbody><tr><td colspan=\"x\">a</td></tr></tbody></table>"})
    void givenMarkupTheParserWouldRestructureOrJsoupRewrite_whenJudged_thenLeftToJsoup(String html) {
        assertThat(SanitisedHtml.isSanitised(html)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"<p>第一段落</p><p>第二段落</p>", "一行目<br>二行目", "<ul><li>転入届</li><li>転出届</li></ul>",
            "<table><tbody><tr><td colspan=\"2\" rowspan=\"3\">名</td></tr></tbody></table>", "<p>1 &lt; 2 &amp; 3</p>",
            "<ul> ■管理 <ul> ・連携 </ul><p>[収納管理]</p></ul>"})
    void givenJsoupsOwnOutput_whenJudged_thenTakenAsIs(String html) {
        assertThat(SanitisedHtml.isSanitised(html)).isTrue();
        assertThat(JsoupRichTextSanitizer.jsoup(html)).isEqualTo(html);
    }

    /** Whether the text was taken as is; if so, jsoup must give it back unchanged. */
    private static boolean assertAgreesWithJsoup(String html) {
        if (!SanitisedHtml.isSanitised(html)) {
            return false;
        }
        assertThat(JsoupRichTextSanitizer.jsoup(html)).as("taken as is: %s", html).isEqualTo(html);
        return true;
    }

    /** A random element of the safe subset with random children (mostly where the parser allows them). */
    private static void tree(Random random, StringBuilder html, int depth) {
        String[] safe = {"p", "br", "ul", "ol", "li", "table", "thead", "tbody", "tr", "td", "th", "strong", "em",
                "u", "s", "sub", "sup"};
        for (int k = random.nextInt(depth == 0 ? 4 : 3); k >= 0; k--) {
            if (random.nextInt(3) == 0 || depth > 6) {
                html.append(TEXTS[random.nextInt(10)]);
                continue;
            }
            String element = safe[random.nextInt(safe.length)];
            if (element.equals("br")) {
                html.append("<br>");
                continue;
            }
            html.append('<').append(element);
            if ((element.equals("td") || element.equals("th")) && random.nextBoolean()) {
                html.append(" colspan=\"").append(1 + random.nextInt(3)).append('"');
            }
            html.append('>');
            switch (element) {
                case "table" -> {
                    html.append("<tbody><tr><td>");
                    tree(random, html, depth + 1);
                    html.append("</td></tr></tbody>");
                }
                case "ul", "ol" -> {
                    html.append("<li>");
                    tree(random, html, depth + 1);
                    html.append("</li>");
                }
                default -> tree(random, html, depth + 1);
            }
            html.append("</").append(element).append('>');
        }
    }

    private static List<String> sampleCells() {
        List<String> cells = new ArrayList<>();
        for (String sample : List.of(Samples.ALL_ITEMS_000, Samples.ANNEX_ONLY_001, Samples.KEY_ITEMS_003,
                Samples.KEY_ITEMS_004)) {
            for (String line : ExportDecoding.decode(Samples.bytes(sample)).lines()) {
                cells.addAll(List.of(line.split("\t", -1)));
            }
        }
        return cells;
    }
}
