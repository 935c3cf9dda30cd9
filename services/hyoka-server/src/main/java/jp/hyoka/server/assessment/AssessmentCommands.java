package jp.hyoka.server.assessment;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.command.AssessmentCommand;
import jp.hyoka.domain.assessment.command.ImportDocument;
import jp.hyoka.domain.assessment.command.RevisionedCommand;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.rejection.AssessmentNotFound;
import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.StaleRevision;
import jp.hyoka.domain.rejection.UnknownItem;
import jp.hyoka.server.availability.ConnectionFailures;
import jp.hyoka.server.availability.DatabaseUnavailable;
import jp.hyoka.server.axon.AggregateCache;
import jp.hyoka.server.axon.ReadModelCatchUp;
import jp.hyoka.server.axon.StoredRevisions;
import jp.hyoka.server.axon.TimeOrderedIds;
import jp.hyoka.server.security.Caller;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The write side every feature sends its assessment commands through: a command carries tenant, actor and time
 * from the verified caller and the server clock; it is sent, the read models are awaited (read-your-writes), and the
 * outcome is reported as data. Rejections are expected outcomes, not errors; anything else is a fault and
 * propagates. The features build the commands (editing.Editing, publication.Publishing, importing.ImportCommands).
 */
@Singleton
public class AssessmentCommands {

    private static final Logger LOG = LoggerFactory.getLogger(AssessmentCommands.class);

    private final CommandGateway commands;
    private final AssessmentQueries queries;
    private final ReadModelCatchUp catchUp;
    private final Clock clock;
    private final TimeOrderedIds ids;
    private final StoredRevisions storedRevisions;
    private final AggregateCache aggregates;

    public AssessmentCommands(CommandGateway commands, AssessmentQueries queries, ReadModelCatchUp catchUp,
                             StoredRevisions storedRevisions, AggregateCache aggregates) {
        this.commands = commands;
        this.aggregates = aggregates;
        this.storedRevisions = storedRevisions;
        this.queries = queries;
        this.catchUp = catchUp;
        this.clock = Clock.systemUTC();
        this.ids = new TimeOrderedIds(clock);
    }

    /** An assessment id that cannot name anything is refused here, as the domain would refuse it. */
    public EditOutcome identified(String assessmentId, Function<AssessmentId, EditOutcome> edit) {
        return AssessmentIds.parse(assessmentId).map(edit)
                .orElseGet(() -> new EditOutcome.Refused(new AssessmentNotFound(assessmentId)));
    }

    /** Ids that cannot name anything are refused here, with the same problems the domain would give. */
    public EditOutcome addressed(Caller caller, String assessmentId, String itemId,
                                  BiFunction<AssessmentId, ItemId, EditOutcome> edit) {
        return identified(assessmentId, id -> ItemId.isWellFormed(itemId) ? edit.apply(id, new ItemId(itemId))
                : new EditOutcome.Refused(new UnknownItem(itemId, formOf(caller, id))));
    }

    /**
     * A database outage while the command is out means its commit may have happened ({@link DatabaseUnavailable});
     * one after it came back means it was stored, and the edit is reported as such (not yet visible at worst).
     */
    public EditOutcome send(Caller caller, AssessmentCommand command, Function<Object, Long> revisionOf) {
        long revision;
        try {
            revision = revisionOf.apply(sent(command));
        } catch (RuntimeException e) {
            Optional<EditOutcome> refused = expectedFailure(caller, command, e);
            if (refused.isEmpty() && ConnectionFailures.causedBy(e)) {
                throw DatabaseUnavailable.whileSending(e);
            }
            return refused.orElseThrow(() -> e);
        }
        boolean visible = false;
        try {
            visible = catchUp.await(caller.tenant(), command.assessmentId(), revision);
            if (!visible) {
                LOG.warn("Read models did not reach revision {} of {} in time", revision, command.assessmentId());
            }
        } catch (RuntimeException e) {
            if (!ConnectionFailures.causedBy(e)) {
                throw e;
            }
            LOG.warn("Stored revision {} of {}; the database failed during the wait", revision, command.assessmentId());
        }
        return new EditOutcome.Edited(command.assessmentId(), revision, null, visible);
    }

    /**
     * The command's result. A command that failed on a kept copy of its assessment used unread, which may be stale
     * ({@link AggregateCache}), is sent once more if the store holds more than the copy did: it then loads the
     * assessment from the store. A refusal on a current copy stands (one query, not a second command). Not after a
     * database failure, when the first may have been committed.
     */
    private Object sent(AssessmentCommand command) {
        aggregates.sending();
        try {
            return commands.sendAndWait(command);
        } catch (RuntimeException e) {
            if (aggregates.refusedOnUnverifiedCopy(command.assessmentId().toString())
                    .filter(copy -> !ConnectionFailures.causedBy(e))
                    .filter(copy -> storedRevisions.revision(command.assessmentId()) != copy.version() + 1)
                    .isPresent()) {
                return commands.sendAndWait(command);           // the copy was behind the store: decide again
            }
            throw e;
        }
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

    /** The server's time, which every command carries. */
    public Instant now() {
        return clock.instant();
    }

    /** A new assessment's id (UUIDv7). */
    public AssessmentId nextAssessmentId() {
        return ids.nextAssessmentId();
    }

    /** A new repeat entry's id (UUIDv7). */
    public String nextEntryId() {
        return ids.next().toString();
    }
}
