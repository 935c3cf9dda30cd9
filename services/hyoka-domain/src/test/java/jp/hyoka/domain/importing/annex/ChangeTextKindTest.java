package jp.hyoka.domain.importing.annex;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 変更前/変更後 cell's kind is told with each pattern run only where the key's first character (or its "略") lets
 * it match (import benchmark): the same kind as every pattern run on the whole key, for every character of the BMP
 * before each placeholder, random mixes of the placeholders' pieces, and every cell of the samples' annexes.
 */
class ChangeTextKindTest {

    private static final String[] PIECES = {"(", ")", "空欄", "記載なし", "追加", "新規", "右記を追記", "削除", "。",
        "別紙参照", "中", "以下", "省", "略", "-", "—", "―", "−", "–", "‐", "ー", "記述の", "変", "a", "<p>", " "};
    private static final List<String> PLACEHOLDERS = List.of("", "空欄)", "(空欄)", "記載なし", "追加)", "(新規)",
            "右記を追記", "削除", "削除。", "(削除)", "別紙参照", "(別紙参照)", "略)", "(略)", "(中略)", "-", "ー—");

    @Test
    void givenEveryCharacterOfTheBmpBeforeEachPlaceholder_whenKindTold_thenAsEveryPatternTellsIt() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            for (String placeholder : PLACEHOLDERS) {
                String key = c + placeholder;
                assertThat(ChangeText.kindOf(key)).as("U+%04X%s", (int) c, placeholder)
                        .isEqualTo(ChangeText.kindByPatterns(key));
            }
        }
    }

    @Test
    void givenRandomMixesOfThePlaceholdersPieces_whenKindTold_thenAsEveryPatternTellsIt() {
        Random random = new Random(23);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder key = new StringBuilder();
            for (int i = random.nextInt(6); i > 0; i--) {
                key.append(PIECES[random.nextInt(PIECES.length)]);
            }
            assertThat(ChangeText.kindOf(key.toString())).as("\"%s\"", key)
                    .isEqualTo(ChangeText.kindByPatterns(key.toString()));
        }
    }

    @Test
    void givenEveryCellOfTheSamplesAnnexes_whenKindTold_thenAsEveryPatternTellsIt() {
        for (String sample : List.of("000", "001", "003", "004")) {
            for (String line : Samples.lines(sample)) {
                for (String cell : AnnexText.cells(line)) {
                    String key = AnnexText.key(cell.strip());
                    assertThat(ChangeText.kindOf(key)).as("%s: %s", sample, cell)
                            .isEqualTo(ChangeText.kindByPatterns(key));
                }
            }
        }
    }
}
