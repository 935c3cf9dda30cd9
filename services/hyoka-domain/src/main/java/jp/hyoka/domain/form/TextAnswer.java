package jp.hyoka.domain.form;

import java.util.Objects;

/** Plain text. Never interpreted as HTML: whoever renders it escapes it. */
public record TextAnswer(String text) implements Answer {
    public TextAnswer {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public ItemType type() {
        return ItemType.TEXT;
    }

    @Override
    public String plainText() {
        return text;
    }
}
