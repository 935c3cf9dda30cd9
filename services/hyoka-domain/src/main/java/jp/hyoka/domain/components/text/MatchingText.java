package jp.hyoka.domain.components.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The form of a text used to compare it with boilerplate, never to store it (DOMAIN.md §5.9). Published copies of
 * one supplier text differ in presentation: HTML tags, full- or half-width characters, spaces, bullets (・ • ○ ●),
 * numbering (① (1) （１） 1.), heading brackets (＜＞ &lt;&gt; 〈〉 《》 ()) and footnote marks ((*1) or (※1)).
 * All of that is removed or unified here, in this order: tags and entities; circled and parenthesised numbers
 * (before NFKC, which would turn ① into a bare 1); NFKC; numbering; * into ※; bullets and brackets; whitespace
 * (kept, as one space, only between two ASCII letters or digits, where removing it would join two words). The
 * middle dot goes with the bullets, so "中間サーバー・プラットフォーム" compares as "中間サーバープラットフォーム" on both
 * sides.
 */
public final class MatchingText {

    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][^<>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(nbsp|amp|lt|gt|quot|#\\d+);");
    private static final Pattern CIRCLED_NUMBER = Pattern.compile(
            "[\\u2460-\\u249B\\u24EA-\\u24FF\\u2776-\\u2793\\u3251-\\u325F\\u32B1-\\u32BF]");
    private static final Pattern PARENTHESISED_NUMBER = Pattern.compile("\\(\\s*\\d{1,2}\\s*\\)");
    private static final Pattern LEADING_NUMBER = Pattern.compile("(^|\\s)\\d{1,2}(?:[.)]|\\s)(?=\\s*\\D)");
    private static final Pattern BULLETS_AND_BRACKETS = Pattern.compile(
            "[・•‣◦○●◎◆◇■□▪▫►▶\\-−‐<>〈〉《》【】〔〕()\\[\\]{}]");
    private static final Pattern SPACE_BETWEEN_WORDS = Pattern.compile("(?<=[A-Za-z0-9])\\s+(?=[A-Za-z0-9])");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private MatchingText() {
    }

    /** The matching form of a text; null counts as empty. */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        String result = TAG.matcher(text).replaceAll(" ");
        result = ENTITY.matcher(result).replaceAll(" ");
        result = CIRCLED_NUMBER.matcher(result).replaceAll(" ");
        result = Normalizer.normalize(result, Normalizer.Form.NFKC);
        result = PARENTHESISED_NUMBER.matcher(result).replaceAll(" ");
        result = LEADING_NUMBER.matcher(result).replaceAll("$1 ").replace('*', '※');
        result = BULLETS_AND_BRACKETS.matcher(result).replaceAll(" ");
        result = SPACE_BETWEEN_WORDS.matcher(result.strip()).replaceAll("\u0000");
        return SPACES.matcher(result).replaceAll("").replace('\u0000', ' ');
    }
}
