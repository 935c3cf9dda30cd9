package jp.hyoka.domain.importing.annex;

/** What a 項目 path of a 変更箇所 row was resolved to (README.md beside this package, "Item paths"). */
public enum PathTargetKind {
    /** One item of the form (and, in {@link PathResolution#entries()}, the repeat entries the path names). */
    ITEM,
    /** A whole repeat entry (システム6, 委託事項3, a file) without an item inside it: an entry was added or removed. */
    ENTRY,
    /** A numbered block of several items ("III-7. 特定個人情報の保管・消去 (記述の追加)"). */
    BLOCK,
    /** A whole section ("(別添1) 事務の内容" of a 全項目 form). */
    SECTION,
    /** The document as a whole ("全体"). */
    DOCUMENT,
    /** Several items fit equally well; {@link PathResolution#candidates()} lists them. Never a guess. */
    AMBIGUOUS,
    /** Nothing of the form fits (garbled text, an annex the form does not have). */
    UNRESOLVED;

    /** True for the kinds that name a definite place of the form (everything but AMBIGUOUS and UNRESOLVED). */
    public boolean resolved() {
        return this != AMBIGUOUS && this != UNRESOLVED;
    }
}
