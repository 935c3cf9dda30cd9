package jp.hyoka.domain.rejection;

/** The client edited revision {@code expectedRevision}, but the assessment has moved on to {@code currentRevision}. */
public record StaleRevision(String assessmentId, long expectedRevision, long currentRevision) implements Rejection {
    @Override
    public String code() {
        return "STALE_REVISION";
    }

    @Override
    public String message() {
        return "You edited revision " + expectedRevision + " but the assessment is at revision " + currentRevision
                + "; reload, review the changes since, and try again.";
    }
}
