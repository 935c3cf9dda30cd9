package jp.hyoka.domain.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the bytes of an uploaded export into lines of text. Municipal files come as UTF-8 (with or without BOM),
 * as Shift_JIS — read as windows-31j (CP932), its superset, because the documents use the NEC special characters
 * ①–⑳ and Ⅰ–Ⅹ that plain Shift_JIS lacks (DOMAIN.md §7.15) — as EUC-JP, or, rarely, as UTF-16 with a BOM.
 * Every candidate is decoded strictly: a byte sequence that is not valid in an encoding rules it out, so text is
 * never silently garbled. Empty and binary files are refused outright.
 */
public final class ExportDecoding {

    private static final List<Charset> LEGACY = List.of(Charset.forName("windows-31j"), Charset.forName("EUC-JP"));
    /** An HTML tag opened on the last line and never closed: the export was cut off mid-cell. */
    private static final Pattern OPEN_TAG_AT_END = Pattern.compile("<[A-Za-z/][^>]*$");

    private ExportDecoding() {
    }

    public static DecodedExport decode(byte[] bytes) {
        if (blank(bytes)) {
            throw rejected(ImportProblem.EMPTY_FILE, "The file is empty.");
        }
        Optional<DecodedExport> bom = byOrderMark(bytes);
        if (bom.isPresent()) {
            return bom.get();
        }
        if (looksBinary(bytes)) {
            throw rejected(ImportProblem.BINARY_FILE,
                    "The file is not text (it contains NUL or control bytes); upload the exported .txt/.tsv file.");
        }
        Optional<String> utf8 = strictly(bytes, StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            return lines(utf8.get(), "UTF-8", bytes, 0);
        }
        Charset best = null;
        String bestText = null;
        long bestScore = 0;
        for (Charset legacy : LEGACY) {
            Optional<String> text = strictly(bytes, legacy);
            long score = text.map(ExportDecoding::japaneseScore).orElse(0L);
            if (score > bestScore) {
                best = legacy;
                bestText = text.get();
                bestScore = score;
            }
        }
        if (best != null) {
            return lines(bestText, best.name());
        }
        throw rejected(ImportProblem.UNSUPPORTED_ENCODING,
                "The file is neither UTF-8, Shift_JIS (CP932) nor EUC-JP text; save it as UTF-8 and upload it again.");
    }

    /**
     * Whether every byte is white space as {@link String#isBlank()} tells it of the bytes read as ISO-8859-1 (tab,
     * line feed, VT, form feed, return, the four separators U+001C–U+001F and space), without that copy of the file.
     */
    static boolean blank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && (b < '\t' || b > '\r') && (b < 0x1C || b > 0x1F)) {
                return false;
            }
        }
        return true;
    }

    private static Optional<DecodedExport> byOrderMark(byte[] bytes) {
        if (starts(bytes, 0xEF, 0xBB, 0xBF)) {
            return Optional.of(lines(strictly(slice(bytes, 3), StandardCharsets.UTF_8).orElseThrow(() -> rejected(
                    ImportProblem.UNSUPPORTED_ENCODING, "The file starts as UTF-8 but is not valid UTF-8.")), "UTF-8",
                    bytes, 3));
        }
        if (starts(bytes, 0xFE, 0xFF) || starts(bytes, 0xFF, 0xFE)) {
            Charset utf16 = starts(bytes, 0xFE, 0xFF) ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
            return Optional.of(lines(strictly(slice(bytes, 2), utf16).orElseThrow(() -> rejected(
                    ImportProblem.UNSUPPORTED_ENCODING, "The file starts as UTF-16 but is not valid UTF-16.")),
                    utf16.name()));
        }
        return Optional.empty();
    }

    /** NUL bytes, or more than 1 % control bytes other than tab and line breaks, mean this is not an export. */
    private static boolean looksBinary(byte[] bytes) {
        int control = 0;
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                control++;
            }
        }
        return control > bytes.length / 100;
    }

    /**
     * How Japanese a legacy decoding reads: kanji and kana count for it, half-width katakana against it. Bytes of
     * one legacy encoding often decode "validly" in another as runs of half-width katakana (EUC-JP read as CP932),
     * which the documents never use (DOMAIN.md §7.16); a score of 0 or less is a wrong guess.
     */
    private static long japaneseScore(String text) {
        return text.codePoints().mapToLong(cp -> {
            if (cp >= 0xFF61 && cp <= 0xFF9F) {
                return -2;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA ? 1 : 0;
        }).sum();
    }

    private static DecodedExport lines(String text, String encoding) {
        return lines(text, encoding, null, 0);
    }

    /**
     * @param utf8 the file's bytes where {@code text} is their strict UTF-8 decoding from {@code from} on (a valid
     *             UTF-8 sequence decodes and encodes back to itself), else null
     */
    private static DecodedExport lines(String text, String encoding, byte[] utf8, int from) {
        if (text.indexOf('\u0000') >= 0) {
            // UTF-16 files skip the byte-level check; a NUL character means the same: this is not an export.
            throw rejected(ImportProblem.BINARY_FILE, "The file contains NUL characters; it is not an exported text.");
        }
        List<String> lines = split(text);
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines = lines.subList(0, lines.size() - 1);
        }
        List<ImportProblem> warnings = new ArrayList<>();
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        if (OPEN_TAG_AT_END.matcher(last).find()) {
            warnings.add(new ImportProblem(ImportProblem.TRUNCATED, lines.size(),
                    "The file ends inside an HTML tag; it may have been cut off."));
        }
        return new DecodedExport(lines, encoding, warnings, utf8 == null ? null : joined(text, utf8, from));
    }

    /**
     * The bytes of the lines joined by '\n', where the file's own bytes are that: no CR in the text (a CR ends a line
     * as LF does, and is not kept), so the lines joined are the text itself, less the one final '\n' whose empty
     * line {@link #lines} drops. Null where the text has a CR.
     */
    private static DecodedExport.Utf8Bytes joined(String text, byte[] bytes, int from) {
        if (text.indexOf('\r') >= 0) {
            return null;
        }
        int to = bytes.length > from && bytes[bytes.length - 1] == '\n' ? bytes.length - 1 : bytes.length;
        return new DecodedExport.Utf8Bytes(bytes, from, to);
    }

    /**
     * The text split at CR LF, CR or LF, as {@code text.split("\r\n|\r|\n", -1)} splits it (a trailing empty line
     * kept), in one pass without a regular expression (every import splits the whole file).
     */
    static List<String> split(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(text.substring(start));
        return List.copyOf(lines);
    }

    /**
     * The bytes decoded, or empty where they are not valid in {@code charset}. UTF-8 is first decoded as
     * {@code new String} decodes it, which puts U+FFFD for every malformed sequence: without one in the result, every
     * sequence was valid and the text is what a strict decoder gives (without its buffer sized for one char per byte
     * and the copy out of it); with one, the strict decoder tells ({@code ExportDecodingStrictTest}).
     */
    static Optional<String> strictly(byte[] bytes, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.indexOf('\uFFFD') < 0) {
                return Optional.of(text);
            }
        }
        return strictlyByDecoder(bytes, charset);
    }

    /** The bytes decoded by a decoder that reports malformed and unmappable input: the definition. */
    static Optional<String> strictlyByDecoder(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return Optional.of(decoder.decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean starts(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] bytes, int from) {
        byte[] rest = new byte[bytes.length - from];
        System.arraycopy(bytes, from, rest, 0, rest.length);
        return rest;
    }

    private static ImportRejected rejected(String code, String message) {
        return new ImportRejected(new ImportProblem(code, 0, message));
    }
}
