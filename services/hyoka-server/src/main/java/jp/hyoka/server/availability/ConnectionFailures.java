package jp.hyoka.server.availability;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Recognises a failure caused by the database being out of reach rather than by the request: anywhere in the cause
 * chain, a connection exception (SQLState class 08), an administrator or crash shutdown of the server (57P01..57P03),
 * the pool timing out for a connection (Hikari's {@link SQLTransientConnectionException}), or a connection the pool
 * had already closed because it broke (Hikari's "Connection is closed", without SQLState: it is what a {@code finally}
 * that rolls back on a broken connection throws, hiding the original failure).
 */
public final class ConnectionFailures {

    private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");
    private static final int MAX_DEPTH = 32;
    private static final String CLOSED_BY_POOL = "Connection is closed";

    private ConnectionFailures() {
    }

    public static boolean causedBy(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < MAX_DEPTH; cause = cause.getCause(), depth++) {
            if (cause instanceof DatabaseUnavailable || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && (isConnectionState(sql.getSQLState())
                    || sql.getSQLState() == null && CLOSED_BY_POOL.equals(sql.getMessage()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Only the pool giving up on a connection (its timeout, or the database declared unavailable): a failure a second
     * wait for the pool would meet again. A single broken pooled connection is not one — the next one may be fine.
     */
    public static boolean poolGaveUp(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < MAX_DEPTH; cause = cause.getCause(), depth++) {
            if (cause instanceof DatabaseUnavailable || cause instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || SHUTDOWN_STATES.contains(state));
    }
}
