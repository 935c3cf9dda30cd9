package jp.hyoka.schema;

import java.text.Normalizer;
import java.util.regex.Pattern;

import static jp.hyoka.schema.ExportCells.SPACES;

/** Labels are matched by normalised keys only ({@link #key}); see {@link FormLabelIndex} for what a key may match. */
final class LabelKeys {

    private static final Pattern EXCLUSION_NOTE = Pattern.compile("\\([^()]*を除く。?\\)");
    private static final Pattern LEADING_NUMBER = Pattern.compile(
            "^(?:\\(別[添紙]\\d*\\)|[IVX]+(?=\\s)|\\d+\\.|\\(\\d+\\)|\\d+(?=\\s))\\s*");

    private LabelKeys() {
    }

    /**
     * Matching key of a label (never stored): tags out (ASCII tag names only), circled numbers out, NFKC, ※ and
     * "(…を除く。)" notes out, leading numbering out (roman numerals, "1.", "(1)", "(別添1)"), no spaces, and the
     * spelling variants ユーザー認証/ユーザ認証 and 紐づけ/紐付け unified, and the slip ルール内容 (003 prints it for its
     * second file, line 405, and ルールの内容 for its first, line 329) read as ルールの内容.
     */
    static String key(String label) {
        String text = ExportCells.text(label);
        text = text.replaceFirst("^[\\u2460-\\u2473\\u2160-\\u216B]+\\s*", "");
        text = Normalizer.normalize(text, Normalizer.Form.NFKC).replace("※", "").replace('〜', '~');
        text = EXCLUSION_NOTE.matcher(text).replaceAll("").strip();
        for (String before = null; !text.equals(before); ) {
            before = text;
            text = LEADING_NUMBER.matcher(text).replaceFirst("").strip();
        }
        return SPACES.matcher(text).replaceAll("").replace("ユーザー認証", "ユーザ認証").replace("紐づけ", "紐付け")
                .replace("ルール内容", "ルールの内容");
    }
}
