package jp.hyoka.server.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.Redaction;
import jp.hyoka.domain.assessment.event.PersonalDataRedacted;
import jp.hyoka.domain.integration.IntegrationEvent;
import jp.hyoka.domain.integration.IntegrationEvents;
import jp.hyoka.server.axon.AppendedEvent;
import jp.hyoka.server.axon.BesideInsert;
import jp.hyoka.server.axon.EventAppendListener;
import jp.hyoka.server.axon.EventJson;
import org.axonframework.eventhandling.EventMessage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The transactional outbox's writer: inside every append to the event store, on its connection and in its
 * transaction, each domain event that is told outside ({@link IntegrationEvents}) becomes a row of
 * {@code integration_outbox}. So a committed event always has its row and a rolled-back one never does; the relay
 * publishes the rows later, whatever the broker's state now. A redaction also rewrites the rows of that assessment
 * (published or not), so the outbox — and a replay from it — never holds withheld data.
 */
@Singleton
public class IntegrationOutbox implements EventAppendListener {

    private final ObjectMapper json = EventJson.objectMapper();     // to find the redacted text inside JSON

    @Override
    public void appended(Connection connection, List<AppendedEvent> events) throws SQLException {
        List<OutboxRows.Pending> rows = new ArrayList<>();
        for (AppendedEvent event : events) {
            EventMessage<?> message = event.message();
            if (message.getPayload() instanceof PersonalDataRedacted redacted) {
                OutboxRows.insert(connection, rows);            // earlier rows of this append are redacted too
                rows.clear();
                redact(connection, redacted);
            }
            IntegrationEvents.of(message.getPayload())
                    .ifPresent(told -> rows.add(new OutboxRows.Pending(message.getIdentifier(), told)));
        }
        OutboxRows.insert(connection, rows);
    }

    /**
     * The events told outside: their rows written in the events' insert round trip (one round trip less per such
     * command, BENCHMARKS.md rows 2 and 4), one statement each in append order as {@link #appended} writes them, after
     * the chain head's lock (the engine runs the chain's listener first), so the rows' positions are drawn in the
     * municipality's commit order; nothing when none is told. A redaction goes the general way ({@link #appended}: it
     * rewrites earlier rows).
     */
    @Override
    public BesideInsert besideInsert(List<AppendedEvent> events) {
        List<OutboxRows.Pending> rows = new ArrayList<>();
        for (AppendedEvent event : events) {
            EventMessage<?> message = event.message();
            if (message.getPayload() instanceof PersonalDataRedacted) {
                return BesideInsert.GENERAL_WAY;
            }
            IntegrationEvents.of(message.getPayload())
                    .ifPresent(told -> rows.add(new OutboxRows.Pending(message.getIdentifier(), told)));
        }
        if (rows.isEmpty()) {
            return BesideInsert.NOTHING;
        }
        return new BesideInsert.Sql() {
            @Override
            public String sql() {
                return String.join(";\n", Collections.nCopies(rows.size(), OutboxRows.INSERT));
            }

            @Override
            public int statements() {
                return rows.size();
            }

            @Override
            public int bind(PreparedStatement statement, int first) throws SQLException {
                int next = first;
                for (OutboxRows.Pending row : rows) {
                    next = OutboxRows.bind(statement, next, row);
                }
                return next;
            }

            @Override
            public void executed(Statement statement) {
                // the row, or none when it was written before (ON CONFLICT DO NOTHING): both are right
            }
        };
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

    /**
     * Tells events that no domain event carries (a deadline reached), on the caller's connection and transaction. Each
     * is named by its origin ({@code origin → event}): telling the same origin again adds nothing, on any node.
     */
    public static void tell(Connection connection, Map<String, IntegrationEvent> byOrigin) throws SQLException {
        OutboxRows.insert(connection, byOrigin.entrySet().stream()
                .map(told -> new OutboxRows.Pending(told.getKey(), told.getValue())).toList());
    }
}
