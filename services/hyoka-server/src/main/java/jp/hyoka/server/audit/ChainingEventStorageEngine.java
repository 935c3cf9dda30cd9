package jp.hyoka.server.audit;

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
 * Axon's JDBC event store, plus a link in the tenant's hash chain for every event it appends, written on the same
 * connection in the same transaction: an append commits with its links or not at all.
 *
 * <p>Axon appends in the prepare-commit phase of the unit of work, whose connection ({@code AxonConnections}) the
 * links share. An append outside any unit of work (Axon allows it, Hyoka does not do it) is given one, because
 * otherwise each statement would commit on its own.
 */
public final class ChainingEventStorageEngine extends JdbcEventStorageEngine {

    public ChainingEventStorageEngine(JdbcEventStorageEngine.Builder builder) {
        super(builder);
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
        super.appendEvents(events, serializer);
        Connection connection = getConnection();
        try {
            List<String> ids = events.stream().map(EventMessage::getIdentifier).toList();
            ChainWriter.append(connection, StoredEvents.byIdentifiers(connection, ids));
        } catch (SQLException e) {
            throw new EventStoreException("The events could not be linked into their hash chain", e);
        } finally {
            JdbcUtils.closeQuietly(connection);     // the unit of work's connection: closed when it ends
        }
    }
}
