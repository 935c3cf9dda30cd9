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
import org.axonframework.eventhandling.SequenceNumber;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps rm_repeat_entry equal to the entries of each repeating group, in order. Positions are rewritten from the
 * list after each change, so replaying an event on an already updated list leaves it as it is. Every row carries the
 * revision of the event that last changed its group's list, and, as in the other projections, an event older than
 * what the rows hold changes and deletes nothing: a replay, or a late batch, never undoes a newer list (an entry id
 * freed by a removal may be used again, so a removal replayed after the id's new entry was added must not delete it).
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
    void on(RepeatEntryAdded event, @SequenceNumber long sequence) throws SQLException {
        added(event, sequence + 1);
    }

    /** An import's entries, each as its {@link RepeatEntryAdded} would add it, in order, all at this revision. */
    @EventHandler
    void on(DocumentContentImported event, @SequenceNumber long sequence) throws SQLException {
        for (RepeatEntryAdded added : event.entriesAdded()) {
            added(added, sequence + 1);
        }
    }

    private void added(RepeatEntryAdded event, long revision) throws SQLException {
        change(event, event.groupId(), event.parentEntries(), revision, entries -> {
            if (!entries.contains(event.entryId())) {
                entries.add(Math.min(event.position(), entries.size()), event.entryId());
            }
        });
    }

    @EventHandler
    void on(RepeatEntryMoved event, @SequenceNumber long sequence) throws SQLException {
        change(event, event.groupId(), event.parentEntries(), sequence + 1, entries -> {
            entries.remove(event.entryId());
            entries.add(Math.min(event.toPosition(), entries.size()), event.entryId());
        });
    }

    /**
     * Changes a group's list at {@code revision}: in the batch's memory ({@link RepeatEntryWrites}), or at once
     * outside a batch; not at all when the list was changed at a later revision.
     */
    private void change(AssessmentEvent event, String groupId, List<String> parents, long revision,
                        Consumer<List<String>> change) throws SQLException {
        RepeatEntryWrites batch = RepeatEntryWrites.current(connections);
        if (batch != null) {
            List<String> entries = batch.entries(connections, event.tenant().value(), event.assessmentId().value(),
                    groupId, EntryPaths.join(parents), revision);
            if (entries != null) {
                change.accept(entries);
            }
            return;
        }
        try (Connection connection = connections.getConnection()) {
            RepeatEntryWrites.Listed group = stored(connection, event, groupId, parents);
            if (group.revision > revision) {
                return;
            }
            change.accept(group.entries);
            write(connection, event, groupId, parents, group.entries, revision);
        }
    }

    /**
     * The entry and every entry nested in it go; the rest of its group close up. Only rows written before this
     * revision are deleted. A group changed at a later revision keeps its list and its entry (the id may be in use
     * again), but the rows nested in the removed entry still go: a replay over existing tables may just have written
     * them again from the events before the removal (those under an id used again were written after it and stay).
     */
    @EventHandler
    void on(RepeatEntryRemoved event, @SequenceNumber long sequence) throws SQLException {
        long revision = sequence + 1;
        ReadModelBatch.flush(connections);     // this batch's lists first (and forgotten: the delete changes them)
        try (Connection connection = connections.getConnection()) {
            RepeatEntryWrites.Listed group = stored(connection, event, event.groupId(), event.parentEntries());
            boolean groupNewer = group.revision > revision;
            String path = EntryPaths.child(event.parentEntries(), event.entryId());
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM rm_repeat_entry WHERE "
                    + "tenant_code = ? AND assessment_id = ? AND (parent_path = ? OR parent_path LIKE ?"
                    + (groupNewer ? "" : " OR entry_id = ?") + ") AND revision < ?")) {
                int at = 1;
                delete.setString(at++, event.tenant().value());
                delete.setObject(at++, event.assessmentId().value());
                delete.setString(at++, path);
                delete.setString(at++, path + "/%");
                if (!groupNewer) {
                    delete.setString(at++, event.entryId());
                }
                delete.setLong(at, revision);
                delete.executeUpdate();
            }
            if (!groupNewer) {
                group.entries.remove(event.entryId());
                write(connection, event, event.groupId(), event.parentEntries(), group.entries, revision);
            }
        }
    }

    /** A migration's dropped groups go, but only their rows written before the migration's revision. */
    @EventHandler
    void on(FormRevisionMigrated event, @SequenceNumber long sequence) throws SQLException {
        ReadModelBatch.flush(connections);     // this batch's lists first (and forgotten: the delete changes them)
        try (Connection connection = connections.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM rm_repeat_entry WHERE "
                     + "tenant_code = ? AND assessment_id = ? AND group_id = ? AND revision < ?")) {
            for (FormChange change : event.changes()) {
                if (FormChange.ENTRIES_DROPPED.equals(change.kind())) {
                    delete.setString(1, event.tenant().value());
                    delete.setObject(2, event.assessmentId().value());
                    delete.setString(3, change.itemId());
                    delete.setLong(4, sequence + 1);
                    delete.executeUpdate();
                }
            }
        }
    }

    private static RepeatEntryWrites.Listed stored(Connection connection, AssessmentEvent event, String groupId,
                                                   List<String> parents) throws SQLException {
        return RepeatEntryWrites.read(connection, event.tenant().value(), event.assessmentId().value(), groupId,
                EntryPaths.join(parents));
    }

    private static void write(Connection connection, AssessmentEvent event, String groupId, List<String> parents,
                              List<String> entries, long revision) throws SQLException {
        RepeatEntryWrites.write(connection, List.of(new RepeatEntryWrites.Group(event.tenant().value(),
                event.assessmentId().value(), groupId, EntryPaths.join(parents), entries, revision)));
    }
}
