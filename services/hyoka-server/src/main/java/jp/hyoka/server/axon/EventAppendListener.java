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
}
