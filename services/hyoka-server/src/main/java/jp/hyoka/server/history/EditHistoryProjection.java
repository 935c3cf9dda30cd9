package jp.hyoka.server.history;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.Redaction;
import jp.hyoka.domain.assessment.event.AffairEnded;
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
import jp.hyoka.domain.assessment.event.FormRevisionMigrated;
import jp.hyoka.domain.assessment.event.ItemAnswerCleared;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.assessment.event.NextVersionStarted;
import jp.hyoka.domain.assessment.event.PublicCommentClosed;
import jp.hyoka.domain.assessment.event.PublicCommentOpened;
import jp.hyoka.domain.assessment.event.SubmittedToCommission;
import jp.hyoka.domain.assessment.event.ThirdPartyReviewRecorded;
import jp.hyoka.domain.assessment.event.PastChangesImported;
import jp.hyoka.domain.assessment.event.PersonalDataRedacted;
import jp.hyoka.domain.assessment.event.ItemPublicationRestored;
import jp.hyoka.domain.assessment.event.ItemWithheldFromPublication;
import jp.hyoka.domain.assessment.event.RepeatEntryAdded;
import jp.hyoka.domain.assessment.event.RepeatEntryMoved;
import jp.hyoka.domain.assessment.event.RepeatEntryRemoved;
import jp.hyoka.domain.assessment.event.VersionPublished;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.server.assessment.EntryPaths;
import jp.hyoka.server.assessment.ReadModels;
import jp.hyoka.server.assessment.RedactedColumns;
import jp.hyoka.server.axon.AxonConnections;
import jp.hyoka.server.axon.CommandNameCorrelation;
import jp.hyoka.server.axon.ReadModelBatch;
import jp.hyoka.server.axon.ReadModelProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static jp.hyoka.server.assessment.ReadModels.timestamp;
import static jp.hyoka.server.assessment.ReadModels.toJson;

/** One rm_edit_history row per event: who changed which item, from what to what, when and why. */
@Singleton
@ProcessingGroup(ReadModelProjection.PROCESSING_GROUP)
public class EditHistoryProjection implements ReadModelProjection {

    private final AxonConnections connections;

    public EditHistoryProjection(AxonConnections connections) {
        this.connections = connections;
    }

    @Override
    public int order() {
        return 2;
    }

    @Override
    public ReadModelProjection writingThrough(AxonConnections other) {
        return new EditHistoryProjection(other);
    }

    @EventHandler
    public void on(AssessmentStarted event, @SequenceNumber long sequence) throws SQLException {
        record(event, sequence, new Line("affair.name", List.of(), null, new TextAnswer(event.affairName()), null, null));
    }

    @EventHandler
    public void on(ItemAnswered event, @SequenceNumber long sequence) throws SQLException {
        record(event, sequence, 0, answered(event));
    }

    private static Line answered(ItemAnswered event) {
        return new Line(event.itemId().value(), event.entries(), event.previousAnswer(), event.answer(),
                event.reason(), null);
    }

    @EventHandler
    public void on(ItemAnswerCleared event, @SequenceNumber long sequence) throws SQLException {
        record(event, sequence, new Line(event.itemId().value(), event.entries(), event.previousAnswer(), null,
                event.reason(), null));
    }

    @EventHandler
    public void on(RepeatEntryAdded event, @SequenceNumber long sequence) throws SQLException {
        record(event, sequence, 0, entryAdded(event));
    }

    private static Line entryAdded(RepeatEntryAdded event) {
        return new Line(null, event.parentEntries(), null, null, event.reason(), Map.of(
                "groupId", event.groupId(), "entryId", event.entryId(), "position", event.position()));
    }

    /**
     * An import's entries and answers: one line each, as their own events made them (the same type, item, entries,
     * before and after, reason, actor, time and command), numbered within this event's revision.
     */
    @EventHandler
    public void on(DocumentContentImported event, @SequenceNumber long sequence) throws SQLException {
        int line = 0;
        for (RepeatEntryAdded added : event.entriesAdded()) {
            record(added, sequence, line++, entryAdded(added));
        }
        for (ItemAnswered answered : event.itemsAnswered()) {
            record(answered, sequence, line++, answered(answered));
        }
    }

    @EventHandler
    public void on(RepeatEntryMoved event, @SequenceNumber long sequence) throws SQLException {
        record(event, sequence, new Line(null, event.parentEntries(), null, null, event.reason(), Map.of(
                "groupId", event.groupId(), "entryId", event.entryId(),
                "fromPosition", event.fromPosition(), "toPosition", event.toPosition())));
    }

    @EventHandler
    public void on(RepeatEntryRemoved event, @SequenceNumber long sequence) throws SQLException {
        record(event, sequence, new Line(null, event.parentEntries(), null, null, event.reason(), Map.of(
                "groupId", event.groupId(), "entryId", event.entryId(), "position", event.position())));
    }

    @EventHandler
    public void on(FormRevisionMigrated event, @SequenceNumber long sequence) throws SQLException {
        record(event, sequence, new Line(null, List.of(), null, null, event.reason(), Map.of(
                "from", event.from().toString(), "to", event.to().toString(), "changes", event.changes())));
    }

    @EventHandler
    public void on(PastChangesImported event, @SequenceNumber long sequence) throws SQLException {
        record(event, sequence, new Line(null, List.of(), null, null, event.reason(), Map.of(
                "sourceName", event.sourceName() == null ? "" : event.sourceName(),
                "contentHash", event.contentHash(), "rows", event.changes().size())));
    }

    @EventHandler
    public void on(DocumentImported event, @SequenceNumber long sequence) throws SQLException {
        record(event, sequence, new Line(null, List.of(), null, null, event.reason(), Map.of(
                "sourceName", event.sourceName() == null ? "" : event.sourceName(),
                "contentHash", event.contentHash(), "rowsRead", event.rowsRead(), "rowsMapped", event.rowsMapped(),
                "unmapped", event.unmapped().size())));
    }

    @EventHandler
    public void on(VersionPublished event, @SequenceNumber long sequence) throws SQLException {
        record(event, sequence, new Line(null, List.of(), null, null, event.reason(), Map.of(
                "version", event.version(), "publishedOn", event.publishedOn().toString(),
                "changes", event.changes().size())));
    }

    @EventHandler
    public void on(ItemWithheldFromPublication event, @SequenceNumber long sequence) throws SQLException {
        record(event, sequence, new Line(event.itemId().value(), event.entries(), null, null, event.reason(), null));
    }

    @EventHandler
    public void on(ItemPublicationRestored event, @SequenceNumber long sequence) throws SQLException {
        record(event, sequence, new Line(event.itemId().value(), event.entries(), null, null, event.reason(), null));
    }

    /** Procedure steps: the dates as detail; their texts are in the items they fill (the ItemAnswered lines). */
    @EventHandler
    public void on(PublicCommentOpened event, @SequenceNumber long sequence) throws SQLException {
        Map<String, Object> detail = new java.util.LinkedHashMap<>(Map.of("version", event.version(),
                "from", event.from().toString(), "to", event.to().toString()));
        if (event.shorteningReason() != null) {
            detail.put("shorteningReason", event.shorteningReason());
        }
        record(event, sequence, new Line(null, List.of(), null, null, event.reason(), detail));
    }

    @EventHandler
    public void on(PublicCommentClosed event, @SequenceNumber long sequence) throws SQLException {
        record(event, sequence, new Line(null, List.of(), null, null, event.reason(), Map.of(
                "version", event.version(), "closedOn", event.closedOn().toString())));
    }

    @EventHandler
    public void on(ThirdPartyReviewRecorded event, @SequenceNumber long sequence) throws SQLException {
        record(event, sequence, new Line(null, List.of(), null, null, event.reason(), Map.of(
                "version", event.version(), "performedOn", event.performedOn().toString(), "body", event.body())));
    }

    @EventHandler
    public void on(SubmittedToCommission event, @SequenceNumber long sequence) throws SQLException {
        record(event, sequence, new Line(null, List.of(), null, null, event.reason(), Map.of(
                "version", event.version(), "submittedOn", event.submittedOn().toString())));
    }

    @EventHandler
    public void on(AffairEnded event, @SequenceNumber long sequence) throws SQLException {
        record(event, sequence, new Line(null, List.of(), null, null, event.reason(), Map.of(
                "endedOn", event.endedOn().toString())));
    }

    @EventHandler
    public void on(NextVersionStarted event, @SequenceNumber long sequence) throws SQLException {
        record(event, sequence, new Line(null, List.of(), null, null, event.reason(), Map.of(
                "version", event.version())));
    }

    @EventHandler
    public void on(ComponentInserted event, @SequenceNumber long sequence) throws SQLException {
        Map<String, Object> details = new java.util.LinkedHashMap<>(use(event.useId(), event.componentId().value()));
        details.put("version", event.version());
        details.put("mode", event.mode().name());
        if (event.similarity() != null) {
            details.put("similarity", event.similarity());
        }
        record(event, sequence, new Line(event.itemId().value(), event.entries(), null, null, event.reason(), details));
    }

    @EventHandler
    public void on(ComponentTextAdapted event, @SequenceNumber long sequence) throws SQLException {
        record(event, sequence, new Line(event.itemId().value(), event.entries(), null, null, event.reason(),
                with(use(event.useId(), event.componentId().value()), "previousMode", event.previousMode().name())));
    }

    @EventHandler
    public void on(ComponentUseModeChanged event, @SequenceNumber long sequence) throws SQLException {
        Map<String, Object> details = with(use(event.useId(), event.componentId().value()), "previousMode",
                event.previousMode().name());
        details.put("mode", event.mode().name());
        record(event, sequence, new Line(event.itemId().value(), event.entries(), null, null, event.reason(), details));
    }

    @EventHandler
    public void on(ComponentVersionAdopted event, @SequenceNumber long sequence) throws SQLException {
        Map<String, Object> details = with(use(event.useId(), event.componentId().value()), "fromVersion",
                event.fromVersion());
        details.put("toVersion", event.toVersion());
        details.put("timing", event.timing().name());
        details.put("explanation", event.explanation());
        record(event, sequence, new Line(event.itemId().value(), event.entries(), null, null, event.reason(), details));
    }

    @EventHandler
    public void on(ComponentProposalDeclined event, @SequenceNumber long sequence) throws SQLException {
        Map<String, Object> details = with(use(event.useId(), event.componentId().value()), "fromVersion",
                event.fromVersion());
        details.put("toVersion", event.toVersion());
        record(event, sequence, new Line(event.itemId().value(), event.entries(), null, null, event.reason(), details));
    }

    @EventHandler
    public void on(ComponentProposalDeferred event, @SequenceNumber long sequence) throws SQLException {
        Map<String, Object> details = with(use(event.useId(), event.componentId().value()), "fromVersion",
                event.fromVersion());
        details.put("toVersion", event.toVersion());
        if (event.until() != null) {
            details.put("until", event.until().toString());
        }
        record(event, sequence, new Line(event.itemId().value(), event.entries(), null, null, event.reason(), details));
    }

    private static Map<String, Object> use(String useId, String componentId) {
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("useId", useId);
        details.put("componentId", componentId);
        return details;
    }

    private static Map<String, Object> with(Map<String, Object> details, String key, Object value) {
        details.put(key, value);
        return details;
    }

    /**
     * The command that caused the event being handled (CommandNameCorrelation put it into the event's metadata);
     * read from the unit of work so that no handler has to pass it along. Null for events stored without it.
     */
    private static String commandName() {
        if (!CurrentUnitOfWork.isStarted() || CurrentUnitOfWork.get().getMessage() == null) {
            return null;
        }
        Object command = CurrentUnitOfWork.get().getMessage().getMetaData().get(CommandNameCorrelation.KEY);
        return command == null ? null : command.toString();
    }

    /** What one history row says, beyond who and when. */
    private record Line(String itemId, List<String> entries, Answer before, Answer after, String reason,
                        Map<String, Object> detail) {
    }

    /** Buffered in the processor's batch (see ReadModelBatch); written at once outside a unit of work. */
    private void record(AssessmentEvent event, long sequence, Line line) throws SQLException {
        record(event, sequence, 0, line);
    }

    /** Line {@code number} of the event's revision; the type is the event's (or the per-answer event's it stands for). */
    private void record(AssessmentEvent event, long sequence, int number, Line line) throws SQLException {
        HistoryWrites.add(connections, new HistoryWrites.HistoryRow(event.tenant().value(),
                event.assessmentId().value(), sequence + 1, number, event.getClass().getSimpleName(), line.itemId(),
                toJson(line.before()), toJson(line.after()), line.reason(), event.by().userId(),
                event.by().displayName(), timestamp(event.at()), EntryPaths.join(line.entries()),
                line.detail() == null ? null : ReadModels.detailJson(line.detail()), commandName()));
    }

    /** Earlier lines withhold the text; the redaction's own line says who redacted and why, never what. */
    @EventHandler
    public void on(PersonalDataRedacted event, @SequenceNumber long sequence) throws SQLException {
        ReadModelBatch.flush(connections);
        try (Connection connection = connections.getConnection()) {
            RedactedColumns.mask(connection, event, "rm_edit_history", new String[]{"reason"}, "old_answer",
                    "new_answer");
        }
        record(event, sequence, new Line(null, List.of(), null, null, event.reason(), Map.of(
                "replacement", Redaction.REPLACEMENT)));
    }
}
