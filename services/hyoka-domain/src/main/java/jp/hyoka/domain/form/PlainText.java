package jp.hyoka.domain.form;

/** Normalisation of user-typed plain text. */
public final class PlainText {

    private PlainText() {
    }

    /**
     * Strips surrounding whitespace, control characters other than line breaks and tabs, and bidirectional
     * overrides: they are invisible in print, break exports (the published format is tab-separated lines), and
     * are a classic way to make text read differently from what it says.
     */
    public static String clean(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (removed(text.charAt(i))) {
                return stripSpaces(filtered(text));
            }
        }
        return stripSpaces(text);                           // the usual case: nothing to remove, no copy
    }

    /** Whether the character stays in {@link #clean}'s result and is not a space: a text with one is not blank. */
    static boolean visible(char c) {
        return !removed(c) && !isSpace(c);
    }

    /** Whether {@link #clean} takes the character out of a text wherever it is (search drops it too). */
    static boolean invisible(int codePoint) {
        return removed(codePoint);
    }

    /**
     * Whether a character is taken out. Every such character is in the BMP and none is a surrogate, so testing the
     * chars of a text finds exactly the code points {@link #filtered} removes.
     */
    private static boolean removed(int cp) {
        return cp != '\n' && cp != '\t' && Character.isISOControl(cp) || isBidiControl(cp) || isZeroWidth(cp);
    }

    private static String filtered(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .filter(cp -> cp == '\n' || cp == '\t' || !Character.isISOControl(cp))
                .filter(cp -> !isBidiControl(cp) && !isZeroWidth(cp))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Like {@link String#strip()}, but also removes no-break and other Unicode space separators at both ends. */
    private static String stripSpaces(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Invisible characters that make a blank answer look filled in. */
    private static boolean isZeroWidth(int codePoint) {
        return codePoint == 0x200B || codePoint == 0x2060 || codePoint == 0xFEFF;
    }

    private static boolean isBidiControl(int codePoint) {
        return (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069)
                || codePoint == 0x200E || codePoint == 0x200F || codePoint == 0x061C;
    }
}
