package jp.hyoka.server.axon;

import jp.hyoka.server.observability.TracedAppends;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Axon's JDBC event store, plus the {@link EventAppendListener}s (the audit feature's hash chain), written on the
 * same connection in the same transaction: an append commits with what they wrote or not at all. (Other nodes hear
 * of an append after its commit, from {@link ClusterEventStore}.)
 *
 * <p>Axon appends in the prepare-commit phase of the unit of work, whose connection ({@code AxonConnections}) the
 * listeners share. An append outside any unit of work (Axon allows it, Hyoka does not do it) is given one, because
 * otherwise each statement would commit on its own.
 */
public final class NotifyingEventStorageEngine extends JdbcEventStorageEngine {

    private final List<EventAppendListener> listeners;
    private final TracedAppends tracing;

    public NotifyingEventStorageEngine(JdbcEventStorageEngine.Builder builder, List<EventAppendListener> listeners,
                                       TracedAppends tracing) {
        super(builder);
        this.listeners = List.copyOf(listeners);
        this.tracing = tracing;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        if (!CurrentUnitOfWork.isStarted()) {
            DefaultUnitOfWork.startAndGet(null).execute(() -> appendEvents(events, serializer));
            return;
        }
        tracing.append(events, traced -> appendAndNotify(traced, serializer));
    }

    private void appendAndNotify(List<? extends EventMessage<?>> events, Serializer serializer) {
        super.appendEvents(events, serializer);
        Connection connection = getConnection();
        try {
            for (EventAppendListener listener : listeners) {
                listener.appended(connection, events);
            }
        } catch (SQLException e) {
            throw new EventStoreException("The events could not be linked into their hash chain", e);
        } finally {
            JdbcUtils.closeQuietly(connection);     // the unit of work's connection: closed when it ends
        }
    }
}
