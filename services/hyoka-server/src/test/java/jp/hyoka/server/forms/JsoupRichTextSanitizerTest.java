package jp.hyoka.server.forms;

import jp.hyoka.domain.form.AnswerRules;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.ItemType;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.rejection.CommandRejected;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The safe HTML subset of a 評価書: document structure stays, anything active or decorative goes. */
class JsoupRichTextSanitizerTest {

    private final JsoupRichTextSanitizer sanitizer = new JsoupRichTextSanitizer();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            <p>第一段落</p><p>第二段落</p>
            一行目<br>二行目
            <ul><li>転入届</li><li>転出届</li></ul>
            <ol><li>住民票の写しの交付</li><li>住民票記載事項証明書の交付</li></ol>
            <table><tbody><tr><td colspan="2" rowspan="3">特定個人情報ファイル名</td></tr></tbody></table>
            <table><thead><tr><th colspan="2">項目</th></tr></thead><tbody><tr><td>内容</td></tr></tbody></table>
            <p><strong>重要な変更</strong>と<em>軽微な変更</em></p>
            """)
    void givenSafeSubset_whenSanitized_thenKeptAsIs(String html) {
        assertThat(sanitizer.sanitize(html)).isEqualTo(html);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            <table><tr><td>番号</td></tr></table>                           | <table><tbody><tr><td>番号</td></tr></tbody></table>
            <p>前</p><script>alert(1)</script><p>後</p>                      | <p>前</p><p>後</p>
            <p>前</p><SCRIPT src="https://evil.example/x.js"></SCRIPT>後     | <p>前</p>後
            <style>p { display: none }</style><p>本文</p>                    | <p>本文</p>
            <p onclick="alert(1)">本文</p>                                  | <p>本文</p>
            <p OnMouseOver="alert(1)">本文</p>                              | <p>本文</p>
            <p style="color: red">本文</p>                                  | <p>本文</p>
            <table><tr><td colspan="2" style="x" onclick="y">セル</td></tr></table> | <table><tbody><tr><td colspan="2">セル</td></tr></tbody></table>
            <a href="javascript:alert(1)">総務省のページ</a>                   | 総務省のページ
            <a href="https://www.ppc.go.jp/">個人情報保護委員会</a>             | 個人情報保護委員会
            <img src="x" onerror="alert(1)">画像の説明                        | 画像の説明
            <iframe src="https://evil.example/"></iframe>本文               | 本文
            <svg onload="alert(1)"><circle r="1"></circle></svg>本文        | 本文
            <input type="text" value="x">本文                               | 本文
            <form action="https://evil.example/"><button>送信</button></form> | 送信
            <div><span class="x">住民基本台帳</span>ファイル</div>             | 住民基本台帳ファイル
            <p><font color="red">注意</font>事項</p>                          | <p>注意事項</p>
            <h1>見出し</h1>                                                 | 見出し
            """)
    void givenUnsafeMarkup_whenSanitized_thenMarkupDroppedAndTextKept(String html, String expected) {
        assertThat(sanitizer.sanitize(html)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "<p>&lt;img src=x onerror=alert(1)&gt;</p>",
            "&lt;a href=&quot;javascript:alert(1)&quot;&gt;リンク&lt;/a&gt;"})
    void givenEntityEncodedMarkup_whenSanitized_thenStaysInertText(String html) {
        String sanitized = sanitizer.sanitize(html);

        assertThat(sanitized).doesNotContain("<script", "<img", "<a ");
        assertThat(sanitized).contains("&lt;");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "特定個人情報保護評価書（全項目評価書）",
            "<p>①　住民票コード、個人番号、４情報（氏名・住所・生年月日・性別）</p>",
            "<p>番号法第９条第１項　別表第一の１０の項</p>",
            "「〜」ー―‐－～、。・ｶﾀｶﾅ𠮷野家"})
    void givenJapaneseText_whenSanitized_thenUntouched(String html) {
        assertThat(sanitizer.sanitize(html)).isEqualTo(html);
    }

    /** The decider drops an edit that changes nothing, so re-saving stored (already sanitised) HTML must not differ. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "<table><tr><td colspan=\"2\" onclick=\"x\">A & B</td></tr></table>",
            "<p>1 < 2 &amp;&nbsp;3 > 2</p><br/><ul><li>未閉じ",
            "<scr<script>ipt>alert(1)</script><p style=\"x\">本文</p>"})
    void givenAnyHtml_whenSanitizedTwice_thenSameAsOnce(String html) {
        String once = sanitizer.sanitize(html);

        assertThat(sanitizer.sanitize(once)).isEqualTo(once);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            <p>研究開発 & 運用</p> | 研究開発 & 運用
            <p>1 &lt; 2</p>      | 1 < 2
            """)
    void givenSanitizedRichText_whenPlainText_thenReadsAsTyped(String html, String plain) {
        assertThat(new RichTextAnswer(sanitizer.sanitize(html)).plainText()).isEqualTo(plain);
    }

    @Test
    void givenOnlyNonBreakingSpace_whenAccepted_thenRefusedAsBlank() {
        Item item = new Item(new ItemId("affair.description"), "I 1 ②", "事務の内容", ItemType.RICH_TEXT, false,
                20_000, null, 0, 0, null);

        assertThatThrownBy(() -> new AnswerRules(sanitizer).accept(item, new RichTextAnswer("<p>&nbsp;</p>")))
                .isInstanceOf(CommandRejected.class);
    }

    @Test
    void givenAnyCharacterTheShortcutPassesUnchanged_whenJsoupCleansIt_thenJsoupGivesItBackUnchanged() {
        Safelist subset = new Safelist().addTags("p", "br");
        Document.OutputSettings compact = new Document.OutputSettings().prettyPrint(false);
        int passed = 0;
        for (int code = 0; code <= Character.MAX_VALUE; code++) {   // U+FFFF included: jsoup reads it as the end
            char c = (char) code;
            String text = " 変更前" + c + "a ";
            if (JsoupRichTextSanitizer.unchanged(text)) {
                passed++;
                assertThat(Jsoup.clean(text, "", subset, compact)).as("U+%04X", (int) c).isEqualTo(text);
            }
        }
        assertThat(passed).as("characters taken as they are").isGreaterThan(60_000);
        assertThat(JsoupRichTextSanitizer.unchanged("a&amp;b")).isFalse();
        assertThat(JsoupRichTextSanitizer.unchanged("a\u00A0b")).isFalse();
        assertThat(sanitizer.sanitize("<p>a</p>x > y")).isEqualTo("<p>a</p>x &gt; y");
    }
}
