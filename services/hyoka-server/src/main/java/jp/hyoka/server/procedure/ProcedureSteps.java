package jp.hyoka.server.procedure;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.command.ClosePublicComment;
import jp.hyoka.domain.assessment.command.OpenPublicComment;
import jp.hyoka.domain.assessment.command.RecordAffairEnd;
import jp.hyoka.domain.assessment.command.RecordThirdPartyReview;
import jp.hyoka.domain.assessment.command.SubmitToCommission;
import jp.hyoka.server.assessment.AssessmentCommands;
import jp.hyoka.server.assessment.EditOutcome;
import jp.hyoka.server.security.Caller;

import java.time.LocalDate;

/** The steps of the 評価実施手続: edits of the draft like any other, sent through the host. */
@Singleton
public class ProcedureSteps {

    private final AssessmentCommands commands;

    public ProcedureSteps(AssessmentCommands commands) {
        this.commands = commands;
    }

    public EditOutcome open(Caller caller, String assessmentId, long expectedRevision, LocalDate from, LocalDate to,
                            String shorteningReason, String reason) {
        return commands.identified(assessmentId, id -> commands.send(caller, new OpenPublicComment(id,
                caller.tenant(), expectedRevision, from, to, shorteningReason, reason, caller.actor(),
                commands.now()), Long.class::cast));
    }

    public EditOutcome close(Caller caller, String assessmentId, long expectedRevision, LocalDate closedOn,
                             String opinions, String reflection, String reason) {
        return commands.identified(assessmentId, id -> commands.send(caller, new ClosePublicComment(id,
                caller.tenant(), expectedRevision, closedOn, opinions, reflection, reason, caller.actor(),
                commands.now()), Long.class::cast));
    }

    public EditOutcome review(Caller caller, String assessmentId, long expectedRevision, LocalDate performedOn,
                              String body, String method, String result, String reason) {
        return commands.identified(assessmentId, id -> commands.send(caller, new RecordThirdPartyReview(id,
                caller.tenant(), expectedRevision, performedOn, body, method, result, reason, caller.actor(),
                commands.now()), Long.class::cast));
    }

    public EditOutcome submit(Caller caller, String assessmentId, long expectedRevision, LocalDate submittedOn,
                              String reason) {
        return commands.identified(assessmentId, id -> commands.send(caller, new SubmitToCommission(id,
                caller.tenant(), expectedRevision, submittedOn, reason, caller.actor(), commands.now()),
                Long.class::cast));
    }

    /** 事務終了: not a step before 公表 but the end of the 事務's whole cycle; sent the same way. */
    public EditOutcome endAffair(Caller caller, String assessmentId, long expectedRevision, LocalDate endedOn,
                                 String reason) {
        return commands.identified(assessmentId, id -> commands.send(caller, new RecordAffairEnd(id, caller.tenant(),
                expectedRevision, endedOn, reason, caller.actor(), commands.now()), Long.class::cast));
    }
}
