package jp.hyoka.server.publicview;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.command.RestoreItemPublication;
import jp.hyoka.domain.assessment.command.WithholdItemFromPublication;
import jp.hyoka.server.assessment.AssessmentCommands;
import jp.hyoka.server.assessment.EditOutcome;
import jp.hyoka.server.security.Caller;

import java.util.List;

/** Marking an item 非公表 and taking the mark away: ordinary edits of the draft, sent through the host. */
@Singleton
public class PublicationMarks {

    private final AssessmentCommands commands;

    public PublicationMarks(AssessmentCommands commands) {
        this.commands = commands;
    }

    public EditOutcome withhold(Caller caller, String assessmentId, long expectedRevision, String itemId,
                                List<String> entries, String reason) {
        return commands.addressed(caller, assessmentId, itemId, (id, item) -> commands.send(caller,
                new WithholdItemFromPublication(id, caller.tenant(), expectedRevision, item, entries, reason,
                        caller.actor(), commands.now()), Long.class::cast));
    }

    public EditOutcome restore(Caller caller, String assessmentId, long expectedRevision, String itemId,
                               List<String> entries, String reason) {
        return commands.addressed(caller, assessmentId, itemId, (id, item) -> commands.send(caller,
                new RestoreItemPublication(id, caller.tenant(), expectedRevision, item, entries, reason,
                        caller.actor(), commands.now()), Long.class::cast));
    }
}
