package jp.hyoka.domain.importing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Nfkc} against {@link Normalizer}: its per-character rule proven over the whole BMP, then the whole on every
 * line and cell of the published samples and on random texts mixing stable characters with the ones that compose.
 */
class NfkcTest {

    /** Characters that change or compose with their neighbours under NFKC: what the random texts mix in. */
    private static final String RISKY = "\u3099\u309A\uFF9E\uFF9F\u309B\u309C\u0301\u0308\u0338\u1100\u1161\u11A8"
            + "\u3131\u314F\u3000\u00A0\uFF10\uFF21\uFF08\uFF5E\uFF76\uFF8A\u2460\u2160\u3231\u3314\uF900\u2026\u00B2"
            + "\u0CD5\u0DCF\u0B3E\u0BBE\u102E\u1B35\u3036\u309F\u30FF\uAC00\uAC01";

    @Test
    void everyStableCharacterIsLeftAsItIsByNfkcOnItsOwn() {
        for (char c = 0; c != 0xFFFF; c++) {
            if (Nfkc.isStable(c)) {
                String text = String.valueOf(c);
                assertThat(Normalizer.normalize(text, Normalizer.Form.NFKC)).as("U+%04X", (int) c).isEqualTo(text);
            }
        }
    }

    /**
     * Why a text of stable characters cannot change: no stable character is a combining mark or the second half of a
     * canonical composition, and none decomposes to something starting with one, so nothing reorders or composes
     * across the boundary between two of them (each composes back to itself, as the first test shows).
     */
    @Test
    void noStableCharacterCombinesWithTheCharacterBeforeIt() {
        BitSet seconds = compositionSeconds();
        for (char c = 0; c != 0xFFFF; c++) {
            if (Nfkc.isStable(c)) {
                int first = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKD).codePointAt(0);
                for (int x : new int[]{c, first}) {
                    assertThat(seconds.get(x)).as("U+%04X is the second of a composition", x).isFalse();
                    assertThat(isMark(x)).as("U+%04X is a combining mark", x).isFalse();
                }
            }
        }
    }

    @Test
    void everyStableCharacterNextToEachComposingCharacterNormalisesAsTheNormalizerDoes() {
        for (char c = 0; c != 0xFFFF; c++) {
            if (!Nfkc.isStable(c)) {
                continue;                  // a text with it is the Normalizer's: nothing to compare
            }
            for (int r = 0; r < RISKY.length(); r++) {
                assertSameAsNormalizer("" + c + RISKY.charAt(r));
                assertSameAsNormalizer("" + RISKY.charAt(r) + c);
            }
        }
    }

    @Test
    void everyLineAndCellOfThePublishedSamplesNormalisesAsTheNormalizerDoes() throws IOException {
        List<String> lines = sampleLines();
        assertThat(lines).hasSizeGreaterThan(1000);
        int unchanged = 0;
        for (String line : lines) {
            assertSameAsNormalizer(line);
            for (String cell : line.split("\t", -1)) {
                assertSameAsNormalizer(cell);
                unchanged += Nfkc.normalize(cell) == cell ? 1 : 0;
            }
        }
        assertThat(unchanged).as("cells taken by the fast path").isPositive();
    }

    @Test
    void randomTextsMixingStableAndComposingCharactersNormaliseAsTheNormalizerDoes() {
        Random random = new Random(20261208);
        String stable = "aZ0 ,.()<>[]/-かがぱゝゞカガパヽヾー・、。「」〜※○●■□◆→≠∈∉漢字可能性\t\n";
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(8);
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(4) == 0 ? RISKY.charAt(random.nextInt(RISKY.length()))
                        : random.nextInt(8) == 0 ? (char) random.nextInt(0x10000)
                        : stable.charAt(random.nextInt(stable.length())));
            }
            assertSameAsNormalizer(text.toString());
        }
    }

    @Test
    void aStableTextIsReturnedItselfAndAnyOtherIsNormalised() {
        String stable = "特定個人情報ファイル(住民基本台帳)の取扱い※1〜3がある";
        assertThat(Nfkc.normalize(stable)).isSameAs(stable);
        assertThat(Nfkc.normalize("（空欄）　ｶﾞ①")).isEqualTo("(空欄) ガ1");
        assertThat(Nfkc.normalize("か\u3099")).isEqualTo("が");
        assertThat(Nfkc.normalize("か\uFF9E")).isEqualTo("が");
    }

    private static void assertSameAsNormalizer(String text) {
        String expected = Normalizer.normalize(text, Normalizer.Form.NFKC);
        String actual = Nfkc.normalize(text);
        if (actual.equals(expected)) {
            return;                        // millions of texts: the assertion's description only for a failure
        }
        assertThat(actual).as("%s", text.codePoints().mapToObj(c -> String.format("U+%04X", c))
                .toList()).isEqualTo(expected);
    }

    /** Every character that stands after the first in a canonical decomposition: what composes with the one before. */
    private static BitSet compositionSeconds() {
        BitSet seconds = new BitSet();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (Character.isDefined(cp) && Character.getType(cp) != Character.SURROGATE) {
                String decomposed = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFD);
                decomposed.codePoints().skip(1).forEach(seconds::set);
            }
        }
        return seconds;
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static List<String> sampleLines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path dir : List.of(Path.of("../../schema/src/test/resources/samples"),
                Path.of("src/test/resources/published"))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                    lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
                }
            }
        }
        return lines;
    }
}
