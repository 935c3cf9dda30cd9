package jp.hyoka.domain.importing.annex;

/** What a 変更前/変更後 cell holds (DOMAIN.md §4.5). Placeholders are recognised; their text is kept as written. */
public enum ChangeTextKind {
    /** Nothing there: blank, "(空欄)", "空欄", "記載なし", or a lone dash "—", "-", "－", "ー". */
    EMPTY,
    /** Ordinary content. */
    TEXT,
    /** "削除": the content was removed (typically in 変更後). */
    DELETED,
    /** Content with parts left out — "(省略)", "(中略)", "(略)" inside; the text is kept, but it is not the whole item. */
    ABRIDGED,
    /** A placeholder saying the content is new: "(追加)", "(新規)", "(記述の追加)", "(特記事項の追加)", "右記を追記". */
    ADDED,
    /** "別紙参照": the content is in a separate attachment that the export does not carry. */
    SEE_ANNEX,
    /**
     * The cell does not exist in the source: the row had too few cells (fused by the exporter). Not one of the
     * DOMAIN.md §4.5 placeholders, but calling it EMPTY would claim the document said "nothing" here.
     */
    MISSING
}
