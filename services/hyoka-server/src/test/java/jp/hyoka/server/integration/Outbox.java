package jp.hyoka.server.integration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The outbox as the tests fill and read it: rows inserted with plain JDBC, as the append listener writes them (the
 * mapping from domain events is not the relay's business), each on a topic of the test's own.
 */
final class Outbox {

    /** A row as inserted. */
    record Row(long position, UUID eventId, String key, String payload) {
    }

    private final DataSource dataSource;

    Outbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts {@code count} rows on {@code topic}, alternating between {@code keys}, in one transaction. */
    List<Row> insert(String topic, int count, String... keys) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("WITH written AS (INSERT INTO integration_outbox (event_id, "
                     + "domain_event_id, topic, message_key, type, source, subject, dataschema, tenant_code, "
                     + "occurred_at, payload) VALUES (?, ?, ?, ?, 'jp.hyoka.test.happened.v1', '/hyoka/141305', ?, "
                     + "'https://hyoka.jp/schema/events/test-happened.v1.json', '141305', ?, ?::jsonb) "
                     + "RETURNING position) "
                     + "INSERT INTO integration_outbox_queue (position) SELECT position FROM written RETURNING position")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                UUID eventId = UUID.randomUUID();
                String key = keys[i % keys.length];
                String payload = "{\"n\": " + i + ", \"key\": \"" + key + "\", \"text\": \"評価書\"}";
                insert.setObject(1, eventId);
                insert.setString(2, UUID.randomUUID().toString());
                insert.setString(3, topic);
                insert.setString(4, key);
                insert.setString(5, "assessments/" + key);
                insert.setTimestamp(6, Timestamp.from(Instant.parse("2026-12-06T08:00:00.123Z")));
                insert.setString(7, payload);
                try (ResultSet position = insert.executeQuery()) {
                    position.next();
                    rows.add(new Row(position.getLong(1), eventId, key, payload));
                }
            }
            connection.commit();
        }
        return rows;
    }

    long waiting() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet row = connection.createStatement().executeQuery(
                     "SELECT count(*) FROM integration_outbox_queue")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Waits until no row waits, at most {@code seconds}. */
    void awaitAllPublished(int seconds) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (waiting() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(waiting() + " row(s) still unpublished after " + seconds + " s");
            }
            Thread.sleep(50);
        }
    }
}
