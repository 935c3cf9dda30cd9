package jp.hyoka.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.hyoka.domain.audit.ChainedEvent;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Events read back from {@code domainevententry} exactly as stored, so a hash covers the stored bytes and not a
 * re-serialization that might differ. The tenant is read from the payload JSON as well, so appending, backfilling
 * and verifying all assign an event to the same chain.
 */
final class StoredEvents {

    /** The chain of events that name no municipality: the shared-component catalogue's, for one. */
    static final String PLATFORM = "platform";
    static final String COLUMNS = "d.eventidentifier, d.aggregateidentifier, d.sequencenumber, d.payloadtype, "
            + "d.timestamp, d.payload";

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredEvents() {
    }

    /** The named events, in the order they were inserted. */
    static List<TenantEvent> byIdentifiers(Connection connection, List<String> eventIds) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM domainevententry d WHERE d.eventidentifier = ANY (?) ORDER BY d.globalindex")) {
            Array ids = connection.createArrayOf("varchar", eventIds.toArray());
            select.setArray(1, ids);
            return read(select);
        }
    }

    /** Events without a link, oldest first (normally none: only events from before the chain existed). */
    static List<TenantEvent> unchained(Connection connection, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM domainevententry d"
                + " WHERE NOT EXISTS (SELECT 1 FROM event_chain c WHERE c.event_identifier = d.eventidentifier)"
                + " ORDER BY d.globalindex LIMIT ?")) {
            select.setInt(1, limit);
            return read(select);
        }
    }

    static ChainedEvent event(ResultSet row) throws SQLException {
        return new ChainedEvent(row.getString("eventidentifier"), row.getString("aggregateidentifier"),
                row.getLong("sequencenumber"), row.getString("payloadtype"), row.getString("timestamp"),
                new String(row.getBytes("payload"), StandardCharsets.UTF_8));
    }

    /**
     * The municipality an event belongs to: {@code tenant} in every assessment event, {@code municipality} in the
     * platform's onboarding event; anything else (or a payload that is no JSON object) goes to the platform chain.
     */
    static String tenantOf(String payload) {
        try {
            JsonNode json = JSON.readTree(payload);
            for (String field : List.of("tenant", "municipality")) {
                if (json != null && json.path(field).isTextual()) {
                    return json.path(field).asText();
                }
            }
        } catch (JsonProcessingException e) {
            // A payload that is not JSON was not written by Hyoka; it cannot name a tenant.
        }
        return PLATFORM;
    }

    private static List<TenantEvent> read(PreparedStatement select) throws SQLException {
        List<TenantEvent> events = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ChainedEvent event = event(rows);
                events.add(new TenantEvent(tenantOf(event.payload()), event));
            }
        }
        return events;
    }
}
