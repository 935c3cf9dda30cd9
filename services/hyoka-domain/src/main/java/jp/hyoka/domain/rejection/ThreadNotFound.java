package jp.hyoka.domain.rejection;

/**
 * No review thread with this id in the caller's municipality. Another municipality's thread gets the same answer:
 * whether an id exists elsewhere must not leak.
 */
public record ThreadNotFound(String threadId) implements Rejection {
    @Override
    public String code() {
        return "THREAD_NOT_FOUND";
    }

    @Override
    public String message() {
        return "No review thread " + threadId + " in your municipality.";
    }
}
