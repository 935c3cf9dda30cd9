package jp.hyoka.domain.form;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes the character references a sanitiser writes (named ones for markup characters and spaces, numeric ones
 * for everything else), so that the plain-text rendering of rich text reads "A & B", not "A &amp;amp; B".
 */
final class HtmlEntities {

    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Map<String, String> NAMED = Map.of(
            "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", "\u00A0");

    private HtmlEntities() {
    }

    static String decode(String text) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(character(matcher.group(1), matcher.group())));
        }
        return matcher.appendTail(out).toString();
    }

    /**
     * The end of the reference {@link #decode} decodes at {@code at} (a '&amp;'), or -1 where none starts there: it
     * finds them left to right, and a reference holds no other '&amp;', so each '&amp;' is tried on its own.
     */
    static int referenceEnd(String text, int at) {
        Matcher matcher = REFERENCE.matcher(text).region(at, text.length());
        return matcher.lookingAt() ? matcher.end() : -1;
    }

    /** What {@link #decode} makes of the reference {@code text[at, end)} ({@link #referenceEnd}). */
    static String decoded(String text, int at, int end) {
        return character(text.substring(at + 1, end - 1), text.substring(at, end));
    }

    private static String character(String reference, String original) {
        if (reference.startsWith("#")) {
            boolean hex = reference.length() > 1 && (reference.charAt(1) == 'x' || reference.charAt(1) == 'X');
            int codePoint = Integer.parseInt(reference.substring(hex ? 2 : 1), hex ? 16 : 10);
            return Character.isValidCodePoint(codePoint) ? new String(Character.toChars(codePoint)) : original;
        }
        return NAMED.getOrDefault(reference, original);
    }
}
