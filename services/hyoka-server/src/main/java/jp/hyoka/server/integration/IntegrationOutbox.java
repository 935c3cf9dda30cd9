package jp.hyoka.server.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.Redaction;
import jp.hyoka.domain.assessment.event.PersonalDataRedacted;
import jp.hyoka.domain.integration.IntegrationEvent;
import jp.hyoka.domain.integration.IntegrationEvents;
import jp.hyoka.server.axon.EventAppendListener;
import jp.hyoka.server.axon.EventJson;
import org.axonframework.eventhandling.EventMessage;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The transactional outbox's writer: inside every append to the event store, on its connection and in its
 * transaction, each domain event that is told outside ({@link IntegrationEvents}) becomes a row of
 * {@code integration_outbox}. So a committed event always has its row and a rolled-back one never does; the relay
 * publishes the rows later, whatever the broker's state now. A redaction also rewrites the rows of that assessment
 * (published or not), so the outbox — and a replay from it — never holds withheld data.
 */
@Singleton
public class IntegrationOutbox implements EventAppendListener {

    private final ObjectMapper json = EventJson.objectMapper();

    @Override
    public void appended(Connection connection, List<String> eventIdentifiers) {
        throw new UnsupportedOperationException("the outbox reads the appended messages (appendedMessages)");
    }

    @Override
    public void appendedMessages(Connection connection, List<? extends EventMessage<?>> events) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO integration_outbox (event_id, domain_event_id, topic, message_key, type, source, subject,
                    dataschema, tenant_code, occurred_at, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (event_id) DO NOTHING""")) {
            int rows = 0;
            for (EventMessage<?> message : events) {
                if (message.getPayload() instanceof PersonalDataRedacted redacted) {
                    redact(connection, redacted);
                }
                Optional<IntegrationEvent> told = IntegrationEvents.of(message.getPayload());
                if (told.isPresent()) {
                    bind(insert, message.getIdentifier(), told.get());
                    insert.addBatch();
                    rows++;
                }
            }
            if (rows > 0) {
                insert.executeBatch();
            }
        }
    }

    private void bind(PreparedStatement insert, String domainEventId, IntegrationEvent event) throws SQLException {
        insert.setObject(1, eventId(domainEventId, event));
        insert.setString(2, domainEventId);
        insert.setString(3, Topics.of(event));
        insert.setString(4, Topics.key(event));
        insert.setString(5, event.type());
        insert.setString(6, Topics.source(event));
        insert.setString(7, event.subject());
        insert.setString(8, Topics.dataschema(event));
        insert.setString(9, event.tenant());
        insert.setTimestamp(10, Timestamp.from(event.occurredAt()));
        try {
            insert.setString(11, json.writeValueAsString(event.payload()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("integration payload of " + event.type() + " is not JSON", e);
        }
    }

    /** The CloudEvents id: the same for the same domain event and contract, whenever it is derived (replays too). */
    static UUID eventId(String domainEventId, IntegrationEvent event) {
        return UUID.nameUUIDFromBytes((domainEventId + "|" + event.type()).getBytes(StandardCharsets.UTF_8));
    }

    private void redact(Connection connection, PersonalDataRedacted redacted) throws SQLException {
        String text;
        try {
            // the text as it appears inside a JSON string (quotes, backslashes escaped), without the quotes
            String quoted = json.writeValueAsString(redacted.text());
            text = quoted.substring(1, quoted.length() - 1);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE integration_outbox SET payload = replace(payload::text, ?, ?)::jsonb
                WHERE tenant_code = ? AND subject = ? AND strpos(payload::text, ?) > 0""")) {
            update.setString(1, text);
            update.setString(2, Redaction.REPLACEMENT);
            update.setString(3, redacted.tenant().value());
            update.setString(4, redacted.assessmentId().toString());
            update.setString(5, text);
            update.executeUpdate();
        }
    }
}
