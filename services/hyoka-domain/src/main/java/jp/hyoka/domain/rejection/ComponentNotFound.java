package jp.hyoka.domain.rejection;

/** No shared component is registered under this id. */
public record ComponentNotFound(String componentId) implements Rejection {
    @Override
    public String code() {
        return "COMPONENT_NOT_FOUND";
    }

    @Override
    public String message() {
        return "No shared component '" + componentId + "' is registered.";
    }
}
