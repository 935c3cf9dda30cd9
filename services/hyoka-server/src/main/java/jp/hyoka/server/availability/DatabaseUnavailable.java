package jp.hyoka.server.availability;

/**
 * An edit met a database outage. {@code mayHaveBeenStored}: the connection failed where the command's commit may have
 * happened; false when it provably did not (nothing sent, or the aggregate could not even be loaded).
 */
public final class DatabaseUnavailable extends RuntimeException {

    /** What a client is told to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 1;
    private static final int MAX_DEPTH = 32;
    private static final String AXON_REPOSITORY = "org.axonframework.modelling.command.AbstractRepository";

    private final boolean mayHaveBeenStored;

    public DatabaseUnavailable(boolean mayHaveBeenStored, Throwable cause) {
        super(mayHaveBeenStored ? "the database failed while the edit was being stored"
                : "the database failed before the edit was sent", cause);
        this.mayHaveBeenStored = mayHaveBeenStored;
    }

    /**
     * An outage met by a command on its way through the event store. It may have been stored unless it failed
     * loading its aggregate: the unit of work then never reached its commit. The load is recognised by Axon's
     * repository on the failure's stack; where that is not found, the answer stays the safe one (may have been).
     */
    public static DatabaseUnavailable whileSending(Throwable failure) {
        return new DatabaseUnavailable(!failedLoading(failure), failure);
    }

    /** Whether an edit that failed with {@code failure} may have been stored: false unless it met an outage here. */
    public static boolean mayHaveBeenStored(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < MAX_DEPTH; cause = cause.getCause(), depth++) {
            if (cause instanceof DatabaseUnavailable unavailable) {
                return unavailable.mayHaveBeenStored();
            }
        }
        return false;
    }

    static boolean failedLoading(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < MAX_DEPTH; cause = cause.getCause(), depth++) {
            for (StackTraceElement frame : cause.getStackTrace()) {
                if (frame.getClassName().equals(AXON_REPOSITORY) && frame.getMethodName().equals("load")) {
                    return true;
                }
            }
        }
        return false;
    }

    public boolean mayHaveBeenStored() {
        return mayHaveBeenStored;
    }
}
