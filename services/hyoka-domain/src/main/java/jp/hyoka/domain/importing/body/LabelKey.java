package jp.hyoka.domain.importing.body;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Labels are matched by normalised keys, never stored (DOMAIN.md §7.17): tags out, circled numbers out, NFKC, ※ and
 * "(…を除く。)" notes out, leading numbering out (roman numerals, "1.", "(1)", "(別添1)"), no spaces, and the spelling
 * variants seen in published documents unified.
 */
final class LabelKey {

    private static final Pattern CIRCLED_NUMBER = Pattern.compile("^[\\u2460-\\u2473\\u2160-\\u216B]+\\s*");
    private static final Pattern EXCLUSION_NOTE = Pattern.compile("\\([^()]*を除く。?\\)");
    private static final Pattern LEADING_NUMBER = Pattern.compile(
            "^(?:\\(別[添紙]\\d*\\)|[IVX]+(?=\\s)|\\d+\\.|\\(\\d+\\)|\\d+(?=\\s))\\s*");

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
        text = CIRCLED_NUMBER.matcher(text).replaceFirst("");
        text = Normalizer.normalize(text, Normalizer.Form.NFKC).replace("※", "").replace('〜', '~');
        text = EXCLUSION_NOTE.matcher(text).replaceAll("").strip();
        for (String before = null; !text.equals(before); ) {
            before = text;
            text = LEADING_NUMBER.matcher(text).replaceFirst("").strip();
        }
        return BodyCells.SPACES.matcher(text).replaceAll("").replace("ユーザー認証", "ユーザ認証").replace("紐づけ", "紐付け")
                .replace("ルール内容", "ルールの内容").replace("情報情報", "情報");
    }
}
