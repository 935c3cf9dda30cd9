package jp.hyoka.domain.rejection;

/**
 * No assessment with this id exists for the caller's tenant. Another tenant's assessment gets the same answer on
 * purpose: whether an id exists elsewhere is itself information that must not leak.
 */
public record AssessmentNotFound(String assessmentId) implements Rejection {
    @Override
    public String code() {
        return "ASSESSMENT_NOT_FOUND";
    }

    @Override
    public String message() {
        return "No assessment " + assessmentId + " in your municipality.";
    }
}
