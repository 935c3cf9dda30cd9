package jp.hyoka.server.importing;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.event.DocumentImported;
import jp.hyoka.domain.assessment.event.PersonalDataRedacted;
import jp.hyoka.domain.importing.body.UnmappedContent;
import jp.hyoka.server.assessment.RedactedColumns;
import jp.hyoka.server.axon.AxonConnections;
import jp.hyoka.server.axon.ReadModelProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import static jp.hyoka.server.assessment.ReadModels.timestamp;

/** Keeps rm_imported_document (the source of an imported assessment) and rm_unmapped_content (what it kept aside). */
@Singleton
@ProcessingGroup(ReadModelProjection.PROCESSING_GROUP)
public class ImportedDocumentProjection implements ReadModelProjection {

    private final AxonConnections connections;

    public ImportedDocumentProjection(AxonConnections connections) {
        this.connections = connections;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public ReadModelProjection writingThrough(AxonConnections other) {
        return new ImportedDocumentProjection(other);
    }

    @EventHandler
    void on(DocumentImported event, @SequenceNumber long sequence) throws SQLException {
        try (Connection connection = connections.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO rm_imported_document (tenant_code, assessment_id, content_hash, source_name, rows_read,
                        rows_mapped, revision, imported_by_id, imported_by_name, imported_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
                insert.setString(1, event.tenant().value());
                insert.setObject(2, event.assessmentId().value());
                insert.setString(3, event.contentHash());
                insert.setString(4, event.sourceName());
                insert.setInt(5, event.rowsRead());
                insert.setInt(6, event.rowsMapped());
                insert.setLong(7, sequence + 1);
                insert.setString(8, event.by().userId());
                insert.setString(9, event.by().displayName());
                insert.setTimestamp(10, timestamp(event.at()));
                insert.executeUpdate();
            }
            insertUnmapped(connection, event, event.unmapped());
        }
    }

    private static void insertUnmapped(Connection connection, DocumentImported event, List<UnmappedContent> unmapped)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO rm_unmapped_content (tenant_code, assessment_id, content_hash, row_index, source_line,
                    label, content, reason, item_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            for (int index = 0; index < unmapped.size(); index++) {
                UnmappedContent content = unmapped.get(index);
                insert.setString(1, event.tenant().value());
                insert.setObject(2, event.assessmentId().value());
                insert.setString(3, event.contentHash());
                insert.setInt(4, index);
                insert.setInt(5, content.line());
                insert.setString(6, content.label());
                insert.setString(7, content.text());
                insert.setString(8, content.reason());
                insert.setString(9, content.itemId());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @EventHandler
    void on(PersonalDataRedacted event) throws SQLException {
        try (Connection connection = connections.getConnection()) {
            RedactedColumns.mask(connection, event, "rm_unmapped_content", new String[]{"label", "content"});
        }
    }
}
