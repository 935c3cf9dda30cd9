package jp.hyoka.server.assessment;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.Assessment;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.assessment.event.ComponentInserted;
import jp.hyoka.domain.assessment.event.ComponentProposalDeclined;
import jp.hyoka.domain.assessment.event.ComponentProposalDeferred;
import jp.hyoka.domain.assessment.event.ComponentTextAdapted;
import jp.hyoka.domain.assessment.event.ComponentUseModeChanged;
import jp.hyoka.domain.assessment.event.ComponentVersionAdopted;
import jp.hyoka.domain.assessment.event.DocumentContentImported;
import jp.hyoka.domain.assessment.event.DocumentImported;
import jp.hyoka.domain.assessment.event.FormChange;
import jp.hyoka.domain.assessment.event.FormRevisionMigrated;
import jp.hyoka.domain.assessment.event.ItemAnswerCleared;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.assessment.event.NextVersionStarted;
import jp.hyoka.domain.assessment.event.PastChangesImported;
import jp.hyoka.domain.assessment.event.PersonalDataRedacted;
import jp.hyoka.domain.assessment.event.ItemPublicationRestored;
import jp.hyoka.domain.assessment.event.ItemWithheldFromPublication;
import jp.hyoka.domain.assessment.event.RepeatEntryAdded;
import jp.hyoka.domain.assessment.event.RepeatEntryMoved;
import jp.hyoka.domain.assessment.event.RepeatEntryRemoved;
import jp.hyoka.domain.assessment.event.VersionPublished;
import jp.hyoka.domain.assessment.event.PublicCommentClosed;
import jp.hyoka.domain.assessment.event.PublicCommentOpened;
import jp.hyoka.domain.assessment.event.SubmittedToCommission;
import jp.hyoka.domain.assessment.event.AffairEnded;
import jp.hyoka.domain.assessment.event.ThirdPartyReviewRecorded;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.SearchText;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.server.axon.AxonConnections;
import jp.hyoka.server.axon.ReadModelBatch;
import jp.hyoka.server.axon.ReadModelProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static jp.hyoka.server.assessment.ReadModels.timestamp;
import static jp.hyoka.server.assessment.ReadModels.toJson;

/**
 * Keeps rm_assessment and rm_answer equal to the current document. Every write is guarded by the revision, so a
 * redelivered event can never move the document backwards.
 */
@Singleton
@ProcessingGroup(ReadModelProjection.PROCESSING_GROUP)
public class AssessmentDocumentProjection implements ReadModelProjection {

    private final AxonConnections connections;

    public AssessmentDocumentProjection(AxonConnections connections) {
        this.connections = connections;
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    public ReadModelProjection writingThrough(AxonConnections other) {
        return new AssessmentDocumentProjection(other);
    }

    @EventHandler
    void on(AssessmentStarted event, @SequenceNumber long sequence) throws SQLException {
        long revision = sequence + 1;
        ReadModelWrites.insert(connections, new ReadModelWrites.NewAssessment(event.tenant().value(),
                event.assessmentId().value(), event.form().kind().name(), event.form().version(), event.affairName(),
                revision, timestamp(event.at()), event.by().userId(), event.by().displayName()));
        upsertAnswer(event, Assessment.AFFAIR_NAME.value(), "", new TextAnswer(event.affairName()), revision);
    }

    @EventHandler
    void on(ItemAnswered event, @SequenceNumber long sequence) throws SQLException {
        long revision = sequence + 1;
        upsertAnswer(event, event.itemId().value(), EntryPaths.join(event.entries()), event.answer(), revision);
        touch(event, revision, Assessment.AFFAIR_NAME.equals(event.itemId()) ? event.answer().plainText() : null);
    }

    /**
     * An import's entries and answers: each answer as its {@link ItemAnswered} would write it, all at this event's
     * revision (the entries are RepeatEntryProjection's). Of two answers to one item and entry the later one is kept,
     * as the later of two events would be.
     */
    @EventHandler
    void on(DocumentContentImported event, @SequenceNumber long sequence) throws SQLException {
        long revision = sequence + 1;
        Map<String, ItemAnswered> lastByKey = new LinkedHashMap<>();
        for (ItemAnswered answered : event.itemsAnswered()) {
            lastByKey.put(answered.itemId().value() + '\n' + EntryPaths.join(answered.entries()), answered);
        }
        String newAffairName = null;
        for (ItemAnswered answered : lastByKey.values()) {
            upsertAnswer(answered, answered.itemId().value(), EntryPaths.join(answered.entries()),
                    answered.answer(), revision);
            if (Assessment.AFFAIR_NAME.equals(answered.itemId())) {
                newAffairName = answered.answer().plainText();
            }
        }
        touch(event, revision, newAffairName);
    }

    @EventHandler
    void on(ItemAnswerCleared event, @SequenceNumber long sequence) throws SQLException {
        long revision = sequence + 1;
        ReadModelBatch.flush(connections);     // the delete comes after this batch's earlier writes of the row
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
        }
        touch(event, revision, null);
    }

    /** The form revision changes; mapped answers get their new option codes, dropped ones disappear. */
    @EventHandler
    void on(FormRevisionMigrated event, @SequenceNumber long sequence) throws SQLException {
        long revision = sequence + 1;
        try (Connection connection = connections.getConnection()) {
            for (FormChange change : event.changes()) {
                if (FormChange.ANSWER_MAPPED.equals(change.kind())) {
                    upsertAnswer(event, change.itemId(), EntryPaths.join(change.entries()), change.after(), revision);
                } else if (FormChange.ANSWER_DROPPED.equals(change.kind())) {
                    ReadModelBatch.flush(connections);     // after this batch's earlier writes of the row
                    // guarded like every write: replayed after a newer answer of the item, it deletes nothing
                    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM rm_answer WHERE "
                            + "tenant_code = ? AND assessment_id = ? AND item_id = ? AND entry_path = ?"
                            + " AND revision < ?")) {
                        delete.setString(1, event.tenant().value());
                        delete.setObject(2, event.assessmentId().value());
                        delete.setString(3, change.itemId());
                        delete.setString(4, EntryPaths.join(change.entries()));
                        delete.setLong(5, revision);
                        delete.executeUpdate();
                    }
                }
            }
            ReadModelBatch.flush(connections);         // the new assessment row, if this batch inserts it
            try (PreparedStatement update = connection.prepareStatement("UPDATE rm_assessment SET form_version = ? "
                    + "WHERE tenant_code = ? AND assessment_id = ? AND revision < ?")) {
                update.setString(1, event.to().version());
                update.setString(2, event.tenant().value());
                update.setObject(3, event.assessmentId().value());
                update.setLong(4, revision);
                update.executeUpdate();
            }
        }
        touch(event, revision, null);
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

    /** Shared-component events: the item's text changes by the ItemAnswered of the same command (components feature). */
    @EventHandler
    void on(ComponentInserted event, @SequenceNumber long sequence) throws SQLException {
        touchOnly(event, sequence);
    }

    @EventHandler
    void on(ComponentTextAdapted event, @SequenceNumber long sequence) throws SQLException {
        touchOnly(event, sequence);
    }

    @EventHandler
    void on(ComponentUseModeChanged event, @SequenceNumber long sequence) throws SQLException {
        touchOnly(event, sequence);
    }

    @EventHandler
    void on(ComponentVersionAdopted event, @SequenceNumber long sequence) throws SQLException {
        touchOnly(event, sequence);
    }

    @EventHandler
    void on(ComponentProposalDeclined event, @SequenceNumber long sequence) throws SQLException {
        touchOnly(event, sequence);
    }

    @EventHandler
    void on(ComponentProposalDeferred event, @SequenceNumber long sequence) throws SQLException {
        touchOnly(event, sequence);
    }

    /** A 非公表 mark changes no answer; the public read folds events (publication's PublicVersions). */
    @EventHandler
    void on(ItemWithheldFromPublication event, @SequenceNumber long sequence) throws SQLException {
        touchOnly(event, sequence);
    }

    @EventHandler
    void on(ItemPublicationRestored event, @SequenceNumber long sequence) throws SQLException {
        touchOnly(event, sequence);
    }

    /** A procedure step changes no answer itself: the items it fills come as ItemAnswered events of its own. */
    @EventHandler
    void on(PublicCommentOpened event, @SequenceNumber long sequence) throws SQLException {
        touchOnly(event, sequence);
    }

    @EventHandler
    void on(PublicCommentClosed event, @SequenceNumber long sequence) throws SQLException {
        touchOnly(event, sequence);
    }

    @EventHandler
    void on(ThirdPartyReviewRecorded event, @SequenceNumber long sequence) throws SQLException {
        touchOnly(event, sequence);
    }

    @EventHandler
    void on(SubmittedToCommission event, @SequenceNumber long sequence) throws SQLException {
        touchOnly(event, sequence);
    }

    @EventHandler
    void on(AffairEnded event, @SequenceNumber long sequence) throws SQLException {
        touchOnly(event, sequence);     // the end date itself is the rules feature's (rm_affair_end)
    }

    @EventHandler
    void on(PastChangesImported event, @SequenceNumber long sequence) throws SQLException {
        touchOnly(event, sequence);
    }

    /** A published document taken over is its published version, with the 公表日 its cover printed. */
    @EventHandler
    void on(DocumentImported event, @SequenceNumber long sequence) throws SQLException {
        ReadModelBatch.flush(connections);     // the cover's 公表日 and the assessment row, answered earlier in the batch
        try (Connection connection = connections.getConnection()) {
            if (event.rowsRead() > 0) {
                publication(connection, event, sequence + 1, 1, true, coverPublishedOn(connection, event));
            }
        }
        touch(event, sequence + 1, null);
    }

    @EventHandler
    void on(VersionPublished event, @SequenceNumber long sequence) throws SQLException {
        ReadModelBatch.flush(connections);     // after this batch's earlier writes of the row
        try (Connection connection = connections.getConnection()) {
            publication(connection, event, sequence + 1, event.version(), true, event.publishedOn());
        }
        touch(event, sequence + 1, null);
    }

    @EventHandler
    void on(NextVersionStarted event, @SequenceNumber long sequence) throws SQLException {
        ReadModelBatch.flush(connections);     // after this batch's earlier writes of the row
        try (Connection connection = connections.getConnection()) {
            publication(connection, event, sequence + 1, event.version(), false, null);
        }
        touch(event, sequence + 1, null);
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

    /** The entry's answers go, those of entries nested in it too: only answers given before this revision. */
    @EventHandler
    void on(RepeatEntryRemoved event, @SequenceNumber long sequence) throws SQLException {
        ReadModelBatch.flush(connections);     // the delete comes after this batch's earlier writes of the rows
        try (Connection connection = connections.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM rm_answer WHERE tenant_code = ? "
                     + "AND assessment_id = ? AND (entry_path = ? OR entry_path LIKE ?) AND revision < ?")) {
            String path = EntryPaths.child(event.parentEntries(), event.entryId());
            delete.setString(1, event.tenant().value());
            delete.setObject(2, event.assessmentId().value());
            delete.setString(3, path);
            delete.setString(4, path + "/%");
            delete.setLong(5, sequence + 1);
            delete.executeUpdate();
        }
        touch(event, sequence + 1, null);
    }

    private void touchOnly(AssessmentEvent event, long sequence) throws SQLException {
        touch(event, sequence + 1, null);
    }

    /**
     * Buffered in the processor's batch (see ReadModelBatch); written at once outside a unit of work. The searchable
     * text is written with the answer (rm_answer.search_text, the search feature), by the definition queries use.
     */
    private void upsertAnswer(AssessmentEvent event, String itemId, String entryPath, Answer answer, long revision)
            throws SQLException {
        ReadModelWrites.answer(connections, new ReadModelWrites.AnswerRow(event.tenant().value(),
                event.assessmentId().value(), itemId, entryPath, toJson(answer), SearchText.of(answer), revision,
                timestamp(event.at()), event.by().userId(), event.by().displayName()));
    }

    /** The document is at {@code revision} now, last changed by this event's actor (and renamed, if a name is given). */
    private void touch(AssessmentEvent event, long revision, String newAffairName) throws SQLException {
        ReadModelWrites.touch(connections, new ReadModelWrites.Touch(event.tenant().value(),
                event.assessmentId().value(), revision, timestamp(event.at()), event.by().userId(),
                event.by().displayName(), newAffairName));
    }

    /** The text withheld in the current document (the name of the 事務 included). */
    @EventHandler
    void on(PersonalDataRedacted event, @SequenceNumber long sequence) throws SQLException {
        ReadModelBatch.flush(connections);     // this batch's earlier answers first
        try (Connection connection = connections.getConnection()) {
            RedactedColumns.mask(connection, event, "rm_answer", new String[0], "answer");
            RedactedSearchTexts.recompute(connection, event);
            RedactedColumns.mask(connection, event, "rm_assessment", new String[]{"affair_name"});
        }
        touch(event, sequence + 1, null);
    }
}
