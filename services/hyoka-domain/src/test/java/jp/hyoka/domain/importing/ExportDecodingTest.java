package jp.hyoka.domain.importing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportDecodingTest {

    /** Two rows as the exports write them, with the NEC special characters ① and Ⅲ that plain Shift_JIS lacks. */
    private static final String EXPORT = "Ⅲ リスク対策\r\n①事務の名称\t介護保険関係事務\r\n";

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "windows-31j"})
    void givenAnExportInAMunicipalEncoding_whenDecoded_thenTheLinesReadTheSame(String encoding) {
        DecodedExport decoded = ExportDecoding.decode(EXPORT.getBytes(Charset.forName(encoding)));

        assertThat(decoded.lines()).containsExactly("Ⅲ リスク対策", "①事務の名称\t介護保険関係事務");
        assertThat(decoded.encoding()).isEqualTo(encoding);
        assertThat(decoded.warnings()).isEmpty();
    }

    @Test
    void givenEucJpText_whenDecoded_thenReadAsEucJp() {
        DecodedExport decoded = ExportDecoding.decode("事務の名称\t介護保険関係事務\n".getBytes(Charset.forName("EUC-JP")));

        assertThat(decoded.lines()).containsExactly("事務の名称\t介護保険関係事務");
        assertThat(decoded.encoding()).isEqualTo("EUC-JP");
    }

    @Test
    void givenUtf8WithByteOrderMark_whenDecoded_thenTheMarkIsNotPartOfTheFirstLine() {
        byte[] text = EXPORT.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);

        assertThat(ExportDecoding.decode(withBom).lines().get(0)).isEqualTo("Ⅲ リスク対策");
    }

    @Test
    void givenUtf16WithByteOrderMark_whenDecoded_thenReadAsUtf16() {
        DecodedExport decoded = ExportDecoding.decode(("\uFEFF" + EXPORT).getBytes(StandardCharsets.UTF_16LE));

        assertThat(decoded.lines()).hasSize(2);
        assertThat(decoded.encoding()).isEqualTo("UTF-16LE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  \r\n\t\n"})
    void givenAnEmptyFile_whenDecoded_thenRejectedAsEmpty(String content) {
        assertThatThrownBy(() -> ExportDecoding.decode(content.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ImportRejected.class,
                        rejected -> assertThat(rejected.problem().code()).isEqualTo(ImportProblem.EMPTY_FILE));
    }

    @Test
    void givenAnImage_whenDecoded_thenRejectedAsBinary() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

        assertThatThrownBy(() -> ExportDecoding.decode(png)).isInstanceOfSatisfying(ImportRejected.class,
                rejected -> assertThat(rejected.problem().code()).isEqualTo(ImportProblem.BINARY_FILE));
    }

    @Test
    void givenBytesValidInNoSupportedEncoding_whenDecoded_thenRejectedWithAdvice() {
        byte[] invalidEverywhere = {0x41, (byte) 0xFF, (byte) 0xFD, 0x42, (byte) 0x80, (byte) 0xFF};

        assertThatThrownBy(() -> ExportDecoding.decode(invalidEverywhere)).isInstanceOfSatisfying(ImportRejected.class,
                rejected -> {
                    assertThat(rejected.problem().code()).isEqualTo(ImportProblem.UNSUPPORTED_ENCODING);
                    assertThat(rejected.getMessage()).contains("UTF-8");
                });
    }

    @Test
    void givenAFileCutOffInsideATag_whenDecoded_thenDecodedWithATruncationWarningOnTheLastLine() {
        DecodedExport decoded = ExportDecoding.decode("①事務の名称\t<p>介護\n②事務の内容\t<p style=\"text-al"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.code()).isEqualTo(ImportProblem.TRUNCATED);
            assertThat(warning.line()).isEqualTo(2);
        });
    }

    @Test
    void givenLatinOnlyBytesThatAreNotUtf8_whenDecoded_thenNotMistakenForShiftJis() {
        byte[] latin1 = "caf\u00e9 na\u00efve".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> ExportDecoding.decode(latin1)).isInstanceOf(ImportRejected.class);
    }

    @Test
    void givenUtf16TextWithNulCharacters_whenDecoded_thenRejectedAsBinary() {
        byte[] utf16 = ("\uFEFF事務\u0000名称\n").getBytes(StandardCharsets.UTF_16LE);

        assertThatThrownBy(() -> ExportDecoding.decode(utf16)).isInstanceOfSatisfying(ImportRejected.class,
                rejected -> assertThat(rejected.problem().code()).isEqualTo(ImportProblem.BINARY_FILE));
    }
}
