package jp.hyoka.server.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExcerptTest {

    @Test
    void givenAShortText_whenExcerpted_thenAllOfItWithEveryMatchMarked() {
        Excerpt excerpt = Excerpt.of("中間サーバーと中間サーバー", "中間サーバー");

        assertThat(excerpt.text()).isEqualTo("中間サーバーと中間サーバー");
        assertThat(excerpt.highlights()).containsExactly(new Excerpt.Range(0, 6), new Excerpt.Range(7, 6));
        assertThat(excerpt.html()).isEqualTo("<mark>中間サーバー</mark>と<mark>中間サーバー</mark>");
    }

    @Test
    void givenALongText_whenExcerpted_thenCutAroundTheFirstMatchWithEllipses() {
        String text = "あ".repeat(100) + "住民基本台帳" + "い".repeat(100);

        Excerpt excerpt = Excerpt.of(text, "住民基本台帳");

        assertThat(excerpt.text()).isEqualTo("…" + "あ".repeat(Excerpt.BEFORE) + "住民基本台帳"
                + "い".repeat(Excerpt.AFTER) + "…");
        assertThat(excerpt.highlights()).containsExactly(new Excerpt.Range(1 + Excerpt.BEFORE, 6));
    }

    @Test
    void givenMarkupAsText_whenExcerptedAsHtml_thenEscapedAndOnlyTheMatchIsMarkup() {
        Excerpt excerpt = Excerpt.of("<b>'x'</b> & \"CS\"", "cs");

        assertThat(excerpt.html()).isEqualTo(
                "&lt;b&gt;&#39;x&#39;&lt;/b&gt; &amp; &quot;<mark>CS</mark>&quot;");
    }

    @Test
    void givenACutInsideASurrogatePair_whenExcerpted_thenThePairStaysWhole() {
        String text = "𠮷".repeat(40) + "中間";

        Excerpt excerpt = Excerpt.of(text, "中間");

        assertThat(excerpt.text()).startsWith("…").doesNotContain("\uFFFD");
        assertThat(Character.isLowSurrogate(excerpt.text().charAt(1))).isFalse();
        assertThat(excerpt.text().substring(excerpt.highlights().get(0).start())).isEqualTo("中間");
    }

    @Test
    void givenNoMatchJavaRecognises_whenExcerpted_thenTheStartUnmarked() {
        Excerpt excerpt = Excerpt.of("abc", "xyz");

        assertThat(excerpt.text()).isEqualTo("abc");
        assertThat(excerpt.highlights()).isEmpty();
    }
}
