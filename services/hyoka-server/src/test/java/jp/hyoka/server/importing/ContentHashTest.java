package jp.hyoka.server.importing;

import jp.hyoka.domain.importing.DecodedExport;
import jp.hyoka.domain.importing.ExportDecoding;
import jp.hyoka.domain.importing.ImportRejected;
import jp.hyoka.server.support.Samples;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content hash of a UTF-8 file with LF line ends is taken over the file's own bytes (import benchmark): the same
 * hash as the definition — the decoded lines joined by '\n', encoded as UTF-8 — for the samples saved with every kind
 * of line end, with and without a BOM or a final line end, in the legacy encodings, and for random texts.
 */
class ContentHashTest {

    private static final String PIECES = "aZ0 \t<>(空欄)変更箇所①Ⅳ－ー　\u00A0\uD842\uDFB7";
    private static final String[] LINE_ENDS = {"\n", "\r\n", "\r"};

    @Test
    void givenTheSamplesSavedInEveryWay_whenHashed_thenAsTheJoinedLinesAreHashed() {
        for (String sample : List.of(Samples.ALL_ITEMS_000, Samples.ANNEX_ONLY_001, Samples.KEY_ITEMS_003,
                Samples.KEY_ITEMS_004)) {
            String text = new String(Samples.bytes(sample), StandardCharsets.UTF_8);
            for (String end : LINE_ENDS) {
                String saved = text.replace("\r\n", "\n").replace("\n", end);
                for (String tail : List.of("", end, end + end)) {
                    String file = saved.strip() + tail;
                    assertHashedAsDefined(file.getBytes(StandardCharsets.UTF_8), sample + " " + escaped(end + "|" + tail));
                    assertHashedAsDefined(withBom(file), sample + " BOM " + escaped(end + "|" + tail));
                    assertHashedAsDefined(file.getBytes(Charset.forName("windows-31j")), sample + " CP932");
                }
            }
            assertThat(ExportDecoding.decode(Samples.bytes(sample)).joinedUtf8()).as("the file's own bytes are hashed")
                    .isNotNull();
        }
    }

    @Test
    void givenRandomTexts_whenHashed_thenAsTheJoinedLinesAreHashed() {
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                if (random.nextInt(6) == 0) {
                    text.append(LINE_ENDS[random.nextInt(random.nextInt(8) == 0 ? 3 : 1)]);
                } else {
                    int at = random.nextInt(PIECES.length());
                    text.append(Character.isHighSurrogate(PIECES.charAt(at)) ? PIECES.substring(at, at + 2)
                            : Character.isLowSurrogate(PIECES.charAt(at)) ? "x" : PIECES.substring(at, at + 1));
                }
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            assertHashedAsDefined(bytes, escaped(text.toString()));
            assertHashedAsDefined(withBom(text.toString()), "BOM " + escaped(text.toString()));
        }
    }

    private static void assertHashedAsDefined(byte[] bytes, String what) {
        DecodedExport decoded;
        try {
            decoded = ExportDecoding.decode(bytes);
        } catch (ImportRejected rejected) {
            return;                                         // blank or not text: nothing is hashed
        }
        DecodedExport byLines = new DecodedExport(decoded.lines(), decoded.encoding(), decoded.warnings());
        assertThat(ImportSources.contentHash(decoded)).as(what).isEqualTo(ImportSources.contentHash(byLines));
    }

    private static byte[] withBom(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String escaped(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }
}
