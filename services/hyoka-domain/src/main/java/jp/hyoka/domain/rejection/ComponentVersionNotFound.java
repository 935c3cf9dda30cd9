package jp.hyoka.domain.rejection;

/** The shared component has no such version (never drafted, or withdrawn). */
public record ComponentVersionNotFound(String componentId, int version) implements Rejection {
    @Override
    public String code() {
        return "COMPONENT_VERSION_NOT_FOUND";
    }

    @Override
    public String message() {
        return "Shared component '" + componentId + "' has no version " + version + ".";
    }
}
