package jp.hyoka.domain.importing.body;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A label's key, its patterns run only where the text can match them, is the key the patterns give when run on every
 * text ({@link #byPatterns}): on every line and cell of the published samples, on every BMP character at the
 * start of a label, and on random labels made of the pieces each pattern looks for.
 */
class LabelKeyTest {

    private static final Path SAMPLES = Path.of("../../schema/src/test/resources/samples");
    private static final String[] PIECES = {"①", "⑳", "Ⅲ", "Ⅻ", "I", "V", "X", "II", "1", "12", "１", "1.", "(1)",
            "（２）", "(別添1)", "（別紙）", "(別添)", " ", "　", "\t", "\u00A0", "を除く", "(…を除く。)", "(a", ")", "。",
            "※", "〜", "~", "ユーザー認証", "紐づけ", "ルール内容", "情報情報", "<p>", "</p>", "<選択肢>", "事務", "ファイル",
            "ｶﾀｶﾅ", "Ａ", "."};

    @Test
    void givenEveryLineAndCellOfTheSamples_whenKeyed_thenAsThePatternsGiveIt() throws IOException {
        int texts = 0;
        try (Stream<Path> files = Files.list(SAMPLES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    for (String text : Stream.concat(Stream.of(line), Stream.of(line.split("\t", -1))).toList()) {
                        assertSameKey(text);
                        assertSameKey(BodyCells.text(text));
                        texts++;
                    }
                }
            }
        }
        assertThat(texts).isGreaterThan(5_000);
    }

    @Test
    void givenEveryBmpCharacterAtTheStartOfALabel_whenKeyed_thenAsThePatternsGiveIt() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            for (String tail : List.of("", " 事務", "1. 事務", ". 事務", "を除く)")) {
                assertSameKey(c + tail);
            }
            assertSameKey("事務" + c + "事務");                // inside a label too (its white space taken out)
            assertSameKey("事務 " + c + c + " 事務");
        }
    }

    @Test
    void givenRandomLabelsOfThePatternsPieces_whenKeyed_thenAsThePatternsGiveIt() {
        Random random = new Random(83);
        for (int n = 0; n < 100_000; n++) {
            StringBuilder label = new StringBuilder();
            for (int k = random.nextInt(8); k >= 0; k--) {
                label.append(PIECES[random.nextInt(PIECES.length)]);
            }
            assertSameKey(label.toString());
        }
    }

    private static void assertSameKey(String label) {
        assertThat(LabelKey.of(label)).as("key of \"%s\"", label).isEqualTo(byPatterns(label));
    }

    /** The key as the patterns give it, each run on every text (LabelKey before its patterns were guarded). */
    private static String byPatterns(String label) {
        String text = BodyCells.text(label);
        text = LabelKey.CIRCLED_NUMBER.matcher(text).replaceFirst("");
        text = Normalizer.normalize(text, Normalizer.Form.NFKC).replace("※", "").replace('〜', '~');
        text = LabelKey.EXCLUSION_NOTE.matcher(text).replaceAll("").strip();
        for (String before = null; !text.equals(before); ) {
            before = text;
            text = LabelKey.LEADING_NUMBER.matcher(text).replaceFirst("").strip();
        }
        return BodyCells.SPACES.matcher(text).replaceAll("").replace("ユーザー認証", "ユーザ認証").replace("紐づけ", "紐付け")
                .replace("ルール内容", "ルールの内容").replace("情報情報", "情報");
    }
}
