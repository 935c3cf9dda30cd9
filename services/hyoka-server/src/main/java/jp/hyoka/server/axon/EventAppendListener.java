package jp.hyoka.server.axon;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs inside every append to the event store, on its connection and in its transaction: the append commits with
 * what the listener wrote or not at all. The audit feature links each event into its tenant's hash chain this way.
 */
public interface EventAppendListener {

    /** Once, before Axon starts: bring up to date whatever was appended before the listener existed. */
    default void beforeStart() {
    }

    /**
     * @param events the appended events in append order: each its message (payload as an object) and its row as
     *               written (payload bytes as stored)
     */
    void appended(Connection connection, List<AppendedEvent> events) throws SQLException;

    /**
     * For an append of one event (most commands): the statement to send in the insert's round trip instead of being
     * called at {@link #appended} ({@link BesideInsert}), {@link BesideInsert#NOTHING} when there is nothing to
     * write, or null (the default) to be called at {@link #appended} as for any append.
     */
    default BesideInsert besideInsert(AppendedEvent event) {
        return null;
    }
}
