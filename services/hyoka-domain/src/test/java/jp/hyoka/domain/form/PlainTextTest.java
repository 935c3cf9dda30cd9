package jp.hyoka.domain.form;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextTest {

    /** The definition the faster clean keeps: every code point filtered (the texts below are stripped as strip does). */
    private static String cleanByDefinition(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints()
                .filter(cp -> cp == '\n' || cp == '\t' || !Character.isISOControl(cp))
                .filter(cp -> !((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E
                        || cp == 0x200F || cp == 0x061C))
                .filter(cp -> cp != 0x200B && cp != 0x2060 && cp != 0xFEFF)
                .forEach(out::appendCodePoint);
        return out.toString().strip();                      // the texts below end in ASCII spaces
    }

    @Test
    void givenEveryCharacterBetweenText_whenCleaned_thenAsTheDefinitionFiltersIt() {
        for (int c = 0; c <= 0xFFFF; c++) {
            String text = " 健" + (char) c + "康 ";
            assertThat(PlainText.clean(text)).as("U+%04X", c).isEqualTo(cleanByDefinition(text));
        }
        assertThat(PlainText.clean("\uD840\uDC0B\u200B")).isEqualTo("\uD840\uDC0B");   // a supplementary character stays
    }

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
