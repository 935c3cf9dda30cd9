package jp.hyoka.server.axon;

import com.fasterxml.jackson.databind.ObjectReader;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.AbstractMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * An aggregate's stored events as the messages a load replays, built straight from their rows (BENCHMARKS.md row 5).
 * Axon's own path ({@code EventStreamUtils.upcastAndDeserializeDomainEvents}) puts each row through an upcasting
 * representation and a stream stage, wraps it in a serialized message holding two lazily deserialized objects, and
 * resolves the payload's class by name three times per event (Class.forName, through Jackson's TypeFactory) and
 * Jackson's reader for it once more. With no upcaster configured none of that changes what is read. Here each payload
 * type's class and {@link ObjectReader} are resolved once, from the serializer's own mapper, and the payload and the
 * metadata are still deserialized when first asked, each once, by that mapper: the message holds what Axon's would
 * (same identifier, aggregate, sequence number, timestamp, payload and metadata; the same exceptions when a payload
 * cannot be read). A row whose class cannot be found goes through Axon's own path (it becomes Axon's unknown type).
 * The most frequent payload, {@code ItemAnswered}, is first offered to {@link ItemAnsweredReader}, which reads the
 * mapper's own shape by tokens and leaves every other shape to the mapper.
 */
final class LoadedEvents {

    private final JacksonSerializer serializer;
    private final boolean noUpcasters;
    /** Payload type name → its class and reader; absent: the class cannot be found (Axon's path answers for it). */
    private final Map<String, Optional<PayloadReader>> readers = new ConcurrentHashMap<>();
    /** The most frequent payload read by tokens when in the mapper's own shape (else by the mapper, as the rest). */
    private final ItemAnsweredReader itemsAnswered;

    LoadedEvents(Serializer serializer, EventUpcaster upcasterChain) {
        this.serializer = serializer instanceof JacksonSerializer jackson ? jackson : null;
        this.noUpcasters = upcasterChain == NoOpEventUpcaster.INSTANCE;
        this.itemsAnswered = this.serializer == null ? null
                : new ItemAnsweredReader(this.serializer.getObjectMapper().getFactory());
    }

    /** Whether rows can be turned into messages here (else Axon's upcasting path must read them). */
    boolean direct() {
        return serializer != null && noUpcasters;
    }

    /**
     * The stored event at the cursor; the columns in the order of {@link #columns}, from {@code first} on.
     */
    static Row row(ResultSet rows, int first) throws SQLException {
        return new Row(rows.getString(first), rows.getString(first + 1), rows.getLong(first + 2),
                rows.getString(first + 3), rows.getString(first + 4), rows.getString(first + 5),
                rows.getString(first + 6), rows.getBytes(first + 7), rows.getBytes(first + 8));
    }

    /** The event columns {@link #row} reads, in its order (Axon's schema names them). */
    static String columns(EventSchema schema) {
        return String.join(", ", schema.typeColumn(), schema.aggregateIdentifierColumn(),
                schema.sequenceNumberColumn(), schema.eventIdentifierColumn(), schema.timestampColumn(),
                schema.payloadTypeColumn(), schema.payloadRevisionColumn(), schema.payloadColumn(),
                schema.metaDataColumn());
    }

    /** The rows as the stream a load replays (only when {@link #direct()}). */
    DomainEventStream stream(List<Row> rows) {
        return stream(null, rows);
    }

    /**
     * The snapshot's message (if not null) followed by the rows' messages, as the stream a load replays (only when
     * {@link #direct()}); the rows in ascending sequence order, after the snapshot's.
     */
    DomainEventStream stream(DomainEventMessage<?> snapshot, List<Row> rows) {
        List<DomainEventMessage<?>> messages = new ArrayList<>(rows.size() + 1);
        if (snapshot != null) {
            messages.add(snapshot);
        }
        for (Row row : rows) {
            messages.add(message(row));
        }
        return new LoadedStream(messages);
    }

    private DomainEventMessage<?> message(Row row) {
        Optional<PayloadReader> reader = readers.computeIfAbsent(row.payloadType(), this::resolve);
        if (reader.isEmpty()) {
            return EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(row.entry()), serializer,
                    NoOpEventUpcaster.INSTANCE).next();
        }
        return new GenericDomainEventMessage<>(row.type(), row.aggregateIdentifier(), row.sequenceNumber(),
                new StoredMessage<>(row, reader.get(), serializer),
                () -> DateTimeUtils.parseInstant(row.timestamp()));
    }

    private Optional<PayloadReader> resolve(String payloadType) {
        Class<?> type = serializer.classForType(new SimpleSerializedType(payloadType, null));
        if (UnknownSerializedType.class.isAssignableFrom(type)) {
            return Optional.empty();
        }
        Function<byte[], Object> tokens = type == ItemAnswered.class ? itemsAnswered::read : json -> null;
        return Optional.of(new PayloadReader(type, serializer.getObjectMapper().readerFor(type), tokens));
    }

    /** One row of the event table, as a load reads it. */
    record Row(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
               String timestamp, String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {

        /** The same row as Axon's own entry (for its upcasting path and the snapshot filter). */
        GenericDomainEventEntry<byte[]> entry() {
            return new GenericDomainEventEntry<>(type, aggregateIdentifier, sequenceNumber, eventIdentifier,
                    timestamp, payloadType, payloadRevision, payload, metaData);
        }
    }

    /** A payload type's class, its reader, and a reader by tokens that answers null for what it leaves to the first. */
    private record PayloadReader(Class<?> type, ObjectReader reader, Function<byte[], Object> tokens) {

        Object read(byte[] payload) throws IOException {
            Object read = tokens.apply(payload);
            return read != null ? read : reader.readValue(payload);
        }
    }

    /**
     * A stored event's message: what Axon's {@code SerializedMessage} holds for the row, each part deserialized on
     * first use and then kept (payload by the pre-resolved reader; metadata, rarely asked for on a load, by the
     * serializer as Axon does).
     */
    private static final class StoredMessage<T> extends AbstractMessage<T> {

        private final transient Row row;
        private final transient PayloadReader reader;
        private final transient JacksonSerializer serializer;
        private volatile transient T payload;
        private volatile transient MetaData metaData;

        StoredMessage(Row row, PayloadReader reader, JacksonSerializer serializer) {
            super(row.eventIdentifier());
            this.row = row;
            this.reader = reader;
            this.serializer = serializer;
        }

        private StoredMessage(StoredMessage<T> message, MetaData metaData) {
            this(message.row, message.reader, message.serializer);
            this.payload = message.payload;
            this.metaData = metaData;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T getPayload() {
            T read = payload;
            if (read == null) {
                try {
                    read = (T) reader.read(row.payload());
                } catch (IOException e) {
                    throw new SerializationException("Error while deserializing payload of message "
                            + getIdentifier(), new SerializationException("Error while deserializing object", e));
                }
                payload = read;
            }
            return read;
        }

        @Override
        public MetaData getMetaData() {
            MetaData read = metaData;
            if (read == null) {
                try {
                    read = serializer.deserialize(row.entry().getMetaData());
                } catch (SerializationException e) {
                    throw new SerializationException("Error while deserializing meta data of message "
                            + getIdentifier(), e);
                }
                metaData = read;
            }
            return read;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Class<T> getPayloadType() {
            return (Class<T>) reader.type();
        }

        @Override
        protected Message<T> withMetaData(MetaData metaData) {
            if (getMetaData().equals(metaData)) {
                return this;
            }
            return new StoredMessage<>(this, metaData);
        }

        /** Kept as Axon keeps its serialized message: as a generic message of what it holds. */
        private Object writeReplace() {
            return new GenericMessage<>(getIdentifier(), getPayload(), getMetaData());
        }
    }
}
