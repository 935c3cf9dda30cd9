package jp.hyoka.server.assessment;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.FormChange;
import jp.hyoka.domain.assessment.event.FormRevisionMigrated;
import jp.hyoka.domain.assessment.event.DocumentContentImported;
import jp.hyoka.domain.assessment.event.RepeatEntryAdded;
import jp.hyoka.domain.assessment.event.RepeatEntryMoved;
import jp.hyoka.domain.assessment.event.RepeatEntryRemoved;
import jp.hyoka.server.axon.AxonConnections;
import jp.hyoka.server.axon.ReadModelBatch;
import jp.hyoka.server.axon.ReadModelProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

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
        change(event, event.groupId(), event.parentEntries(), entries -> {
            if (!entries.contains(event.entryId())) {
                entries.add(Math.min(event.position(), entries.size()), event.entryId());
            }
        });
    }

    /** An import's entries, each as its {@link RepeatEntryAdded} would add it, in order. */
    @EventHandler
    void on(DocumentContentImported event) throws SQLException {
        for (RepeatEntryAdded added : event.entriesAdded()) {
            on(added);
        }
    }

    @EventHandler
    void on(RepeatEntryMoved event) throws SQLException {
        change(event, event.groupId(), event.parentEntries(), entries -> {
            entries.remove(event.entryId());
            entries.add(Math.min(event.toPosition(), entries.size()), event.entryId());
        });
    }

    /** Changes a group's list: in the batch's memory ({@link RepeatEntryWrites}), or at once outside a batch. */
    private void change(AssessmentEvent event, String groupId, List<String> parents, Consumer<List<String>> change)
            throws SQLException {
        RepeatEntryWrites batch = RepeatEntryWrites.current(connections);
        if (batch != null) {
            change.accept(batch.entries(connections, event.tenant().value(), event.assessmentId().value(), groupId,
                    EntryPaths.join(parents)));
            return;
        }
        try (Connection connection = connections.getConnection()) {
            List<String> entries = entries(connection, event, groupId, parents);
            change.accept(entries);
            write(connection, event, groupId, parents, entries);
        }
    }

    @EventHandler
    void on(RepeatEntryRemoved event) throws SQLException {
        ReadModelBatch.flush(connections);     // this batch's lists first (and forgotten: the delete changes them)
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
        ReadModelBatch.flush(connections);     // this batch's lists first (and forgotten: the delete changes them)
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
        return RepeatEntryWrites.read(connection, event.tenant().value(), event.assessmentId().value(), groupId,
                EntryPaths.join(parents));
    }

    private static void write(Connection connection, AssessmentEvent event, String groupId, List<String> parents,
                              List<String> entries) throws SQLException {
        RepeatEntryWrites.write(connection, List.of(new RepeatEntryWrites.Group(event.tenant().value(),
                event.assessmentId().value(), groupId, EntryPaths.join(parents), entries)));
    }
}
