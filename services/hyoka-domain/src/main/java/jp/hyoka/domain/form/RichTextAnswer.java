package jp.hyoka.domain.form;

import java.util.Objects;
import java.util.regex.Pattern;

/** Rich text in the safe HTML subset; only ever constructed from sanitised input (see {@link AnswerRules}). */
public record RichTextAnswer(String html) implements Answer {
    /** Compiled once: every read of a document derives the plain text of each rich-text answer. */
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][^>]*>");
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Zs}]+");

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
        String untagged = html.indexOf('<') < 0 ? html : TAG.matcher(html).replaceAll(" ");    // a tag needs a '<'
        return SPACES.matcher(PlainText.clean(HtmlEntities.decode(untagged))).replaceAll(" ");
    }
}
