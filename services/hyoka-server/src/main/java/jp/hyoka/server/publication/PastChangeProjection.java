package jp.hyoka.server.publication;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.PastChange;
import jp.hyoka.domain.assessment.PublishedAnnexRows;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.PastChangesImported;
import jp.hyoka.domain.assessment.event.PersonalDataRedacted;
import jp.hyoka.domain.assessment.event.VersionPublished;
import jp.hyoka.server.assessment.RedactedColumns;
import jp.hyoka.server.axon.AxonConnections;
import jp.hyoka.server.axon.ReadModelProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import static jp.hyoka.server.assessment.ReadModels.timestamp;

/** Keeps rm_past_change: every 変更箇所 row, imported as the published document wrote it or published here. */
@Singleton
@ProcessingGroup(ReadModelProjection.PROCESSING_GROUP)
public class PastChangeProjection implements ReadModelProjection {

    private final AxonConnections connections;

    public PastChangeProjection(AxonConnections connections) {
        this.connections = connections;
    }

    @Override
    public int order() {
        return 4;
    }

    @Override
    public ReadModelProjection writingThrough(AxonConnections other) {
        return new PastChangeProjection(other);
    }

    @EventHandler
    void on(PastChangesImported event, @SequenceNumber long sequence) throws SQLException {
        insert(event, event.contentHash(), event.sourceName(), event.changes(), sequence);
    }

    /** A publication's changes are 変更箇所 rows too, next to the imported ones. */
    @EventHandler
    void on(VersionPublished event, @SequenceNumber long sequence) throws SQLException {
        insert(event, PublishedAnnexRows.sourceKey(event.version()), PublishedAnnexRows.sourceName(event.version()),
                PublishedAnnexRows.of(event), sequence);
    }

    private void insert(AssessmentEvent event, String sourceKey, String sourceName, List<PastChange> changes,
                        long sequence) throws SQLException {
        try (Connection connection = connections.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO rm_past_change (tenant_code, assessment_id, content_hash, row_index, source_name,
                         source_line, changed_on, changed_on_text, item_path, item_id, before_kind, before_text,
                         after_kind, after_text, timing, explanation, reason_code, revision, imported_by_id,
                         imported_by_name, imported_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            for (PastChange change : changes) {
                insert.setString(1, event.tenant().value());
                insert.setObject(2, event.assessmentId().value());
                insert.setString(3, sourceKey);
                insert.setInt(4, change.rowIndex());
                insert.setString(5, sourceName);
                insert.setInt(6, change.sourceLine());
                insert.setDate(7, change.changedOn() == null ? null : Date.valueOf(change.changedOn()));
                insert.setString(8, change.changedOnText());
                insert.setString(9, change.itemPath());
                insert.setString(10, change.itemId());
                insert.setString(11, change.beforeKind());
                insert.setString(12, change.before());
                insert.setString(13, change.afterKind());
                insert.setString(14, change.after());
                insert.setString(15, change.timing());
                insert.setString(16, change.explanation());
                insert.setString(17, change.reasonCode());
                insert.setLong(18, sequence + 1);
                insert.setString(19, event.by().userId());
                insert.setString(20, event.by().displayName());
                insert.setTimestamp(21, timestamp(event.at()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @EventHandler
    void on(PersonalDataRedacted event) throws SQLException {
        try (Connection connection = connections.getConnection()) {
            RedactedColumns.mask(connection, event, "rm_past_change",
                    new String[]{"item_path", "before_text", "after_text", "explanation"});
        }
    }
}
