package jp.hyoka.domain.form;

/** The kind of answer a form item takes. */
public enum ItemType {
    /** Short plain text on one line (names, departments, titles). */
    TEXT,
    /** Long text in the safe HTML subset the published documents use (paragraphs, lists, tables). */
    RICH_TEXT,
    /** A whole number, such as a count. */
    NUMBER,
    /** A calendar date, stored as ISO and printed in 和暦. */
    DATE,
    /** Exactly one option of a fixed list (選択肢), possibly with its free text or count. */
    SINGLE_CHOICE,
    /** Any number of options of a fixed list (checkbox group), each possibly with its free text or count. */
    MULTIPLE_CHOICE,
    /**
     * Long text that platform-curated boilerplate (中間サーバー, ガバメントクラウド measures) may fill; answered as rich
     * text until the municipality adopts a shared component.
     */
    SHARED_COMPONENT;

    /** The answer type this item accepts. */
    public ItemType answerType() {
        return this == SHARED_COMPONENT ? RICH_TEXT : this;
    }
}
