package jp.hyoka.domain.form;

import java.time.LocalDate;
import java.util.Objects;

/** A calendar date, kept as ISO; printing it in 和暦 is a rendering concern. */
public record DateAnswer(LocalDate date) implements Answer {
    public DateAnswer {
        Objects.requireNonNull(date, "date");
    }

    @Override
    public ItemType type() {
        return ItemType.DATE;
    }

    @Override
    public String plainText() {
        return date.toString();
    }
}
