package jp.hyoka.domain.importing;

import java.text.Normalizer;

/**
 * {@link Normalizer.Form#NFKC} with a fast path: the text itself when each of its characters is one that NFKC leaves
 * as it is <em>wherever it stands</em>. Most texts of a published file are NFKC already (92 % of them), and
 * {@code Normalizer.normalize} copies every text through its buffers all the same: the import normalises each cell,
 * label and path it reads, so that copy was a large part of the reading.
 * <p>
 * The stable characters ({@link #isStable}) are ASCII, kana, the CJK ideographs of the BMP and a few punctuation and
 * symbol blocks, each NFKC-invariant on its own, none a combining mark, none the second half of a composition (a
 * combining mark, the voicing marks U+3099/U+309A, a Hangul vowel or final jamo) and none decomposing to one. A text of
 * those only cannot change: nothing in it decomposes to something that would reorder or compose with a neighbour.
 * The full-width forms, half-width kana (ﾞ and ﾟ compose with the kana before them), U+3000 and the compatibility
 * symbols (①, ㈱, ㌔, Ⅰ) are not stable: a text with any of them goes through the {@code Normalizer}. NfkcTest proves
 * the rule per character over the whole BMP and the whole against {@code Normalizer} on the samples and random texts.
 */
public final class Nfkc {

    /** One bit per BMP character: set where {@link #isStable}. */
    private static final long[] STABLE = new long[1024];

    static {
        int[][] ranges = {
                {0x0000, 0x007F},                                   // ASCII
                {0x00A7, 0x00A7}, {0x00B0, 0x00B1}, {0x00B6, 0x00B6}, {0x00D7, 0x00D7}, {0x00F7, 0x00F7}, // § ° ± ¶ × ÷
                {0x2010, 0x2010}, {0x2012, 0x2016}, {0x2018, 0x2023}, {0x2030, 0x2032}, {0x2035, 0x2035},
                {0x2038, 0x203B},                                   // dashes, quotes, daggers, bullet, ‰, ′, ※
                {0x2190, 0x21FF}, {0x2200, 0x222B},                 // arrows, mathematical operators up to ∫
                {0x2500, 0x27BF},                                   // box drawing, shapes (■□○●◎◆), symbols, dingbats
                {0x3001, 0x301F},                                   // 、。〃々〆〇 brackets 〒 〜 (not U+3000)
                {0x3041, 0x3096}, {0x309D, 0x309E},                 // hiragana, ゝゞ
                {0x30A1, 0x30FE},                                   // katakana, ・ ー ヽ ヾ
                {0x3400, 0x4DBF}, {0x4E00, 0x9FFF},                 // CJK unified ideographs (not the compatibility ones)
        };
        for (int[] range : ranges) {
            for (int c = range[0]; c <= range[1]; c++) {
                STABLE[c >>> 6] |= 1L << c;
            }
        }
    }

    private Nfkc() {
    }

    /** {@code Normalizer.normalize(text, NFKC)}: the same text, and the same instance when it is stable throughout. */
    public static String normalize(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isStable(text.charAt(i))) {
                return Normalizer.normalize(text, Normalizer.Form.NFKC);
            }
        }
        return text;
    }

    /** Whether NFKC leaves this character as it is, whatever stands before or after it (see the class comment). */
    static boolean isStable(char c) {
        return (STABLE[c >>> 6] & 1L << c) != 0;
    }
}
