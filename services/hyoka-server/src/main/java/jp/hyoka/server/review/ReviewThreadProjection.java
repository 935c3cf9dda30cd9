package jp.hyoka.server.review;

import jakarta.inject.Singleton;
import jp.hyoka.domain.review.event.ReplyPosted;
import jp.hyoka.domain.review.event.ReviewThreadEvent;
import jp.hyoka.domain.review.event.ThreadReopened;
import jp.hyoka.domain.review.event.ThreadResolved;
import jp.hyoka.domain.review.event.ThreadStarted;
import jp.hyoka.server.axon.AxonConnections;
import jp.hyoka.server.axon.ReadModelProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * Keeps rm_review_thread (one row per thread: anchor, status, revision) and rm_review_thread_event (its events in
 * order, the comments among them). Written at once (no batch part): no other projection writes these tables.
 * Replays are harmless: event rows are keyed by their sequence, and the thread row only moves forward.
 */
@Singleton
@ProcessingGroup(ReadModelProjection.PROCESSING_GROUP)
public class ReviewThreadProjection implements ReadModelProjection {

    private final AxonConnections connections;

    public ReviewThreadProjection(AxonConnections connections) {
        this.connections = connections;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public ReadModelProjection writingThrough(AxonConnections other) {
        return new ReviewThreadProjection(other);
    }

    @EventHandler
    void on(ThreadStarted event, @SequenceNumber long sequence) throws SQLException {
        try (Connection connection = connections.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO rm_review_thread (tenant_code, assessment_id, thread_id, item_id, entry_id, status,
                        started_by_id, started_by_name, started_at, revision, updated_at)
                    VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
                insert.setString(1, event.tenant().value());
                insert.setObject(2, event.assessmentId().value());
                insert.setObject(3, event.threadId().value());
                insert.setString(4, event.anchor().item() == null ? null : event.anchor().item().value());
                insert.setString(5, event.anchor().entry());
                insert.setString(6, event.by().userId());
                insert.setString(7, event.by().displayName());
                insert.setTimestamp(8, Timestamp.from(event.at()));
                insert.setLong(9, sequence + 1);
                insert.setTimestamp(10, Timestamp.from(event.at()));
                insert.executeUpdate();
            }
            record(connection, event, sequence, "STARTED", event.text());
        }
    }

    @EventHandler
    void on(ReplyPosted event, @SequenceNumber long sequence) throws SQLException {
        try (Connection connection = connections.getConnection()) {
            record(connection, event, sequence, "REPLIED", event.text());
            advance(connection, event, sequence, null);
        }
    }

    @EventHandler
    void on(ThreadResolved event, @SequenceNumber long sequence) throws SQLException {
        try (Connection connection = connections.getConnection()) {
            record(connection, event, sequence, "RESOLVED", null);
            advance(connection, event, sequence, "RESOLVED");
        }
    }

    @EventHandler
    void on(ThreadReopened event, @SequenceNumber long sequence) throws SQLException {
        try (Connection connection = connections.getConnection()) {
            record(connection, event, sequence, "REOPENED", null);
            advance(connection, event, sequence, "OPEN");
        }
    }

    private static void record(Connection connection, ReviewThreadEvent event, long sequence, String kind,
                               String text) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO rm_review_thread_event (tenant_code, thread_id, position, kind, text, actor_id,
                    actor_name, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            insert.setString(1, event.tenant().value());
            insert.setObject(2, event.threadId().value());
            insert.setLong(3, sequence);
            insert.setString(4, kind);
            insert.setString(5, text);
            insert.setString(6, event.by().userId());
            insert.setString(7, event.by().displayName());
            insert.setTimestamp(8, Timestamp.from(event.at()));
            insert.executeUpdate();
        }
    }

    /** The thread has seen this event: its revision, when it changed and (if {@code status} is set) its status. */
    private static void advance(Connection connection, ReviewThreadEvent event, long sequence, String status)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE rm_review_thread SET revision = ?, updated_at = ?, status = COALESCE(?, status)
                WHERE thread_id = ? AND revision < ?""")) {
            update.setLong(1, sequence + 1);
            update.setTimestamp(2, Timestamp.from(event.at()));
            update.setString(3, status);
            update.setObject(4, event.threadId().value());
            update.setLong(5, sequence + 1);
            update.executeUpdate();
        }
    }
}
