package jp.hyoka.domain.assessment.command;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;

/**
 * An edit someone asks for. The tenant, the actor and the time come in with the command: the domain never reads
 * a clock or a security context.
 */
public sealed interface AssessmentCommand permits StartAssessment, ImportDocument, RevisionedCommand {

    AssessmentId assessmentId();

    MunicipalityCode tenant();

    Actor by();

    Instant at();
}
