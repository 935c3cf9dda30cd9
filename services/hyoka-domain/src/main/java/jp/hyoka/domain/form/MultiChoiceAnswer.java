package jp.hyoka.domain.form;

import java.util.List;
import java.util.stream.Collectors;

/** The ticked options of a checkbox group (複数選択), in the order the form lists them. */
public record MultiChoiceAnswer(List<Selection> selections) implements Answer {
    public MultiChoiceAnswer {
        selections = List.copyOf(selections);
    }

    @Override
    public ItemType type() {
        return ItemType.MULTIPLE_CHOICE;
    }

    @Override
    public String plainText() {
        return selections.stream().map(Selection::plainText).collect(Collectors.joining(", "));
    }
}
