package jp.hyoka.domain.importing.body;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain text of a cell, written as one pass for speed (import benchmark), is exactly what its definition gives:
 * tags ({@link BodyCells#TAG}) replaced by a space, runs of white space ({@link BodyCells#SPACES}) as one space,
 * stripped.
 */
class BodyCellsTextTest {

    private static final String ALPHABET = "<</>>/ aZp!=\"\t\n\r\u3000\u00A0\u2003\u0085\u001C\u001F\u200B変更前①";

    private static String byDefinition(String raw) {
        return BodyCells.SPACES.matcher(BodyCells.TAG.matcher(raw).replaceAll(" ")).replaceAll(" ").strip();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "<p>第一段落</p><p>第二段落</p>", "a<br>b", "<中間サーバー・プラットフォームにおける措置>",
            "<選択肢> 1) 1万人未満", "a < b > c", "<p", "<p>unclosed <b", "</>x", "<1>x", "x</a", "\u001C a \u001F",
            "　全角　空白　", "a\u00A0\u00A0b", "<input type=\"checkbox\" checked/> 実施する", "<<a>>", "a<\nb>c"})
    void givenCellsOfEveryShape_whenMadePlain_thenAsTheDefinitionSays(String raw) {
        assertThat(BodyCells.text(raw)).isEqualTo(byDefinition(raw));
        assertThat(BodyCells.hasText(raw)).isEqualTo(!byDefinition(raw).isEmpty());
    }

    @Test
    void givenRandomMixesOfTagsAndSpaces_whenMadePlain_thenAsTheDefinitionSays() {
        Random random = new Random(22);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder raw = new StringBuilder();
            for (int i = random.nextInt(24); i > 0; i--) {
                raw.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            assertThat(BodyCells.text(raw.toString())).as("\"%s\"", raw).isEqualTo(byDefinition(raw.toString()));
            assertThat(BodyCells.hasText(raw.toString())).as("\"%s\"", raw)
                    .isEqualTo(!byDefinition(raw.toString()).isEmpty());
        }
    }

    @Test
    void givenEveryBmpCharacterAloneBetweenAndBesideLetters_whenMadePlain_thenAsTheDefinitionSays() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String one = String.valueOf(c);
            for (String raw : new String[]{one, "a" + one + "b", one + "a", "a" + one, "a" + one + one + "b",
                    "a " + one + " b", one + " " + one, "<p>" + one + "</p>", one + "<a", "\u3000" + one + "\u001C"}) {
                assertThat(BodyCells.text(raw)).as("U+%04X in \"%s\"", (int) c, raw).isEqualTo(byDefinition(raw));
                assertThat(BodyCells.hasText(raw)).as("U+%04X in \"%s\"", (int) c, raw)
                        .isEqualTo(!byDefinition(raw).isEmpty());
            }
        }
    }
}
