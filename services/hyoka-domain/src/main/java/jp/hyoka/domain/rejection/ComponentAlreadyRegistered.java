package jp.hyoka.domain.rejection;

/** A shared component is already registered under this id; ids are never reused. */
public record ComponentAlreadyRegistered(String componentId, String name) implements Rejection {
    @Override
    public String code() {
        return "COMPONENT_ALREADY_REGISTERED";
    }

    @Override
    public String message() {
        return "Shared component '" + componentId + "' is already registered (" + name + ").";
    }
}
