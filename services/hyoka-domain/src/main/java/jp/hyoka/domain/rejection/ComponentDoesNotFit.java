package jp.hyoka.domain.rejection;

/** A form item named as a fit cannot take a shared component's text (not rich text, or reserved for another family). */
public record ComponentDoesNotFit(String form, String itemId, String reason) implements Rejection {
    @Override
    public String code() {
        return "COMPONENT_DOES_NOT_FIT";
    }

    @Override
    public String message() {
        return "Item '" + itemId + "' of " + form + " cannot take this component: " + reason + ".";
    }
}
