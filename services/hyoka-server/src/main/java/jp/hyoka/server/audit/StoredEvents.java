package jp.hyoka.server.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.hyoka.domain.audit.ChainedEvent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Events read back from {@code domainevententry} exactly as stored (backfill and verification), so a hash covers the
 * stored bytes and not a re-serialization that might differ; an append hashes the bytes it binds to the insert
 * ({@code AppendedEvent}), the same bytes. The tenant is read from the payload JSON in every case, so appending,
 * backfilling and verifying all assign an event to the same chain.
 */
final class StoredEvents {

    /** The chain of events that name no municipality: the shared-component catalogue's, for one. */
    static final String PLATFORM = "platform";
    static final String COLUMNS = "d.eventidentifier, d.aggregateidentifier, d.sequencenumber, d.payloadtype, "
            + "d.timestamp, d.payload";

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredEvents() {
    }

    /**
     * Events above global index {@code after} without a link, oldest first (normally none: only events from before
     * the chain existed, or appended by a node of a version before it).
     */
    static List<TenantEvent> unchained(Connection connection, long after, int limit) throws SQLException {
        return unchainedPage(connection, after, limit).events();
    }

    /** Up to a page of unlinked events, and the global index of the last one (the next page's lower bound). */
    record UnchainedPage(List<TenantEvent> events, long lastIndex) {
    }

    /**
     * {@link #unchained}, with the global index of the last event read: a reader of many pages starts each after the
     * last event of the one before, so no event is looked at twice (from one fixed bound, every page scanned the
     * events the pages before had just linked again: quadratic in the unlinked events of a database upgraded from
     * before the chain).
     */
    static UnchainedPage unchainedPage(Connection connection, long after, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + ", d.globalindex"
                + " FROM domainevententry d WHERE d.globalindex > ?"
                + " AND NOT EXISTS (SELECT 1 FROM event_chain c WHERE c.event_identifier = d.eventidentifier)"
                + " ORDER BY d.globalindex LIMIT ?")) {
            select.setLong(1, after);
            select.setInt(2, limit);
            List<TenantEvent> events = new ArrayList<>();
            long last = after;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(tenantEvent(event(rows)));
                    last = rows.getLong("globalindex");
                }
            }
            return new UnchainedPage(events, last);
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
        // One pass over the top level of the object (appends hash ~1 KB payloads by the thousand): the same answer as
        // reading it into a tree and asking for the fields (StoredEventsTest), without building the tree.
        String tenant = null;
        String municipality = null;
        try (JsonParser parser = JSON.getFactory().createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return PLATFORM;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                String text = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                if (field.equals("tenant")) {
                    tenant = text;                  // a repeated field: the last one counts, as in a tree
                } else if (field.equals("municipality")) {
                    municipality = text;
                }
                parser.skipChildren();
            }
        } catch (IOException e) {
            return PLATFORM;    // a payload that is not JSON was not written by Hyoka; it cannot name a tenant
        }
        return tenant != null ? tenant : municipality != null ? municipality : PLATFORM;
    }

    /** The event with the chain its payload names. */
    static TenantEvent tenantEvent(ChainedEvent event) {
        return new TenantEvent(tenantOf(event.payload()), event);
    }
}
