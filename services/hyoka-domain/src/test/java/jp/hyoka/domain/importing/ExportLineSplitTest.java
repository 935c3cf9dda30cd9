package jp.hyoka.domain.importing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written line split is the regular expression it replaced, on every mix of line ends. */
class ExportLineSplitTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "\n", "\r", "\r\n", "\n\r", "a\r\nb", "a\rb\nc\r\n", "a\r\r\nb\n\n", "\r\n\r\n",
            "①\t事務\r\n\r", "a\n\r\nb\r"})
    void givenLineEnds_whenSplit_thenAsTheRegularExpressionSplits(String text) {
        assertThat(ExportDecoding.split(text)).isEqualTo(List.of(text.split("\r\n|\r|\n", -1)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void givenRandomTextsOfLineEnds_whenSplit_thenAsTheRegularExpressionSplits(int seed) {
        Random random = new Random(seed);
        char[] alphabet = {'a', '\r', '\n', '\t', '変'};
        for (int round = 0; round < 500; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            assertThat(ExportDecoding.split(text.toString())).as(text.toString())
                    .isEqualTo(List.of(text.toString().split("\r\n|\r|\n", -1)));
        }
    }
}
