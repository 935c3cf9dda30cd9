package jp.hyoka.server.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.hyoka.domain.integration.IntegrationEvent;
import jp.hyoka.server.axon.EventJson;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/**
 * Writes integration events as outbox rows, each queued for the relay, on the caller's connection (its transaction);
 * a row written before stays as it is.
 */
final class OutboxRows {

    /** An event to write, and what its CloudEvents id is derived from (the same origin always gives the same id). */
    record Pending(String origin, IntegrationEvent event) {
    }

    private static final ObjectMapper JSON = EventJson.objectMapper();

    private OutboxRows() {
    }

    static void insert(Connection connection, List<Pending> pending) throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Pending row : pending) {
                bind(insert, 1, row);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The row and its place in the relay's queue in one statement (V13); neither when the row was written before. */
    static final String INSERT = """
            WITH written AS (
                INSERT INTO integration_outbox (event_id, domain_event_id, topic, message_key, type, source,
                    subject, dataschema, tenant_code, occurred_at, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (event_id) DO NOTHING
                RETURNING position)
            INSERT INTO integration_outbox_queue (position) SELECT position FROM written""";

    /** Binds {@link #INSERT}'s parameters for {@code row} from {@code first}; answers the index after them. */
    static int bind(PreparedStatement insert, int first, Pending row) throws SQLException {
        IntegrationEvent event = row.event();
        insert.setObject(first, eventId(row.origin(), event));
        insert.setString(first + 1, row.origin());
        insert.setString(first + 2, Topics.of(event));
        insert.setString(first + 3, Topics.key(event));
        insert.setString(first + 4, event.type());
        insert.setString(first + 5, Topics.source(event));
        insert.setString(first + 6, event.subject());
        insert.setString(first + 7, Topics.dataschema(event));
        insert.setString(first + 8, event.tenant());
        insert.setTimestamp(first + 9, Timestamp.from(event.occurredAt()));
        insert.setString(first + 10, json(event));
        return first + 11;
    }

    /** The CloudEvents id: the same for the same origin and contract, whenever it is derived (replays too). */
    static UUID eventId(String origin, IntegrationEvent event) {
        return UUID.nameUUIDFromBytes((origin + "|" + event.type()).getBytes(StandardCharsets.UTF_8));
    }

    /** The payload as the outbox stores it. */
    static String json(IntegrationEvent event) {
        try {
            return JSON.writeValueAsString(event.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("integration payload of " + event.type() + " is not JSON", e);
        }
    }
}
