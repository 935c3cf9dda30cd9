package jp.hyoka.server.integration;

import jp.hyoka.server.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V13 moves the relay's queue out of the outbox's rows: on a database with rows from before (one published, one
 * waiting), the waiting one is queued since its creation and the published one is not; the column is gone.
 */
class OutboxQueueMigrationIT {

    @Test
    void givenOutboxRowsWrittenBeforeV13_whenItRuns_thenOnlyTheUnpublishedAreQueuedAsOfTheirCreation() throws Exception {
        String url = TestDatabase.newDatabase();
        migrate(url, "12");
        execute(url, """
                INSERT INTO integration_outbox (event_id, domain_event_id, topic, message_key, type, source, dataschema,
                    occurred_at, payload, created_at, published_at)
                VALUES (gen_random_uuid(), 'published', 't', 'k', 'x.v1', '/s', 'd', now(), '{}', '2026-12-01', now()),
                       (gen_random_uuid(), 'waiting', 't', 'k', 'x.v1', '/s', 'd', now(), '{}', '2026-12-02', NULL)""");

        migrate(url, "13");

        assertThat(rows(url, """
                SELECT o.domain_event_id || ' ' || to_char(q.queued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')
                FROM integration_outbox_queue q JOIN integration_outbox o USING (position)"""))
                .containsExactly("waiting 2026-12-02");
        assertThat(rows(url, """
                SELECT column_name FROM information_schema.columns
                WHERE table_name = 'integration_outbox' AND column_name = 'published_at'""")).isEmpty();
    }

    private static void migrate(String url, String version) {
        Flyway.configure().dataSource(url, TestDatabase.user(), TestDatabase.password())
                .locations("classpath:db/migration").target(version).load().migrate();
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> rows(String url, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
             Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            while (row.next()) {
                rows.add(row.getString(1));
            }
        }
        return rows;
    }
}
