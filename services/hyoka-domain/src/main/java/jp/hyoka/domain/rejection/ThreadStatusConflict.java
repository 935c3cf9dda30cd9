package jp.hyoka.domain.rejection;

/** The thread is already where the command would take it: resolving a resolved one, reopening an open one. */
public record ThreadStatusConflict(String threadId, String status) implements Rejection {
    @Override
    public String code() {
        return "THREAD_STATUS_CONFLICT";
    }

    @Override
    public String message() {
        return "Review thread " + threadId + " is already " + status + ".";
    }
}
