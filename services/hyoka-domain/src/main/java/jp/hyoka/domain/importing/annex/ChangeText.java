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

    private static ChangeTextKind kindOf(String key) {
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
