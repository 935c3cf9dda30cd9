package jp.hyoka.domain.importing.annex;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scans {@link ParsedPath} uses instead of running a pattern on every path (import benchmark) give what the
 * pattern gives: the dashes unified as {@link ParsedPath#DASHES} replaces them, {@link ParsedPath#BRACKETED_NUMBER}
 * run only where a digit stands before a ')', the last {@link ParsedPath#DOTTED_NUMBER} found from the end.
 */
class ParsedPathScansTest {

    private static final String ALPHABET = "0123456789..)))((~- ab変ー－\u2010\u2015\u2212\uFE63\uFE58\uD83D\uDE00①";

    @Test
    void givenEveryCharacterOfTheBmp_whenDashesUnified_thenAsThePatternReplacesThem() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String text = "2" + c + "3" + c;
            assertThat(ParsedPath.unifiedDashes(text)).as("U+%04X", (int) c)
                    .isEqualTo(ParsedPath.DASHES.matcher(text).replaceAll("-"));
        }
    }

    @Test
    void givenEveryCharacterOfTheBmp_whenLookingForNumbers_thenTheScansAgreeWithThePatterns() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            for (String text : new String[]{c + ")", "(" + c + ")", c + ".", "1" + c + ".", c + "2.", "3." + c}) {
                assertAgree(text);
            }
        }
    }

    @Test
    void givenRandomTextsOfDigitsDotsAndBrackets_whenLookingForNumbers_thenTheScansAgreeWithThePatterns() {
        Random random = new Random(31);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(16); i > 0; i--) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            assertAgree(text.toString());
        }
    }

    private static void assertAgree(String text) {
        if (!ParsedPath.digitBeforeClose(text)) {
            assertThat(ParsedPath.BRACKETED_NUMBER.matcher(text).find()).as("\"%s\"", text).isFalse();
        }
        Integer last = null;
        Matcher dotted = ParsedPath.DOTTED_NUMBER.matcher(text);
        while (dotted.find()) {
            last = Integer.parseInt(dotted.group(1));
        }
        assertThat(ParsedPath.lastDottedNumber(text)).as("\"%s\"", text).isEqualTo(last);
        assertThat(ParsedPath.unifiedDashes(text)).as("\"%s\"", text)
                .isEqualTo(ParsedPath.DASHES.matcher(text).replaceAll("-"));
    }
}
