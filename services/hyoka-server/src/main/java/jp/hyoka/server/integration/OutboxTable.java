package jp.hyoka.server.integration;

import jp.hyoka.server.database.AdvisoryLock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The relay's reads and writes of the outbox ({@code integration_outbox}, V12) and its queue
 * ({@code integration_outbox_queue}, V13), and its lag as operators see it.
 */
final class OutboxTable {

    /** How far the relay is behind, and how much it has published. */
    record Lag(long waiting, Double oldestWaitingAgeSeconds, long publishedTotal, boolean relayActive) {
    }

    private OutboxTable() {
    }

    /**
     * The oldest waiting rows within {@code unsent}'s ranges (every position the relay has not sent and seen marked
     * since), at most {@code limit}, in position order: the lowest queue entries of each range (V13), merged, then
     * their rows by key in one index scan. (Joined plainly, the planner scanned the whole outbox, published rows and
     * all, for every batch: 25–37 ms a batch of 500 at 50,000 rows.) A range below the sent rows walks the queue
     * index's entries of rows marked since the last vacuum, as a read from the start always did.
     */
    static List<OutboxRow> waiting(Connection connection, SentRows.Unsent unsent, int limit) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT position, event_id, topic, message_key, type, source, subject, dataschema, tenant_code,
                    occurred_at, payload::text
                FROM integration_outbox WHERE position = ANY (ARRAY(
                    SELECT waiting.position FROM unnest(?::bigint[], ?::bigint[]) AS unsent(low, high)
                    CROSS JOIN LATERAL (SELECT position FROM integration_outbox_queue
                        WHERE position BETWEEN unsent.low AND unsent.high ORDER BY position LIMIT ?) AS waiting
                    ORDER BY waiting.position LIMIT ?))
                ORDER BY position""")) {
            select.setObject(1, unsent.from());
            select.setObject(2, unsent.to());
            select.setInt(3, limit);
            select.setInt(4, limit);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new OutboxRow(row.getLong(1), row.getObject(2, UUID.class), row.getString(3),
                            row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                            row.getString(9), row.getTimestamp(10).toInstant(), row.getBytes(11)));
                }
            }
        }
        return rows;
    }

    /**
     * Marks rows the broker has acknowledged: their queue entries deleted, one statement, autocommit. (Deleting a
     * small entry only stamps it; updating the row itself wrote a new ~1 KB version and index entries.)
     */
    static void markPublished(Connection connection, List<OutboxRow> rows) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM integration_outbox_queue WHERE position = ANY (?)")) {
            delete.setArray(1, connection.createArrayOf("bigint",
                    rows.stream().map(OutboxRow::position).toArray(Long[]::new)));
            delete.executeUpdate();
        }
    }

    /**
     * The lag; {@code countPublished}: also how many rows were ever published (a count of the whole outbox: for an
     * operator's question, not for a gauge read every few seconds).
     */
    static Lag lag(DataSource dataSource, boolean countPublished) throws SQLException {
        // published: every row not waiting (a row queued again by a replay counts as waiting until it is sent again)
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT count(*), min(queued_at), now(), "
                     + (countPublished ? "(SELECT count(*) FROM integration_outbox) - count(*)" : "0")
                     + " FROM integration_outbox_queue");
             ResultSet row = select.executeQuery()) {
            row.next();
            Timestamp oldest = row.getTimestamp(2);
            Double age = oldest == null ? null
                    : Math.max(0, (row.getTimestamp(3).getTime() - oldest.getTime()) / 1000.0);
            return new Lag(row.getLong(1), age, row.getLong(4),
                    AdvisoryLock.heldAnywhere(connection, OutboxRelay.LOCK));
        }
    }
}
