package jp.hyoka.server.assessment;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.Assessment;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.assessment.event.FormChange;
import jp.hyoka.domain.assessment.event.DocumentImported;
import jp.hyoka.domain.assessment.event.FormRevisionMigrated;
import jp.hyoka.domain.assessment.event.ItemAnswerCleared;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.assessment.event.NextVersionStarted;
import jp.hyoka.domain.assessment.event.PastChangesImported;
import jp.hyoka.domain.assessment.event.RepeatEntryAdded;
import jp.hyoka.domain.assessment.event.RepeatEntryMoved;
import jp.hyoka.domain.assessment.event.RepeatEntryRemoved;
import jp.hyoka.domain.assessment.event.VersionPublished;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.server.axon.AxonConnections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import static jp.hyoka.server.assessment.ReadModels.timestamp;
import static jp.hyoka.server.assessment.ReadModels.toJson;

/**
 * Keeps rm_assessment and rm_answer equal to the current document. Every write is guarded by the revision, so a
 * redelivered event can never move the document backwards.
 */
@Singleton
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class AssessmentDocumentProjection {

    private final AxonConnections connections;

    public AssessmentDocumentProjection(AxonConnections connections) {
        this.connections = connections;
    }

    @EventHandler
    void on(AssessmentStarted event, @SequenceNumber long sequence) throws SQLException {
        long revision = sequence + 1;
        try (Connection connection = connections.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO rm_assessment (tenant_code, assessment_id, form_kind, form_version, affair_name,
                         revision, created_at, created_by_id, created_by_name, updated_at, updated_by_id, updated_by_name)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            insert.setString(1, event.tenant().value());
            insert.setObject(2, event.assessmentId().value());
            insert.setString(3, event.form().kind().name());
            insert.setString(4, event.form().version());
            insert.setString(5, event.affairName());
            insert.setLong(6, revision);
            insert.setTimestamp(7, timestamp(event.at()));
            insert.setString(8, event.by().userId());
            insert.setString(9, event.by().displayName());
            insert.setTimestamp(10, timestamp(event.at()));
            insert.setString(11, event.by().userId());
            insert.setString(12, event.by().displayName());
            insert.executeUpdate();
            upsertAnswer(connection, event, Assessment.AFFAIR_NAME.value(), "",
                    toJson(new TextAnswer(event.affairName())), revision);
        }
    }

    @EventHandler
    void on(ItemAnswered event, @SequenceNumber long sequence) throws SQLException {
        long revision = sequence + 1;
        try (Connection connection = connections.getConnection()) {
            upsertAnswer(connection, event, event.itemId().value(), EntryPaths.join(event.entries()),
                    toJson(event.answer()), revision);
            touch(connection, event, revision, Assessment.AFFAIR_NAME.equals(event.itemId())
                    ? event.answer().plainText() : null);
        }
    }

    @EventHandler
    void on(ItemAnswerCleared event, @SequenceNumber long sequence) throws SQLException {
        long revision = sequence + 1;
        try (Connection connection = connections.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM rm_answer WHERE tenant_code = ? AND assessment_id = ? AND item_id = ? AND entry_path = ?"
                             + " AND revision < ?")) {
            delete.setString(1, event.tenant().value());
            delete.setObject(2, event.assessmentId().value());
            delete.setString(3, event.itemId().value());
            delete.setString(4, EntryPaths.join(event.entries()));
            delete.setLong(5, revision);
            delete.executeUpdate();
            touch(connection, event, revision, null);
        }
    }

    /** The form revision changes; mapped answers get their new option codes, dropped ones disappear. */
    @EventHandler
    void on(FormRevisionMigrated event, @SequenceNumber long sequence) throws SQLException {
        long revision = sequence + 1;
        try (Connection connection = connections.getConnection()) {
            for (FormChange change : event.changes()) {
                if (FormChange.ANSWER_MAPPED.equals(change.kind())) {
                    upsertAnswer(connection, event, change.itemId(), EntryPaths.join(change.entries()),
                            toJson(change.after()), revision);
                } else if (FormChange.ANSWER_DROPPED.equals(change.kind())) {
                    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM rm_answer WHERE "
                            + "tenant_code = ? AND assessment_id = ? AND item_id = ? AND entry_path = ?")) {
                        delete.setString(1, event.tenant().value());
                        delete.setObject(2, event.assessmentId().value());
                        delete.setString(3, change.itemId());
                        delete.setString(4, EntryPaths.join(change.entries()));
                        delete.executeUpdate();
                    }
                }
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE rm_assessment SET form_version = ? "
                    + "WHERE tenant_code = ? AND assessment_id = ? AND revision < ?")) {
                update.setString(1, event.to().version());
                update.setString(2, event.tenant().value());
                update.setObject(3, event.assessmentId().value());
                update.setLong(4, revision);
                update.executeUpdate();
            }
            touch(connection, event, revision, null);
        }
    }

    /** Entry events change the document's revision; the entries themselves are kept by RepeatEntryProjection. */
    @EventHandler
    void on(RepeatEntryAdded event, @SequenceNumber long sequence) throws SQLException {
        touchOnly(event, sequence);
    }

    @EventHandler
    void on(RepeatEntryMoved event, @SequenceNumber long sequence) throws SQLException {
        touchOnly(event, sequence);
    }

    @EventHandler
    void on(PastChangesImported event, @SequenceNumber long sequence) throws SQLException {
        touchOnly(event, sequence);
    }

    /** A published document taken over is its published version, with the 公表日 its cover printed. */
    @EventHandler
    void on(DocumentImported event, @SequenceNumber long sequence) throws SQLException {
        try (Connection connection = connections.getConnection()) {
            if (event.rowsRead() > 0) {
                publication(connection, event, sequence + 1, 1, true, coverPublishedOn(connection, event));
            }
            touch(connection, event, sequence + 1, null);
        }
    }

    @EventHandler
    void on(VersionPublished event, @SequenceNumber long sequence) throws SQLException {
        try (Connection connection = connections.getConnection()) {
            publication(connection, event, sequence + 1, event.version(), true, event.publishedOn());
            touch(connection, event, sequence + 1, null);
        }
    }

    @EventHandler
    void on(NextVersionStarted event, @SequenceNumber long sequence) throws SQLException {
        try (Connection connection = connections.getConnection()) {
            publication(connection, event, sequence + 1, event.version(), false, null);
            touch(connection, event, sequence + 1, null);
        }
    }

    /** Version and status; a null 公表日 keeps the one stored. */
    private static void publication(Connection connection, AssessmentEvent event, long revision, int version,
                                    boolean published, LocalDate publishedOn) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE rm_assessment SET version = ?, published = ?, published_on = COALESCE(?, published_on)
                WHERE tenant_code = ? AND assessment_id = ? AND revision < ?""")) {
            update.setInt(1, version);
            update.setBoolean(2, published);
            update.setObject(3, publishedOn);
            update.setString(4, event.tenant().value());
            update.setObject(5, event.assessmentId().value());
            update.setLong(6, revision);
            update.executeUpdate();
        }
    }

    /** The cover's 公表日 as answered earlier in the same import. */
    private static LocalDate coverPublishedOn(Connection connection, AssessmentEvent event) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT (answer->>'date')::date FROM rm_answer WHERE tenant_code = ? AND assessment_id = ?
                    AND item_id = 'cover.published-on' AND entry_path = ''""")) {
            select.setString(1, event.tenant().value());
            select.setObject(2, event.assessmentId().value());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getObject(1, LocalDate.class) : null;
            }
        }
    }

    @EventHandler
    void on(RepeatEntryRemoved event, @SequenceNumber long sequence) throws SQLException {
        try (Connection connection = connections.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM rm_answer WHERE tenant_code = ? "
                     + "AND assessment_id = ? AND (entry_path = ? OR entry_path LIKE ?)")) {
            String path = EntryPaths.child(event.parentEntries(), event.entryId());
            delete.setString(1, event.tenant().value());
            delete.setObject(2, event.assessmentId().value());
            delete.setString(3, path);
            delete.setString(4, path + "/%");
            delete.executeUpdate();
            touch(connection, event, sequence + 1, null);
        }
    }

    private void touchOnly(AssessmentEvent event, long sequence) throws SQLException {
        try (Connection connection = connections.getConnection()) {
            touch(connection, event, sequence + 1, null);
        }
    }

    private static void upsertAnswer(Connection connection, AssessmentEvent event, String itemId, String entryPath,
                                     String answerJson, long revision) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO rm_answer (tenant_code, assessment_id, item_id, answer, revision, answered_at,
                    answered_by_id, answered_by_name, entry_path)
                VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_code, assessment_id, item_id, entry_path) DO UPDATE SET
                    answer = EXCLUDED.answer, revision = EXCLUDED.revision, answered_at = EXCLUDED.answered_at,
                    answered_by_id = EXCLUDED.answered_by_id, answered_by_name = EXCLUDED.answered_by_name
                WHERE rm_answer.revision < EXCLUDED.revision""")) {
            upsert.setString(1, event.tenant().value());
            upsert.setObject(2, event.assessmentId().value());
            upsert.setString(3, itemId);
            upsert.setString(4, answerJson);
            upsert.setLong(5, revision);
            upsert.setTimestamp(6, timestamp(event.at()));
            upsert.setString(7, event.by().userId());
            upsert.setString(8, event.by().displayName());
            upsert.setString(9, entryPath);
            upsert.executeUpdate();
        }
    }

    private static void touch(Connection connection, AssessmentEvent event, long revision, String newAffairName)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE rm_assessment SET revision = ?, updated_at = ?, updated_by_id = ?, updated_by_name = ?,
                    affair_name = COALESCE(?, affair_name)
                WHERE tenant_code = ? AND assessment_id = ? AND revision < ?""")) {
            update.setLong(1, revision);
            update.setTimestamp(2, timestamp(event.at()));
            update.setString(3, event.by().userId());
            update.setString(4, event.by().displayName());
            update.setString(5, newAffairName);
            update.setString(6, event.tenant().value());
            update.setObject(7, event.assessmentId().value());
            update.setLong(8, revision);
            update.executeUpdate();
        }
    }
}
