package jp.hyoka.domain.form;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u3000", "\u00A0", "\u200B", "\uFEFF\u200B \u3000", "\u202E\u0000"})
    void givenOnlyInvisibleCharacters_whenCleaned_thenNothingIsLeft(String invisible) {
        assertThat(PlainText.clean(invisible)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            '  保険年金課 '              | 保険年金課
            '健康\u202E福祉局'           | 健康福祉局
            '\u00A0市民文化局\u3000'     | 市民文化局
            """)
    void givenTextWithInvisibleCharacters_whenCleaned_thenOnlyTheVisibleTextRemains(String typed, String stored) {
        assertThat(PlainText.clean(typed)).isEqualTo(stored);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            <p>研究開発 &amp; 運用</p>             | 研究開発 & 運用
            <p>1 &lt; 2 &gt; 0</p>                 | 1 < 2 > 0
            <p>&#12354;&#x3044;</p>                | あい
            <ul><li>一</li><li>二</li></ul>        | 一 二
            <p>&unknown; stays</p>                 | &unknown; stays
            """)
    void givenSanitizedRichText_whenPlainText_thenEntitiesAreDecodedAndTagsBecomeSpaces(String html, String plain) {
        assertThat(new RichTextAnswer(html).plainText()).isEqualTo(plain);
    }
}
