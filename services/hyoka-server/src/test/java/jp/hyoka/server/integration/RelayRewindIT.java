package jp.hyoka.server.integration;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A row that committed behind the relay's cursor (a lower position than rows already sent: another assessment's
 * transaction that took its position earlier and committed later) is published even while the relay never runs out
 * of work: every read takes the waiting rows below those in flight too (since session 11; before, the relay looked
 * from the start again every 5 s when it was never idle). The order this keeps: {@code RelayLateRowIT}.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelayRewindIT extends RelayServerTest {

    private static final int BACKLOG = 200;

    @Override
    String bootstrapServers() {
        return TestKafka.bootstrapServers();
    }

    @Test
    void givenARelayThatIsNeverIdle_whenARowCommitsBehindItsCursor_thenItIsPublishedAllTheSame() throws Exception {
        Outbox outbox = new Outbox(dataSource);
        long gap = skipPositions(1_000);                     // positions gap+1 … gap+999 stay free for "late" rows
        AtomicBoolean feeding = new AtomicBoolean(true);
        CompletableFuture<Void> feeder = CompletableFuture.runAsync(() -> keepBusy(outbox, feeding));
        try {
            awaitPublishedBeyond(gap + 1_000 + BACKLOG);      // the cursor is far past the gap
            long late = gap + 1;
            insertAt(late);

            assertThat(publishedWithin(late, 30)).as("row %d committed behind the cursor", late).isTrue();
        } finally {
            feeding.set(false);
            feeder.join();
        }
    }

    /** Keeps at least BACKLOG rows waiting, so the relay always finds work and never goes idle. */
    private static void keepBusy(Outbox outbox, AtomicBoolean feeding) {
        try {
            while (feeding.get()) {
                if (outbox.waiting() < BACKLOG) {
                    outbox.insert("hyoka.test.rewind." + UUID.randomUUID(), BACKLOG, "141305:busy");
                }
                Thread.sleep(20);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long skipPositions(int count) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT setval(pg_get_serial_sequence('integration_outbox', "
                     + "'position'), nextval(pg_get_serial_sequence('integration_outbox', 'position')) + " + count
                     + ") - " + count)) {
            row.next();
            return row.getLong(1);
        }
    }

    private void insertAt(long position) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                WITH written AS (
                    INSERT INTO integration_outbox (position, event_id, domain_event_id, topic, message_key, type,
                        source, subject, dataschema, tenant_code, occurred_at, payload)
                    VALUES (?, gen_random_uuid(), 'late', 'hyoka.test.rewind.late', '141305:late',
                        'jp.hyoka.test.happened.v1', '/hyoka/141305', 'assessments/late',
                        'https://hyoka.jp/schema/events/test-happened.v1.json', '141305', now(), '{}')
                    RETURNING position)
                INSERT INTO integration_outbox_queue (position) SELECT position FROM written""")) {
            insert.setLong(1, position);
            insert.executeUpdate();
        }
    }

    private void awaitPublishedBeyond(long position) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!anyPublishedAtOrAfter(position)) {
            assertThat(System.nanoTime()).as("the relay never got past position %d", position).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** Some row at or after the position exists and is published (no longer queued). */
    private boolean anyPublishedAtOrAfter(long position) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM integration_outbox o WHERE o.position >= ? AND NOT EXISTS "
                        + "(SELECT 1 FROM integration_outbox_queue q WHERE q.position = o.position) LIMIT 1")) {
            select.setLong(1, position);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private boolean publishedWithin(long position, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Connection connection = dataSource.getConnection(); PreparedStatement select =
                    connection.prepareStatement("SELECT count(*) FROM integration_outbox_queue WHERE position = ?")) {
                select.setLong(1, position);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    if (row.getLong(1) == 0) {
                        return true;
                    }
                }
            }
            Thread.sleep(100);
        }
        return false;
    }
}
