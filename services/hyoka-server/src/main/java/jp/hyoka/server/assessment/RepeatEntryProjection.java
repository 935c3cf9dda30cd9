package jp.hyoka.server.assessment;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.FormChange;
import jp.hyoka.domain.assessment.event.FormRevisionMigrated;
import jp.hyoka.domain.assessment.event.RepeatEntryAdded;
import jp.hyoka.domain.assessment.event.RepeatEntryMoved;
import jp.hyoka.domain.assessment.event.RepeatEntryRemoved;
import jp.hyoka.server.axon.AxonConnections;
import jp.hyoka.server.axon.ReadModelProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps rm_repeat_entry equal to the entries of each repeating group, in order. Positions are rewritten from the
 * list after each change, so replaying an event on an already updated list leaves it as it is.
 */
@Singleton
@ProcessingGroup(ReadModelProjection.PROCESSING_GROUP)
public class RepeatEntryProjection implements ReadModelProjection {

    private final AxonConnections connections;

    public RepeatEntryProjection(AxonConnections connections) {
        this.connections = connections;
    }

    @Override
    public int order() {
        return 3;
    }

    @Override
    public ReadModelProjection writingThrough(AxonConnections other) {
        return new RepeatEntryProjection(other);
    }

    @EventHandler
    void on(RepeatEntryAdded event) throws SQLException {
        try (Connection connection = connections.getConnection()) {
            List<String> entries = entries(connection, event, event.groupId(), event.parentEntries());
            if (!entries.contains(event.entryId())) {
                entries.add(Math.min(event.position(), entries.size()), event.entryId());
            }
            write(connection, event, event.groupId(), event.parentEntries(), entries);
        }
    }

    @EventHandler
    void on(RepeatEntryMoved event) throws SQLException {
        try (Connection connection = connections.getConnection()) {
            List<String> entries = entries(connection, event, event.groupId(), event.parentEntries());
            entries.remove(event.entryId());
            entries.add(Math.min(event.toPosition(), entries.size()), event.entryId());
            write(connection, event, event.groupId(), event.parentEntries(), entries);
        }
    }

    @EventHandler
    void on(RepeatEntryRemoved event) throws SQLException {
        try (Connection connection = connections.getConnection()) {
            String path = EntryPaths.child(event.parentEntries(), event.entryId());
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM rm_repeat_entry WHERE "
                    + "tenant_code = ? AND assessment_id = ? AND (entry_id = ? OR parent_path = ? OR parent_path LIKE ?)")) {
                delete.setString(1, event.tenant().value());
                delete.setObject(2, event.assessmentId().value());
                delete.setString(3, event.entryId());
                delete.setString(4, path);
                delete.setString(5, path + "/%");
                delete.executeUpdate();
            }
            write(connection, event, event.groupId(), event.parentEntries(),
                    entries(connection, event, event.groupId(), event.parentEntries()));
        }
    }

    @EventHandler
    void on(FormRevisionMigrated event) throws SQLException {
        try (Connection connection = connections.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM rm_repeat_entry WHERE tenant_code = ? AND assessment_id = ? AND group_id = ?")) {
            for (FormChange change : event.changes()) {
                if (FormChange.ENTRIES_DROPPED.equals(change.kind())) {
                    delete.setString(1, event.tenant().value());
                    delete.setObject(2, event.assessmentId().value());
                    delete.setString(3, change.itemId());
                    delete.executeUpdate();
                }
            }
        }
    }

    private static List<String> entries(Connection connection, AssessmentEvent event, String groupId,
                                        List<String> parents) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT entry_id FROM rm_repeat_entry WHERE "
                + "tenant_code = ? AND assessment_id = ? AND group_id = ? AND parent_path = ? ORDER BY position")) {
            select.setString(1, event.tenant().value());
            select.setObject(2, event.assessmentId().value());
            select.setString(3, groupId);
            select.setString(4, EntryPaths.join(parents));
            try (ResultSet rows = select.executeQuery()) {
                List<String> entries = new ArrayList<>();
                while (rows.next()) {
                    entries.add(rows.getString(1));
                }
                return entries;
            }
        }
    }

    private static void write(Connection connection, AssessmentEvent event, String groupId, List<String> parents,
                              List<String> entries) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO rm_repeat_entry (tenant_code, assessment_id, entry_id, group_id, parent_path, position)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_code, assessment_id, entry_id) DO UPDATE SET position = EXCLUDED.position""")) {
            for (int position = 0; position < entries.size(); position++) {
                upsert.setString(1, event.tenant().value());
                upsert.setObject(2, event.assessmentId().value());
                upsert.setString(3, entries.get(position));
                upsert.setString(4, groupId);
                upsert.setString(5, EntryPaths.join(parents));
                upsert.setInt(6, position);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }
}
