package jp.hyoka.domain.importing.body;

import jp.hyoka.domain.importing.Nfkc;

import java.util.regex.Pattern;

/**
 * Labels are matched by normalised keys, never stored (DOMAIN.md §7.17): tags out, circled numbers out, NFKC, ※ and
 * "(…を除く。)" notes out, leading numbering out (roman numerals, "1.", "(1)", "(別添1)"), no spaces, and the spelling
 * variants seen in published documents unified.
 */
final class LabelKey {

    static final Pattern CIRCLED_NUMBER = Pattern.compile("^[\\u2460-\\u2473\\u2160-\\u216B]+\\s*");
    static final Pattern EXCLUSION_NOTE = Pattern.compile("\\([^()]*を除く。?\\)");
    static final Pattern LEADING_NUMBER = Pattern.compile(
            "^(?:\\(別[添紙]\\d*\\)|[IVX]+(?=\\s)|\\d+\\.|\\(\\d+\\)|\\d+(?=\\s))\\s*");
    /*
     * Each pattern runs only where the text has what it needs to match (every document text of an import is keyed:
     * a matcher per pattern per text was most of the key's cost): CIRCLED_NUMBER a first character in its ranges,
     * EXCLUSION_NOTE "を除く", LEADING_NUMBER a first character of LEADING_NUMBER_STARTS; SPACES is a scan
     * (LabelKeyTest compares this with the patterns run on every text).
     */
    private static final String LEADING_NUMBER_STARTS = "(IVX0123456789";

    private LabelKey() {
    }

    /**
     * The key of a label, computed each time: a form's own labels are keyed once by its {@link PrintedForm} (made once
     * per revision), a document's texts once per import by that import's {@link LabelKeys}. No cache here: one
     * shared by every import would keep one municipality's document text for the next.
     */
    static String of(String label) {
        return label == null ? "" : normalised(label);
    }

    private static String normalised(String label) {
        String text = BodyCells.text(label);
        if (!text.isEmpty() && (text.charAt(0) >= '\u2460' && text.charAt(0) <= '\u2473'
                || text.charAt(0) >= '\u2160' && text.charAt(0) <= '\u216B')) {
            text = CIRCLED_NUMBER.matcher(text).replaceFirst("");
        }
        text = Nfkc.normalize(text).replace("※", "").replace('〜', '~');
        text = (text.contains("を除く") ? EXCLUSION_NOTE.matcher(text).replaceAll("") : text).strip();
        while (BodyCells.startsWithOneOf(text, LEADING_NUMBER_STARTS)) {
            String next = LEADING_NUMBER.matcher(text).replaceFirst("").strip();
            if (next.equals(text)) {
                break;
            }
            text = next;
        }
        return withoutWhiteSpace(text)
                .replace("ユーザー認証", "ユーザ認証").replace("紐づけ", "紐付け")
                .replace("ルール内容", "ルールの内容").replace("情報情報", "情報");
    }

    /**
     * {@link BodyCells#SPACES} replaced by "", by one scan: the pattern matches runs of Unicode White_Space, which
     * {@link BodyCells#isWhiteSpace} tells (a BMP property: no surrogate is white space); the text itself when it has
     * none.
     */
    private static String withoutWhiteSpace(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BodyCells.isWhiteSpace(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
