package jp.hyoka.domain.audit;

import java.util.Objects;

/**
 * What a link's hash covers of one stored event, exactly as the event store holds it: its identity, its place in
 * its aggregate's stream, its type, its timestamp and its payload (the serialized JSON). Values are the stored
 * text, never re-serialized, so verification reads back precisely what was hashed when it was appended.
 *
 * @param type the payload type (the event's class name, e.g. {@code jp.hyoka.domain.assessment.event.ItemAnswered})
 * @param timestamp the stored timestamp text (ISO-8601)
 * @param payload the stored payload, decoded as UTF-8
 */
public record ChainedEvent(String eventId, String aggregateId, long sequenceNumber, String type, String timestamp,
                           String payload) {

    public ChainedEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(payload, "payload");
    }
}
