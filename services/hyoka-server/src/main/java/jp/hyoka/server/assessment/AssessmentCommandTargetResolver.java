package jp.hyoka.server.assessment;

import jp.hyoka.domain.assessment.command.AssessmentCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Routes a command to its assessment without annotations on the domain's command records. The expected version is
 * left to the domain, which refuses a stale revision with a typed rejection instead of Axon's generic conflict.
 */
final class AssessmentCommandTargetResolver implements CommandTargetResolver {

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        AssessmentCommand payload = (AssessmentCommand) command.getPayload();
        return new VersionedAggregateIdentifier(payload.assessmentId().toString(), null);
    }
}
