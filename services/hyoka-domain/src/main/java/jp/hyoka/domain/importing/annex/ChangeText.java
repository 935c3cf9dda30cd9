package jp.hyoka.domain.importing.annex;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A 変更前の記載 or 変更後の記載 cell: the text as written (HTML included, since it carries lists and tables an import
 * will want) and what kind of content it is (DOMAIN.md §4.5). The kind is decided on a normalised key (tags removed,
 * NFKC, no whitespace), so "(空欄)", "（空欄）", "記載なし", "ー" and "&lt;p&gt;(空欄)&lt;/p&gt;" are all
 * {@link ChangeTextKind#EMPTY}.
 */
public record ChangeText(ChangeTextKind kind, String text) {

    private static final Pattern EMPTY = Pattern.compile("\\(?(空欄|記載なし)\\)?");
    private static final Pattern ADDED = Pattern.compile("\\([^()]*(追加|新規)\\)|右記を追記");
    private static final Pattern DELETED = Pattern.compile("\\(?削除\\)?。?");
    private static final Pattern SEE_ANNEX = Pattern.compile("\\(?別紙参照\\)?");
    private static final Pattern ABRIDGED = Pattern.compile("\\((中|以下)?省?略\\)");
    /** The characters {@link AnnexText#isDashes} matches: a key of dashes starts with one. */
    static final String DASH_STARTS = "-—―−–‐ー";

    public ChangeText {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /** Classifies a cell; {@code null} or blank is {@link ChangeTextKind#EMPTY}. */
    public static ChangeText of(String cell) {
        String text = cell == null ? "" : cell.strip();
        return new ChangeText(kindOf(AnnexText.key(text)), text);
    }

    /**
     * The same cell as plain text, for an item whose answer is plain (the body import reads such an answer the same
     * way): tags become spaces, runs of white space one space; the kind stays, since it was read without tags.
     */
    public ChangeText plain() {
        return new ChangeText(kind, AnnexText.plain(text));
    }

    /** The cell is not in the source at all (a short row); the row's warning tells where its text went. */
    public static ChangeText missing() {
        return new ChangeText(ChangeTextKind.MISSING, "");
    }

    /**
     * The kind of a key. Each whole-key pattern is run only where the key starts with a character its match can
     * start with, and {@link #ABRIDGED} only where the key holds its "略": most keys are long texts that match none
     * ({@code ChangeTextKindTest} compares this with every pattern run on every key).
     */
    static ChangeTextKind kindOf(String key) {
        if (key.isEmpty()) {
            return ChangeTextKind.EMPTY;
        }
        char first = key.charAt(0);
        boolean bracket = first == '(';
        if ((bracket || first == '空' || first == '記') && EMPTY.matcher(key).matches()
                || DASH_STARTS.indexOf(first) >= 0 && AnnexText.isDashes(key)) {
            return ChangeTextKind.EMPTY;
        }
        if ((bracket || first == '右') && ADDED.matcher(key).matches()) {
            return ChangeTextKind.ADDED;
        }
        if ((bracket || first == '削') && DELETED.matcher(key).matches()) {
            return ChangeTextKind.DELETED;
        }
        if ((bracket || first == '別') && SEE_ANNEX.matcher(key).matches()) {
            return ChangeTextKind.SEE_ANNEX;
        }
        return key.indexOf('略') >= 0 && ABRIDGED.matcher(key).find() ? ChangeTextKind.ABRIDGED : ChangeTextKind.TEXT;
    }

    /** The kind as every pattern tells it on the whole key: the definition {@link #kindOf} is tested against. */
    static ChangeTextKind kindByPatterns(String key) {
        if (key.isEmpty() || EMPTY.matcher(key).matches() || AnnexText.isDashes(key)) {
            return ChangeTextKind.EMPTY;
        }
        if (ADDED.matcher(key).matches()) {
            return ChangeTextKind.ADDED;
        }
        if (DELETED.matcher(key).matches()) {
            return ChangeTextKind.DELETED;
        }
        if (SEE_ANNEX.matcher(key).matches()) {
            return ChangeTextKind.SEE_ANNEX;
        }
        return ABRIDGED.matcher(key).find() ? ChangeTextKind.ABRIDGED : ChangeTextKind.TEXT;
    }
}
