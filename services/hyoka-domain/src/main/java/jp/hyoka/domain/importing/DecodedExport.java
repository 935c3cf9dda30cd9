package jp.hyoka.domain.importing;

import java.util.List;

/**
 * An uploaded export as text: its lines (without line terminators), the encoding it was read in, and warnings that
 * do not stop an import (a file that seems cut off, for instance).
 *
 * @param joinedUtf8 the lines joined by '\n' encoded as UTF-8, where the file's own bytes are exactly that (a UTF-8
 *                   file with LF line ends); null otherwise. Lets the content hash read the file's bytes instead of
 *                   encoding every line again.
 */
public record DecodedExport(List<String> lines, String encoding, List<ImportProblem> warnings, Utf8Bytes joinedUtf8) {
    public DecodedExport {
        lines = List.copyOf(lines);
        warnings = List.copyOf(warnings);
    }

    public DecodedExport(List<String> lines, String encoding, List<ImportProblem> warnings) {
        this(lines, encoding, warnings, null);
    }

    /**
     * A range of a byte array: {@code bytes[from, to)}, not copied. The array is the caller's upload itself: nothing
     * here changes it, and the caller must not change it either between decoding and the content hash read from it
     * (the hash would then name bytes other than the lines decoded).
     */
    public record Utf8Bytes(byte[] bytes, int from, int to) {
    }
}
