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

    /** @param eventIdentifiers the appended events, in append order */
    void appended(Connection connection, List<String> eventIdentifiers) throws SQLException;

    /**
     * The same with the appended messages themselves (their payloads as objects), for a listener that derives rows
     * from what the events say; by default, their identifiers.
     */
    default void appendedMessages(Connection connection, List<? extends EventMessage<?>> events) throws SQLException {
        appended(connection, events.stream().map(EventMessage::getIdentifier).toList());
    }
}
