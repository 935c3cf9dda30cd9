package jp.hyoka.domain.importing;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strict decoding with the UTF-8 shortcut ({@code new String}, then the decoder only where U+FFFD shows) gives what
 * the strict decoder alone gives: the same text, or the same refusal, on every code point encoded and on random byte
 * soups of valid, overlong, surrogate, truncated and stray sequences; other charsets go to the decoder as before.
 */
class ExportDecodingStrictTest {

    private static final byte[][] PIECES = {{'a'}, {'\n'}, {'\r'}, {'\t'}, {0}, {(byte) 0x7F},
            "本".getBytes(StandardCharsets.UTF_8), "𠮷".getBytes(StandardCharsets.UTF_8),
            "\uFFFD".getBytes(StandardCharsets.UTF_8), "\uFEFF".getBytes(StandardCharsets.UTF_8),
            {(byte) 0xC0, (byte) 0x80}, {(byte) 0xC1, (byte) 0xBF}, {(byte) 0xE0, (byte) 0x80, (byte) 0x80},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xED, (byte) 0xBF, (byte) 0xBF},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xBF},
            {(byte) 0xC3}, {(byte) 0xE3, (byte) 0x81}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {(byte) 0xFE},
            {(byte) 0xFF}, {(byte) 0xC3, (byte) 0xA9}, {(byte) 0xEF, (byte) 0xBF, (byte) 0xBF}};

    @Test
    void givenEveryCodePointEncoded_whenDecodedStrictly_thenAsTheDecoderAlone() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp += cp < 0x10000 ? 1 : 97) {
            if (Character.getType(cp) == Character.SURROGATE) {
                continue;                                   // not encodable on its own; the soups cover them
            }
            byte[] bytes = ("a" + new String(Character.toChars(cp)) + "b").getBytes(StandardCharsets.UTF_8);
            assertSame(bytes, StandardCharsets.UTF_8);
        }
    }

    @Test
    void givenRandomByteSoups_whenDecodedStrictly_thenAsTheDecoderAlone() {
        Random random = new Random(101);
        int refused = 0;
        for (int n = 0; n < 100_000; n++) {
            ByteArrayOutputStream soup = new ByteArrayOutputStream();
            for (int k = random.nextInt(10); k >= 0; k--) {
                if (random.nextInt(4) == 0) {
                    soup.write(random.nextInt(256));
                } else {
                    soup.writeBytes(PIECES[random.nextInt(PIECES.length)]);
                }
            }
            refused += assertSame(soup.toByteArray(), StandardCharsets.UTF_8) ? 0 : 1;
            assertSame(soup.toByteArray(), Charset.forName("windows-31j"));
        }
        assertThat(refused).as("soups refused").isGreaterThan(10_000);
    }

    private static boolean assertSame(byte[] bytes, Charset charset) {
        var expected = ExportDecoding.strictlyByDecoder(bytes, charset);
        assertThat(ExportDecoding.strictly(bytes, charset)).as("%s", java.util.HexFormat.of().formatHex(bytes))
                .isEqualTo(expected);
        return expected.isPresent();
    }
}
