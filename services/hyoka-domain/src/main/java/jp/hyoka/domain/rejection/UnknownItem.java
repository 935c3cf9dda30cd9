package jp.hyoka.domain.rejection;

/** The item id does not exist in the form revision the assessment is on. */
public record UnknownItem(String itemId, String form) implements Rejection {
    @Override
    public String code() {
        return "UNKNOWN_ITEM";
    }

    @Override
    public String message() {
        return "Form " + form + " has no item '" + itemId + "'.";
    }
}
