package jp.hyoka.domain.form;

import java.util.Objects;

/**
 * The selected option of a single-choice item, by code (labels come from the form revision, so wording fixes need
 * no event), with the option's free text or count where the option takes one.
 */
public record ChoiceAnswer(String optionCode, String text, Long count) implements Answer {
    public ChoiceAnswer {
        Objects.requireNonNull(optionCode, "optionCode");
    }

    public ChoiceAnswer(String optionCode) {
        this(optionCode, null, null);
    }

    Selection selection() {
        return new Selection(optionCode, text, count);
    }

    @Override
    public ItemType type() {
        return ItemType.SINGLE_CHOICE;
    }

    @Override
    public String plainText() {
        return selection().plainText();
    }
}
