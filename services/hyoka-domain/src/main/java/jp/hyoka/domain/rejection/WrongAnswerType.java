package jp.hyoka.domain.rejection;

import jp.hyoka.domain.form.ItemType;

/** The answer's type does not match the item's type (a date for a choice, text for a number, …). */
public record WrongAnswerType(String itemId, ItemType expectedType, ItemType givenType) implements Rejection {
    @Override
    public String code() {
        return "WRONG_ANSWER_TYPE";
    }

    @Override
    public String message() {
        return "Item '" + itemId + "' takes a " + expectedType + " answer, not " + givenType + ".";
    }
}
