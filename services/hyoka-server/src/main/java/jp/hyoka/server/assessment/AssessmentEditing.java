package jp.hyoka.server.assessment;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.PastChange;
import jp.hyoka.domain.assessment.command.AddRepeatEntry;
import jp.hyoka.domain.assessment.command.AnswerItem;
import jp.hyoka.domain.assessment.command.AssessmentCommand;
import jp.hyoka.domain.assessment.command.ChangeExplanation;
import jp.hyoka.domain.assessment.command.ClearAnswer;
import jp.hyoka.domain.assessment.command.ImportDocument;
import jp.hyoka.domain.assessment.command.ImportPastChanges;
import jp.hyoka.domain.assessment.command.MigrateFormRevision;
import jp.hyoka.domain.assessment.command.MoveRepeatEntry;
import jp.hyoka.domain.assessment.command.PublishVersion;
import jp.hyoka.domain.assessment.command.RedactPersonalData;
import jp.hyoka.domain.assessment.command.RemoveRepeatEntry;
import jp.hyoka.domain.assessment.command.RevisionedCommand;
import jp.hyoka.domain.assessment.command.StartAssessment;
import jp.hyoka.domain.assessment.command.StartNextVersion;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.importing.body.ImportedDocument;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.rejection.AssessmentNotFound;
import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.StaleRevision;
import jp.hyoka.domain.rejection.UnknownItem;
import jp.hyoka.server.availability.ConnectionFailures;
import jp.hyoka.server.availability.DatabaseUnavailable;
import jp.hyoka.server.axon.StoredRevisions;
import jp.hyoka.server.security.Caller;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The write side as the API sees it: turns a caller's request into a domain command (tenant, actor and time from
 * the verified caller and the server clock), sends it, and reports the outcome as data. Rejections are expected
 * outcomes, not errors; anything else is a fault and propagates.
 */
@Singleton
public class AssessmentEditing {

    private static final Logger LOG = LoggerFactory.getLogger(AssessmentEditing.class);

    private final CommandGateway commands;
    private final AssessmentQueries queries;
    private final ReadModelCatchUp catchUp;
    private final Clock clock;
    private final TimeOrderedIds ids;
    private final StoredRevisions storedRevisions;

    public AssessmentEditing(CommandGateway commands, AssessmentQueries queries, ReadModelCatchUp catchUp,
                             StoredRevisions storedRevisions) {
        this.commands = commands;
        this.storedRevisions = storedRevisions;
        this.queries = queries;
        this.catchUp = catchUp;
        this.clock = Clock.systemUTC();
        this.ids = new TimeOrderedIds(clock);
    }

    /** {@code formVersion}: null for the current revision of the kind. */
    public EditOutcome start(Caller caller, FormKind kind, String affairName, String formVersion) {
        AssessmentId id = ids.nextAssessmentId();
        return send(caller, new StartAssessment(id, caller.tenant(), kind, affairName, caller.actor(), now(),
                formVersion), result -> 1L);
    }

    /**
     * A published document as a new assessment with the given id (derived from the file, so that importing it
     * again names the same assessment); {@code body} null for an annex-only file.
     */
    public EditOutcome importDocument(Caller caller, AssessmentId id, FormRef form, String affairName,
                                      ImportedDocument body, String sourceName, String contentHash,
                                      List<PastChange> pastChanges, String reason) {
        ImportDocument command = new ImportDocument(id, caller.tenant(), form, affairName, body, sourceName, contentHash,
                pastChanges, reason, caller.actor(), now());
        return send(caller, command, result -> command.resultingRevision());
    }

    public EditOutcome answer(Caller caller, String assessmentId, long expectedRevision, String itemId,
                              List<String> entries, Answer answer, String reason) {
        return addressed(caller, assessmentId, itemId, (id, item) -> send(caller, new AnswerItem(id, caller.tenant(),
                expectedRevision, item, entries, answer, reason, caller.actor(), now()), Long.class::cast));
    }

    public EditOutcome clear(Caller caller, String assessmentId, long expectedRevision, String itemId,
                             List<String> entries, String reason) {
        return addressed(caller, assessmentId, itemId, (id, item) -> send(caller, new ClearAnswer(id, caller.tenant(),
                expectedRevision, item, entries, reason, caller.actor(), now()), Long.class::cast));
    }

    /** Adds an entry with a fresh id, which the outcome reports so that the client can answer its items. */
    public EditOutcome addEntry(Caller caller, String assessmentId, long expectedRevision, String groupId,
                                List<String> parentEntries, Integer position, String reason) {
        String entryId = ids.next().toString();
        return identified(assessmentId, id -> send(caller, new AddRepeatEntry(id, caller.tenant(), expectedRevision,
                groupId, parentEntries, entryId, position, reason, caller.actor(), now()), Long.class::cast))
                .withEntry(entryId);
    }

    public EditOutcome moveEntry(Caller caller, String assessmentId, long expectedRevision, String groupId,
                                 List<String> parentEntries, String entryId, int toPosition, String reason) {
        return identified(assessmentId, id -> send(caller, new MoveRepeatEntry(id, caller.tenant(), expectedRevision,
                groupId, parentEntries, entryId, toPosition, reason, caller.actor(), now()), Long.class::cast));
    }

    public EditOutcome removeEntry(Caller caller, String assessmentId, long expectedRevision, String groupId,
                                   List<String> parentEntries, String entryId, String reason) {
        return identified(assessmentId, id -> send(caller, new RemoveRepeatEntry(id, caller.tenant(),
                expectedRevision, groupId, parentEntries, entryId, reason, caller.actor(), now()), Long.class::cast));
    }

    public EditOutcome migrate(Caller caller, String assessmentId, long expectedRevision, String version,
                               String reason) {
        return identified(assessmentId, id -> send(caller, new MigrateFormRevision(id, caller.tenant(),
                expectedRevision, version, reason, caller.actor(), now()), Long.class::cast));
    }

    public EditOutcome importPast(Caller caller, String assessmentId, long expectedRevision, String sourceName,
                                  String contentHash, List<PastChange> changes, String reason) {
        return identified(assessmentId, id -> send(caller, new ImportPastChanges(id, caller.tenant(), expectedRevision,
                sourceName, contentHash, changes, reason, caller.actor(), now()), Long.class::cast));
    }

    /** Publishes the draft on 公表日 {@code publishedOn}, each change explained. */
    public EditOutcome publish(Caller caller, String assessmentId, long expectedRevision, LocalDate publishedOn,
                               List<ChangeExplanation> explanations, String reason) {
        return identified(assessmentId, id -> send(caller, new PublishVersion(id, caller.tenant(), expectedRevision,
                publishedOn, explanations, reason, caller.actor(), now()), Long.class::cast));
    }

    public EditOutcome redact(Caller caller, String assessmentId, long expectedRevision, String text, String reason) {
        return identified(assessmentId, id -> send(caller, new RedactPersonalData(id, caller.tenant(), expectedRevision,
                text, reason, caller.actor(), now()), Long.class::cast));
    }

    public EditOutcome startNextVersion(Caller caller, String assessmentId, long expectedRevision, String reason) {
        return identified(assessmentId, id -> send(caller, new StartNextVersion(id, caller.tenant(), expectedRevision,
                reason, caller.actor(), now()), Long.class::cast));
    }

    private EditOutcome identified(String assessmentId, Function<AssessmentId, EditOutcome> edit) {
        return AssessmentId.parse(assessmentId).map(edit)
                .orElseGet(() -> new EditOutcome.Refused(new AssessmentNotFound(assessmentId)));
    }

    /** Ids that cannot name anything are refused here, with the same problems the domain would give. */
    private EditOutcome addressed(Caller caller, String assessmentId, String itemId,
                                  BiFunction<AssessmentId, ItemId, EditOutcome> edit) {
        return identified(assessmentId, id -> ItemId.isWellFormed(itemId) ? edit.apply(id, new ItemId(itemId))
                : new EditOutcome.Refused(new UnknownItem(itemId, formOf(caller, id))));
    }

    /**
     * A database outage while the command is out means its commit may have happened ({@link DatabaseUnavailable});
     * one after it came back means it was stored, and the edit is reported as such (not yet visible at worst).
     */
    private EditOutcome send(Caller caller, AssessmentCommand command, Function<Object, Long> revisionOf) {
        long revision;
        try {
            revision = revisionOf.apply(commands.sendAndWait(command));
        } catch (RuntimeException e) {
            Optional<EditOutcome> refused = expectedFailure(caller, command, e);
            if (refused.isEmpty() && ConnectionFailures.causedBy(e)) {
                throw DatabaseUnavailable.whileSending(e);
            }
            return refused.orElseThrow(() -> e);
        }
        try {
            if (!catchUp.await(caller.tenant(), command.assessmentId(), revision)) {
                LOG.warn("Read models did not reach revision {} of {} in time", revision, command.assessmentId());
            }
        } catch (RuntimeException e) {
            if (!ConnectionFailures.causedBy(e)) {
                throw e;
            }
            LOG.warn("Stored revision {} of {}; the database failed during the wait", revision, command.assessmentId());
        }
        return new EditOutcome.Edited(command.assessmentId(), revision);
    }

    /** A failure that is an expected outcome (a rejection, a lost race), as that outcome; empty for a fault. */
    private Optional<EditOutcome> expectedFailure(Caller caller, AssessmentCommand command,
                                                  RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CommandRejected rejected) {
                if (rejected.rejection() instanceof StaleRevision stale) {
                    catchUp.await(caller.tenant(), command.assessmentId(), stale.currentRevision());
                    return Optional.of(new EditOutcome.Refused(stale,
                            queries.changesSince(caller.tenant(), command.assessmentId(), stale.expectedRevision())));
                }
                return Optional.of(new EditOutcome.Refused(rejected.rejection()));
            }
            if (cause instanceof AggregateNotFoundException) {
                return Optional.of(new EditOutcome.Refused(new AssessmentNotFound(command.assessmentId().toString())));
            }
            if (cause instanceof AggregateStreamCreationException && command instanceof ImportDocument) {
                // The same file imported at the same moment (on any node): the other import created the assessment,
                // and this request names it, as a repeated import does.
                long current = storedRevisions.revision(command.assessmentId());
                catchUp.await(caller.tenant(), command.assessmentId(), current);
                return Optional.of(new EditOutcome.Edited(command.assessmentId(), current));
            }
            if (cause instanceof ConcurrencyException && command instanceof RevisionedCommand edit) {
                // Another node appended the same revision first: the same situation as a stale revision. The
                // winner's revision comes from the store; the read models are awaited so changesSince lists it.
                long current = storedRevisions.revision(command.assessmentId());
                catchUp.await(caller.tenant(), command.assessmentId(), current);
                return Optional.of(new EditOutcome.Refused(new StaleRevision(command.assessmentId().toString(),
                        edit.expectedRevision(), current),
                        queries.changesSince(caller.tenant(), command.assessmentId(), edit.expectedRevision())));
            }
        }
        return Optional.empty();
    }

    private String formOf(Caller caller, AssessmentId id) {
        return queries.find(caller.tenant(), id).map(view -> view.form().toString()).orElse("this assessment's form");
    }

    private Instant now() {
        return clock.instant();
    }
}
