package jp.hyoka.domain.importing.annex;

import jp.hyoka.domain.form.PlainText;
import jp.hyoka.domain.importing.Nfkc;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Cell-level text handling shared by the annex readers. */
final class AnnexText {

    /**
     * HTML tags with ASCII names only: a generic {@code <[^>]+>} would also delete text such as
     * "<中間サーバー・プラットフォームにおける措置>" or "<選択肢>" (DOMAIN.md §7 item 17).
     */
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][^>]*>");
    /** What {@link #key} removes after NFKC (by a scan: {@link #withoutAsciiSpaces}, tested against it). */
    static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern PLAIN_SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    /**
     * Hyphen, em dash, horizontal bar, minus sign, en dash, hyphen (U+2010), and the prolonged sound mark "ー" that
     * Japanese documents type for a dash; "－" is "-" after NFKC. Only whole keys are matched, so a "ー" inside a
     * word never counts.
     */
    private static final Pattern DASHES = Pattern.compile("[-—―−–‐ー]+");

    private AnnexText() {
    }

    /** The TAB-separated cells of a line, each cleaned of control characters and surrounding spaces. */
    static List<String> cells(String line) {
        return Arrays.stream(line.split("\t", -1)).map(PlainText::clean).toList();
    }

    /** The text with HTML tags removed and surrounding spaces stripped; the rest is as written. */
    static String stripTags(String text) {
        return PlainText.clean(TAG.matcher(text).replaceAll(""));
    }

    /** Plain text: tags replaced by a space, runs of white space (U+3000 included) as one space, stripped. */
    static String plain(String text) {
        return PlainText.clean(PLAIN_SPACES.matcher(TAG.matcher(text).replaceAll(" ")).replaceAll(" "));
    }

    /**
     * A matching key, never stored: tags removed, NFKC (full-width "（空欄）" → "(空欄)", "－" → "-", U+3000 → space),
     * and no whitespace at all. Tags are removed before NFKC, which would turn "＜p＞" into a tag.
     */
    static String key(String text) {
        String untagged = text.indexOf('<') < 0 ? text : TAG.matcher(text).replaceAll("");  // a tag needs a '<'
        return withoutAsciiSpaces(Nfkc.normalize(untagged));
    }

    /** {@link #WHITESPACE} removed, by a scan of the characters (every cell of the annex is keyed). */
    static String withoutAsciiSpaces(String text) {
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isAsciiSpace(c)) {
                if (kept == null) {
                    kept = new StringBuilder(text.length()).append(text, 0, i);
                }
            } else if (kept != null) {
                kept.append(c);
            }
        }
        return kept == null ? text : kept.toString();
    }

    /** What {@code \s} matches without UNICODE_CHARACTER_CLASS: space, tab, line feed, VT, form feed, return. */
    private static boolean isAsciiSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** Whether a {@link #key} is nothing but dashes: a lone "—" placeholder, or a markdown "----------". */
    static boolean isDashes(String key) {
        return DASHES.matcher(key).matches();
    }

    /** The first characters of a line, for warning messages. */
    static String preview(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
