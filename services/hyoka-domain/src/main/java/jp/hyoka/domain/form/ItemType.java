package jp.hyoka.domain.form;

/** The kind of answer a form item takes; each maps to one {@link Answer} variant. */
public enum ItemType {
    /** Short plain text on one line (names, departments, titles). */
    TEXT,
    /** Long text in the safe HTML subset the published documents use (paragraphs, lists, tables). */
    RICH_TEXT,
    /** A whole number, such as a count. */
    NUMBER,
    /** A calendar date, stored as ISO and printed in 和暦. */
    DATE,
    /** Exactly one option of a fixed list (選択肢). */
    SINGLE_CHOICE
}
