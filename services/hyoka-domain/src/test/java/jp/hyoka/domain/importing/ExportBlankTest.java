package jp.hyoka.domain.importing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** An upload is blank exactly when its bytes read as ISO-8859-1 are ({@link String#isBlank()}), told without the copy. */
class ExportBlankTest {

    private static boolean byDefinition(byte[] bytes) {
        return bytes.length == 0 || new String(bytes, StandardCharsets.ISO_8859_1).isBlank();
    }

    @Test
    void givenEveryByteAloneAndAmongSpaces_whenToldBlank_thenAsTheDefinitionSays() {
        assertThat(ExportDecoding.blank(new byte[0])).isTrue();
        for (int b = 0; b < 256; b++) {
            for (byte[] bytes : new byte[][]{{(byte) b}, {' ', (byte) b, '\n'}, {'\t', '\r', (byte) b}}) {
                assertThat(ExportDecoding.blank(bytes)).as("byte %02X", b).isEqualTo(byDefinition(bytes));
            }
        }
    }

    @Test
    void givenRandomWhiteSpaceWithSomethingElseAtTimes_whenToldBlank_thenAsTheDefinitionSays() {
        Random random = new Random(24);
        byte[] spaces = {' ', '\t', '\n', 0x0B, '\f', '\r', 0x1C, 0x1D, 0x1E, 0x1F, (byte) 0x85, (byte) 0xA0, 0x00, 'a'};
        for (int n = 0; n < 20_000; n++) {
            byte[] bytes = new byte[random.nextInt(12)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(20) == 0 ? spaces[random.nextInt(spaces.length)] : spaces[random.nextInt(10)];
            }
            assertThat(ExportDecoding.blank(bytes)).isEqualTo(byDefinition(bytes));
        }
    }
}
