package jp.hyoka.domain.importing.annex;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compact text of a path, made by a scan of its characters for speed (import benchmark), is exactly what its
 * definition gives: {@link ParsedPath#IGNORED} removed, then the spelling variants unified.
 */
class ParsedPathCompactTest {

    private static final String ALPHABET = " \t\n\u000B\f\r\u3000\u00A0※:;、。,・'\"「」『』()[]（）ユーザー紐づけ問合わせ取り扱変更a1";

    private static String byDefinition(String text) {
        return ParsedPath.IGNORED.matcher(text).replaceAll("").replace("ユーザー", "ユーザ").replace("紐づけ", "紐付け")
                .replace("問合わせ", "問合せ").replace("取り扱", "取扱");
    }

    @Test
    void givenEveryCharacterOfTheBmp_whenCompacted_thenAsTheDefinitionSays() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String text = "変" + c + "更" + c;
            assertThat(ParsedPath.compact(text)).as("U+%04X", (int) c).isEqualTo(byDefinition(text));
        }
    }

    @Test
    void givenRandomMixesOfIgnoredCharacters_whenCompacted_thenAsTheDefinitionSays() {
        Random random = new Random(23);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(20); i > 0; i--) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            assertThat(ParsedPath.compact(text.toString())).as("\"%s\"", text).isEqualTo(byDefinition(text.toString()));
        }
    }
}
