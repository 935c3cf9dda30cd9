package jp.hyoka.domain.form;

/** A typed answer to one form item. Each variant belongs to exactly one {@link ItemType}. */
public sealed interface Answer permits TextAnswer, RichTextAnswer, NumberAnswer, DateAnswer, ChoiceAnswer,
        MultiChoiceAnswer {

    ItemType type();

    /** A plain-text rendering, for history, diffs and the 変更箇所 annex. */
    String plainText();
}
