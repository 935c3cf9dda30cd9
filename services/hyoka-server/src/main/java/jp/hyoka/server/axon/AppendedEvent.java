package jp.hyoka.server.axon;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One appended event as the row of {@code domainevententry} it is written as: the columns are computed here once,
 * bound to the insert from here, and handed to the {@link EventAppendListener}s as they are, so a listener sees the
 * stored bytes without reading them back (the hash chain hashes exactly these). Same columns and values as Axon's
 * own append ({@code JdbcEventStorageEngineStatements.appendEvents}, V1's column types: payload and metadata
 * {@code bytea}, timestamp text as {@link DateTimeUtils#formatInstant} writes it: {@link InstantText#axonTimestamp}).
 *
 * @param message the message appended (its payload as an object)
 * @param aggregateType the {@code type} column: null for an event that is not an aggregate's
 */
public record AppendedEvent(EventMessage<?> message, String eventIdentifier, String aggregateIdentifier,
                            long sequenceNumber, String aggregateType, String timestamp, String payloadType,
                            String payloadRevision, byte[] payload, byte[] metaData) {

    /** The row of {@code message}, serialized by {@code serializer} (an event of no aggregate as Axon stores it). */
    static AppendedEvent of(EventMessage<?> message, Serializer serializer) {
        DomainEventMessage<?> event = message instanceof DomainEventMessage<?> domain ? domain
                : new GenericDomainEventMessage<>(null, message.getIdentifier(), 0L, message, message::getTimestamp);
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
        return new AppendedEvent(message, event.getIdentifier(), event.getAggregateIdentifier(),
                event.getSequenceNumber(), event.getType(), InstantText.axonTimestamp(event.getTimestamp()),
                payload.getType().getName(), payload.getType().getRevision(), payload.getData(), metaData.getData());
    }

    /**
     * Binds the row to {@code insert}'s parameters from {@code first} (the columns in {@code
     * EventSchema.domainEventFields()} order); answers the index after them.
     */
    int bindTo(PreparedStatement insert, int first) throws SQLException {
        insert.setString(first, eventIdentifier);
        insert.setString(first + 1, aggregateIdentifier);
        insert.setLong(first + 2, sequenceNumber);
        insert.setString(first + 3, aggregateType);
        insert.setString(first + 4, timestamp);
        insert.setString(first + 5, payloadType);
        insert.setString(first + 6, payloadRevision);
        insert.setBytes(first + 7, payload);
        insert.setBytes(first + 8, metaData);
        return first + 9;
    }
}
