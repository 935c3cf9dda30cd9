package jp.hyoka.server.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
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
        try (JsonParser parser = JSON.getFactory().createParser(payload)) {
            Named named = topLevel(parser, false);
            return named == null ? PLATFORM : named.tenant() != null ? named.tenant()
                    : named.municipality() != null ? named.municipality() : PLATFORM;
        } catch (IOException e) {
            return PLATFORM;    // a payload that is not JSON was not written by Hyoka; it cannot name a tenant
        }
    }

    /** The texts of an object's top-level {@code tenant} and {@code municipality} fields (null: none, or no text). */
    private record Named(String tenant, String municipality) {
    }

    /**
     * The top level of a JSON object, read field by field: the last {@code tenant} and {@code municipality} (a
     * repeated field: the last one counts, as in a tree), or the first {@code tenant} alone and nothing further if
     * {@code untilTenant}; null if the JSON is no object.
     */
    private static Named topLevel(JsonParser parser, boolean untilTenant) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        String tenant = null;
        String municipality = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            String text = value == JsonToken.VALUE_STRING ? parser.getText() : null;
            if (field.equals("tenant")) {
                tenant = text;
                if (untilTenant) {
                    break;
                }
            } else if (field.equals("municipality")) {
                municipality = text;
            }
            parser.skipChildren();
        }
        return new Named(tenant, municipality);
    }

    /** The event with the chain its payload names. */
    static TenantEvent tenantEvent(ChainedEvent event) {
        return new TenantEvent(tenantOf(event.payload()), event);
    }

    /**
     * The chain of an event being appended, the one {@link #tenantOf} names for its payload: an assessment event's
     * tenant as its object names it, checked against the payload's first top-level {@code tenant} (a few tokens in:
     * the envelope comes first); any other event (small) by {@link #tenantOf} of its whole payload. Why not read the
     * whole payload: an import's content is ~100 KB, and tokenising it was 5 % of the importing thread (row 4).
     * Why the first {@code tenant} is the one the whole payload names: the payload is written by the stored messages'
     * serializer, which refuses to write any property twice into one object ({@code EventJson.storedMessages}), so it
     * has one such field at the top level, and it is well-formed (StoredEventsTest, on every assessment event type and
     * every sample's import; StoredMessagesTest, on mappings that would repeat it).
     *
     * @param event   the event object appended (its payload)
     * @param payload its serialized payload as bound to the insert
     * @throws IllegalStateException when the object and its payload name different municipalities (a fault: the event
     *                               must not be linked into either chain)
     */
    static String tenantOfAppended(Object event, byte[] payload) {
        if (event instanceof AssessmentEvent assessmentEvent && assessmentEvent.tenant() != null) {
            String tenant = assessmentEvent.tenant().value();
            String written = firstTopLevelTenant(payload);
            if (!tenant.equals(written)) {
                throw new IllegalStateException("the " + event.getClass().getSimpleName() + " of municipality "
                        + tenant + " was serialized naming " + written);
            }
            return tenant;
        }
        return tenantOf(new String(payload, StandardCharsets.UTF_8));
    }

    /** The text of the first top-level {@code tenant} field of a JSON object; null if it has none or it is no text. */
    static String firstTopLevelTenant(byte[] payload) {
        try (JsonParser parser = JSON.getFactory().createParser(payload)) {
            Named named = topLevel(parser, true);
            return named == null ? null : named.tenant();
        } catch (IOException e) {
            return null;
        }
    }
}
