package jp.hyoka.domain.rejection;

/** The use's mode does not allow the change asked for (e.g. a detached copy is no longer followed). */
public record ComponentUseModeConflict(String useId, String mode, String reason) implements Rejection {
    @Override
    public String code() {
        return "COMPONENT_USE_MODE_CONFLICT";
    }

    @Override
    public String message() {
        return "Shared-component use '" + useId + "' is " + mode + ": " + reason + ".";
    }
}
