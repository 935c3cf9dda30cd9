package jp.hyoka.domain.form;

import java.util.Objects;

/** The code of the selected option; the label comes from the form revision, so wording fixes need no event. */
public record ChoiceAnswer(String optionCode) implements Answer {
    public ChoiceAnswer {
        Objects.requireNonNull(optionCode, "optionCode");
    }

    @Override
    public ItemType type() {
        return ItemType.SINGLE_CHOICE;
    }

    @Override
    public String plainText() {
        return optionCode;
    }
}
