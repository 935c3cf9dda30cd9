package jp.hyoka.server.components;

import jakarta.inject.Singleton;
import jp.hyoka.domain.components.SharedComponent;
import jp.hyoka.domain.components.command.RegisterSharedComponent;
import jp.hyoka.domain.components.command.SharedComponentCommand;
import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.ComponentAlreadyRegistered;
import jp.hyoka.domain.rejection.Rejection;
import jp.hyoka.server.axon.ReadModelCatchUp;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * Platform operators curate the catalogue: a command goes to the component's aggregate (the domain decides), and the
 * answer waits until the catalogue's read model shows the change (read-your-writes, the kernel's wait: woken by
 * read-model commits on any node), so that a query right after a
 * mutation sees it. Refusals are outcomes, not errors.
 */
@Singleton
public class ComponentCuration {

    /** The component after the command; or refused with a typed reason. */
    public sealed interface Outcome permits Changed, Refused {
    }

    public record Changed(SharedComponent component) implements Outcome {
    }

    public record Refused(Rejection rejection) implements Outcome {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ComponentCuration.class);

    private final CommandGateway commands;
    private final SharedComponentQueries queries;
    private final ReadModelCatchUp catchUp;

    public ComponentCuration(CommandGateway commands, SharedComponentQueries queries, ReadModelCatchUp catchUp) {
        this.commands = commands;
        this.queries = queries;
        this.catchUp = catchUp;
    }

    public Outcome send(SharedComponentCommand command) {
        SharedComponentAggregate.Decided decided;
        try {
            decided = commands.sendAndWait(command);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof CommandRejected rejected) {
                    return new Refused(rejected.rejection());
                }
                // another operator registered the same id a moment ago (on any node)
                if (command instanceof RegisterSharedComponent register
                        && (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException)) {
                    return new Refused(new ComponentAlreadyRegistered(register.componentId().value(), register.name()));
                }
            }
            throw e;
        }
        awaitReadModel(command.componentId().value(), decided.revision());
        return new Changed(decided.component());
    }

    private void awaitReadModel(String componentId, long revision) {
        if (!catchUp.await(() -> queries.revision(componentId), revision)) {
            LOG.warn("The catalogue did not reach revision {} of {} in time", revision, componentId);
        }
    }
}
