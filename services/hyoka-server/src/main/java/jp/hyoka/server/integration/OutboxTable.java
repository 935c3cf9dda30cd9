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

/** The relay's reads and writes of {@code integration_outbox} (V12), and its lag as operators see it. */
final class OutboxTable {

    /** How far the relay is behind, and how much it has published. */
    record Lag(long waiting, Double oldestWaitingAgeSeconds, long publishedTotal, boolean relayActive) {
    }

    private OutboxTable() {
    }

    /**
     * The oldest unpublished rows after {@code position} (0: all), in position order (the partial index
     * integration_outbox_unpublished).
     */
    static List<OutboxRow> waiting(Connection connection, long position, int limit) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT position, event_id, topic, message_key, "
                + "type, source, subject, dataschema, tenant_code, occurred_at, payload::text FROM integration_outbox "
                + "WHERE published_at IS NULL AND position > ? ORDER BY position LIMIT ?")) {
            select.setLong(1, position);
            select.setInt(2, limit);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new OutboxRow(row.getLong(1), row.getObject(2, UUID.class), row.getString(3),
                            row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                            row.getString(9), row.getTimestamp(10).toInstant(), row.getString(11)));
                }
            }
        }
        return rows;
    }

    /** Marks rows the broker has acknowledged; one statement, autocommit. */
    static void markPublished(Connection connection, List<OutboxRow> rows) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE integration_outbox SET published_at = "
                + "now() WHERE position = ANY (?) AND published_at IS NULL")) {
            update.setArray(1, connection.createArrayOf("bigint",
                    rows.stream().map(OutboxRow::position).toArray(Long[]::new)));
            update.executeUpdate();
        }
    }

    static Lag lag(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT "
                     + "(SELECT count(*) FROM integration_outbox WHERE published_at IS NULL), "
                     + "(SELECT min(created_at) FROM integration_outbox WHERE published_at IS NULL), "
                     + "(SELECT count(*) FROM integration_outbox WHERE published_at IS NOT NULL), now()");
             ResultSet row = select.executeQuery()) {
            row.next();
            Timestamp oldest = row.getTimestamp(2);
            Double age = oldest == null ? null
                    : Math.max(0, (row.getTimestamp(4).getTime() - oldest.getTime()) / 1000.0);
            return new Lag(row.getLong(1), age, row.getLong(3),
                    AdvisoryLock.heldAnywhere(connection, OutboxRelay.LOCK));
        }
    }
}
