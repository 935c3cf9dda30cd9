package jp.hyoka.domain.importing.body;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The anchored patterns of a body's rows are only run on texts that start with one of their characters (import
 * benchmark): no text starting with any other character of the BMP matches them, and each listed character can.
 */
class BodyCellsStartsTest {

    /** Tails that complete a match after some first character of each pattern. */
    private static final List<String> TAILS = List.of("", " ", "x", "I 概要", " 特定個人情報ファイルの概要", "別添1) 事務の内容",
            "別添2) 変更箇所", "別紙) x", "1. 名称", ". 名称", "スク1：", "スク:", "ステム2", "ステム2～5", "託事項3", "供先1",
            "転先1", "-----", "=", "1", ") 件", " 3 ) 件", "和3年", "成元年", "/1/1", "024/1/1", "]", "選択肢>");

    private static final Map<Pattern, String> STARTS = Map.of(
            BodyCells.SECTION, BodyCells.SECTION_STARTS,
            BodyCells.ANNEX, BodyCells.ANNEX_STARTS,
            BodyCells.CHANGE_ANNEX, BodyCells.ANNEX_STARTS,
            BodyCells.BLOCK, BodyCells.BLOCK_STARTS,
            BodyCells.RISK, BodyCells.RISK_STARTS,
            BodyCells.REPEAT, BodyCells.REPEAT_STARTS,
            BodyCells.RULE, BodyCells.RULE_STARTS);

    @Test
    void givenEveryFirstCharacterOfTheBmp_whenAnAnchoredPatternMatches_thenItIsOneOfThePatternsStarts() {
        STARTS.forEach((pattern, starts) -> {
            for (char first = 0; first < Character.MAX_VALUE; first++) {
                for (String tail : TAILS) {
                    String text = first + tail;
                    if (pattern.matcher(text).find()) {
                        assertThat(starts).as("%s matches \"%s\"", pattern, text).contains(String.valueOf(first));
                    }
                }
            }
        });
    }

    @Test
    void givenAValueStart_whenTold_thenOnlyTextsStartingWithItsCharactersLookLikeValues() {
        Pattern valueStart = BodyCells.VALUE_START;
        for (char first = 0; first < Character.MAX_VALUE; first++) {
            for (String tail : TAILS) {
                String text = first + tail;
                if (valueStart.matcher(text).find()) {
                    assertThat(BodyCells.VALUE_STARTS).as("a value starts \"%s\"", text).contains(String.valueOf(first));
                }
            }
        }
    }

    @Test
    void givenEachListedFirstCharacter_whenCompleted_thenItsPatternCanMatch() {
        STARTS.forEach((pattern, starts) -> starts.chars().forEach(first -> assertThat(TAILS.stream()
                .anyMatch(tail -> pattern.matcher((char) first + tail).find())).as("%s after %c", pattern, first)
                .isTrue()));
    }
}
