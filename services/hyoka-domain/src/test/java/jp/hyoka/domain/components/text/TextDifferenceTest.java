package jp.hyoka.domain.components.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static jp.hyoka.domain.components.text.BoilerplateTexts.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextDifferenceTest {

    static Stream<Arguments> baseAndLocal() {
        return Stream.of(
                Arguments.of("v1 to v2 保管場所", PLATFORM_V1_STORAGE, PLATFORM_V2_STORAGE),
                Arguments.of("旭川市's copy of the system description", SYSTEM_DESCRIPTION, SYSTEM_DESCRIPTION_ASAHIKAWA),
                Arguments.of("川崎市's copy of リスク1", SOFTWARE_RISK1, SOFTWARE_RISK1_KAWASAKI),
                Arguments.of("v1 to v2 network measures", PLATFORM_V1_NETWORK, PLATFORM_V2_NETWORK),
                Arguments.of("from empty", "", PLATFORM_V1_STORAGE),
                Arguments.of("to empty", PLATFORM_V1_STORAGE, ""),
                Arguments.of("both empty", "", ""),
                Arguments.of("a sentence repeated", "同じ。同じ。違う。", "同じ。違う。同じ。同じ。"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("baseAndLocal")
    void givenABaseAndALocalText_whenTheDifferenceIsApplied_thenExactlyTheLocalText(
            String pair, String base, String local) {
        assertThat(TextDifference.between(base, local).applyTo(base)).as(pair).isEqualTo(local);
    }

    @Test
    void givenOneSentenceChanged_whenDiffed_thenKeepDeleteInsertKeep() {
        String base = "①管理する。 ②保存される。 ③削除する。";
        String local = "①管理する。 ②本市のサーバーに保存される。 ③削除する。";

        assertThat(TextDifference.between(base, local).operations()).containsExactly(
                new DiffOperation.Keep(1),
                new DiffOperation.Delete(List.of(" ②保存される。")),
                new DiffOperation.Insert(" ②本市のサーバーに保存される。"),
                new DiffOperation.Keep(1));
    }

    @Test
    void givenASentenceAddedAtTheEnd_whenDiffed_thenKeepAndInsert() {
        assertThat(TextDifference.between("①管理する。", "①管理する。\n本市独自の措置。").operations())
                .containsExactly(new DiffOperation.Keep(1), new DiffOperation.Insert("\n本市独自の措置。"));
    }

    @Test
    void givenALongTextWithOneSentenceChanged_whenDiffed_thenOnlyThatSentenceIsCarried() {
        String base = "措置を講じる。\n".repeat(5_000);
        String local = base.substring(0, 8 * 2_500) + "本市独自の措置。\n" + base.substring(8 * 2_500);

        TextDifference difference = TextDifference.between(base, local);

        assertThat(difference.operations()).containsExactly(new DiffOperation.Keep(5_000),
                new DiffOperation.Insert("本市独自の措置。\n"), new DiffOperation.Keep(5_000));
        assertThat(difference.applyTo(base)).isEqualTo(local);
    }

    @Test
    void givenEqualTexts_whenDiffed_thenEmpty() {
        assertThat(TextDifference.between(PLATFORM_V1_STORAGE, PLATFORM_V1_STORAGE).isEmpty()).isTrue();
        assertThat(TextDifference.between("", "").operations()).isEmpty();
        assertThat(TextDifference.between(PLATFORM_V1_STORAGE, PLATFORM_V2_STORAGE).isEmpty()).isFalse();
    }

    @Test
    void givenADifferenceRebuiltFromItsOperations_whenApplied_thenTheSameLocalText() {
        TextDifference difference = TextDifference.between(PLATFORM_V1_NETWORK, PLATFORM_V2_NETWORK);

        TextDifference rebuilt = new TextDifference(List.copyOf(difference.operations()));

        assertThat(rebuilt).isEqualTo(difference);
        assertThat(rebuilt.applyTo(PLATFORM_V1_NETWORK)).isEqualTo(PLATFORM_V2_NETWORK);
    }

    @Test
    void givenAnotherBase_whenApplied_thenRejected() {
        TextDifference difference = TextDifference.between("①管理する。 ②保存される。", "①管理する。 ②消去する。");

        assertThatThrownBy(() -> difference.applyTo("①管理する。 ②変更された。"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> difference.applyTo("①管理する。")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> difference.applyTo("①管理する。 ②保存される。 ③追加。"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenEmptyOperations_whenBuilt_thenRejected() {
        assertThatThrownBy(() -> new DiffOperation.Keep(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DiffOperation.Delete(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DiffOperation.Insert("")).isInstanceOf(IllegalArgumentException.class);
    }
}
