package jp.hyoka.server.axon;

import org.axonframework.eventhandling.EventMessage;

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

    /** @param events the appended messages, in append order (identifiers, and payloads as objects) */
    void appended(Connection connection, List<? extends EventMessage<?>> events) throws SQLException;
}
