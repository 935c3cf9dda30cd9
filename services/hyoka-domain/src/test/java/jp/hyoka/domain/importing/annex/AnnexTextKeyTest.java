package jp.hyoka.domain.importing.annex;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The annex's matching key drops white space by a scan of the characters (import benchmark): exactly what
 * {@link AnnexText#WHITESPACE} removes, for every character and for random mixes of spaces and text.
 */
class AnnexTextKeyTest {

    private static final String ALPHABET = " \t\n\u000B\f\r\u3000\u00A0\u2028\u0085a変(空欄)－<p>";

    @Test
    void givenEveryCharacterOfTheBmp_whenSpacesDropped_thenAsThePatternDropsThem() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String text = "変" + c + "更" + c + c;
            assertThat(AnnexText.withoutAsciiSpaces(text)).as("U+%04X", (int) c)
                    .isEqualTo(AnnexText.WHITESPACE.matcher(text).replaceAll(""));
        }
    }

    @Test
    void givenRandomMixesOfSpacesAndText_whenSpacesDropped_thenAsThePatternDropsThem() {
        Random random = new Random(41);
        for (int n = 0; n < 100_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(20); i > 0; i--) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            assertThat(AnnexText.withoutAsciiSpaces(text.toString())).as("\"%s\"", text)
                    .isEqualTo(AnnexText.WHITESPACE.matcher(text).replaceAll(""));
        }
    }
}
