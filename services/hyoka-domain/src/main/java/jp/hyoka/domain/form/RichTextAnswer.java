package jp.hyoka.domain.form;

import java.util.Objects;

/** Rich text in the safe HTML subset; only ever constructed from sanitised input (see {@link AnswerRules}). */
public record RichTextAnswer(String html) implements Answer {
    public RichTextAnswer {
        Objects.requireNonNull(html, "html");
    }

    @Override
    public ItemType type() {
        return ItemType.RICH_TEXT;
    }

    /** Tags removed and whitespace folded; good enough for history lines, not for rendering. */
    @Override
    public String plainText() {
        return html.replaceAll("</?[A-Za-z][^>]*>", " ").replaceAll("\\s+", " ").strip();
    }
}
