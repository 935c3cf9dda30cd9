package jp.hyoka.domain.rejection;

/** The assessment has no use of a shared component with this id (never inserted, or its entry was removed). */
public record ComponentUseNotFound(String assessmentId, String useId) implements Rejection {
    @Override
    public String code() {
        return "COMPONENT_USE_NOT_FOUND";
    }

    @Override
    public String message() {
        return "Assessment " + assessmentId + " has no shared-component use '" + useId + "'.";
    }
}
