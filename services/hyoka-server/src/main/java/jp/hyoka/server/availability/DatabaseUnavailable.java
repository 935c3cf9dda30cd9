package jp.hyoka.server.availability;

/**
 * An edit met a database outage. {@code mayHaveBeenStored}: the command had been handed to the event store when the
 * connection failed, so its commit may have happened; false when nothing was sent.
 */
public final class DatabaseUnavailable extends RuntimeException {

    /** What a client is told to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 1;

    private final boolean mayHaveBeenStored;

    public DatabaseUnavailable(boolean mayHaveBeenStored, Throwable cause) {
        super(mayHaveBeenStored ? "the database failed while the edit was being stored"
                : "the database failed before the edit was sent", cause);
        this.mayHaveBeenStored = mayHaveBeenStored;
    }

    public boolean mayHaveBeenStored() {
        return mayHaveBeenStored;
    }
}
