package jp.hyoka.domain.rejection;

/**
 * A direct edit of an item would change (or remove) the text of a shared component the item follows: locked text
 * changes only by adopting a new version, adapted text through its own command; detach the use to edit freely.
 */
public record ComponentTextProtected(String itemId, String useId, String componentId, String mode) implements Rejection {
    @Override
    public String code() {
        return "COMPONENT_TEXT_PROTECTED";
    }

    @Override
    public String message() {
        return "Item '" + itemId + "' follows shared component '" + componentId + "' (" + mode + ", use " + useId
                + "); this edit would change its text. Adapt the component's text, or detach it first.";
    }
}
