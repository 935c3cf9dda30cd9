package jp.hyoka.server.publication;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.command.ChangeExplanation;
import jp.hyoka.domain.assessment.command.PublishVersion;
import jp.hyoka.domain.assessment.command.RedactPersonalData;
import jp.hyoka.domain.assessment.command.StartNextVersion;
import jp.hyoka.server.assessment.AssessmentCommands;
import jp.hyoka.server.assessment.EditOutcome;
import jp.hyoka.server.security.Caller;

import java.time.LocalDate;
import java.util.List;

/** The publication cycle: publish the draft, start the next version, withhold personal data (redaction). */
@Singleton
public class Publishing {

    private final AssessmentCommands commands;

    public Publishing(AssessmentCommands commands) {
        this.commands = commands;
    }

    /** Publishes the draft on 公表日 {@code publishedOn}, each change explained. */
    public EditOutcome publish(Caller caller, String assessmentId, long expectedRevision, LocalDate publishedOn,
                               List<ChangeExplanation> explanations, String reason) {
        return commands.identified(assessmentId, id -> commands.send(caller, new PublishVersion(id, caller.tenant(),
                expectedRevision,
                publishedOn, explanations, reason, caller.actor(), commands.now()), Long.class::cast));
    }

    public EditOutcome redact(Caller caller, String assessmentId, long expectedRevision, String text, String reason) {
        return commands.identified(assessmentId, id -> commands.send(caller, new RedactPersonalData(id,
                caller.tenant(), expectedRevision,
                text, reason, caller.actor(), commands.now()), Long.class::cast));
    }

    public EditOutcome startNextVersion(Caller caller, String assessmentId, long expectedRevision, String reason) {
        return commands.identified(assessmentId, id -> commands.send(caller, new StartNextVersion(id,
                caller.tenant(), expectedRevision,
                reason, caller.actor(), commands.now()), Long.class::cast));
    }
}
