package jp.hyoka.server.editing;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.command.AddRepeatEntry;
import jp.hyoka.domain.assessment.command.AnswerItem;
import jp.hyoka.domain.assessment.command.ClearAnswer;
import jp.hyoka.domain.assessment.command.MigrateFormRevision;
import jp.hyoka.domain.assessment.command.MoveRepeatEntry;
import jp.hyoka.domain.assessment.command.RemoveRepeatEntry;
import jp.hyoka.domain.assessment.command.StartAssessment;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.server.assessment.AssessmentCommands;
import jp.hyoka.server.assessment.EditOutcome;
import jp.hyoka.server.security.Caller;

import java.util.List;

/**
 * Editing an assessment: start it, answer and clear items, add, move and remove repeat entries, migrate its form
 * revision.
 */
@Singleton
public class Editing {

    private final AssessmentCommands commands;

    public Editing(AssessmentCommands commands) {
        this.commands = commands;
    }

    /** {@code formVersion}: null for the current revision of the kind. */
    public EditOutcome start(Caller caller, FormKind kind, String affairName, String formVersion) {
        AssessmentId id = commands.nextAssessmentId();
        return commands.send(caller, new StartAssessment(id, caller.tenant(), kind, affairName, caller.actor(),
                commands.now(),
                formVersion), result -> 1L);
    }

    public EditOutcome answer(Caller caller, String assessmentId, long expectedRevision, String itemId,
                              List<String> entries, Answer answer, String reason) {
        return commands.addressed(caller, assessmentId, itemId, (id, item) -> commands.send(caller,
                new AnswerItem(id, caller.tenant(),
                expectedRevision, item, entries, answer, reason, caller.actor(), commands.now()), Long.class::cast));
    }

    public EditOutcome clear(Caller caller, String assessmentId, long expectedRevision, String itemId,
                             List<String> entries, String reason) {
        return commands.addressed(caller, assessmentId, itemId, (id, item) -> commands.send(caller,
                new ClearAnswer(id, caller.tenant(),
                expectedRevision, item, entries, reason, caller.actor(), commands.now()), Long.class::cast));
    }

    /** Adds an entry with a fresh id, which the outcome reports so that the client can answer its items. */
    public EditOutcome addEntry(Caller caller, String assessmentId, long expectedRevision, String groupId,
                                List<String> parentEntries, Integer position, String reason) {
        String entryId = commands.nextEntryId();
        return commands.identified(assessmentId, id -> commands.send(caller, new AddRepeatEntry(id, caller.tenant(),
                expectedRevision,
                groupId, parentEntries, entryId, position, reason, caller.actor(), commands.now()), Long.class::cast))
                .withEntry(entryId);
    }

    public EditOutcome moveEntry(Caller caller, String assessmentId, long expectedRevision, String groupId,
                                 List<String> parentEntries, String entryId, int toPosition, String reason) {
        return commands.identified(assessmentId, id -> commands.send(caller, new MoveRepeatEntry(id, caller.tenant(),
                expectedRevision,
                groupId, parentEntries, entryId, toPosition, reason, caller.actor(), commands.now()),
                        Long.class::cast));
    }

    public EditOutcome removeEntry(Caller caller, String assessmentId, long expectedRevision, String groupId,
                                   List<String> parentEntries, String entryId, String reason) {
        return commands.identified(assessmentId, id -> commands.send(caller, new RemoveRepeatEntry(id, caller.tenant(),
                expectedRevision, groupId, parentEntries, entryId, reason, caller.actor(), commands.now()),
                        Long.class::cast));
    }

    public EditOutcome migrate(Caller caller, String assessmentId, long expectedRevision, String version,
                               String reason) {
        return commands.identified(assessmentId, id -> commands.send(caller, new MigrateFormRevision(id,
                caller.tenant(),
                expectedRevision, version, reason, caller.actor(), commands.now()), Long.class::cast));
    }
}
