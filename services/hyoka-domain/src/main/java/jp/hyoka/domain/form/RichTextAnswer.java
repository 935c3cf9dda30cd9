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

    /** Tags removed, character references decoded, spaces folded: for history lines and diffs, not rendering. */
    @Override
    public String plainText() {
        return PlainText.clean(HtmlEntities.decode(html.replaceAll("</?[A-Za-z][^>]*>", " ")))
                .replaceAll("[\\s\\p{Zs}]+", " ");
    }
}
