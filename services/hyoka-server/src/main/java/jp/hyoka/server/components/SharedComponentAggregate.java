package jp.hyoka.server.components;

import jp.hyoka.domain.components.SharedComponent;
import jp.hyoka.domain.components.SharedComponentDecider;
import jp.hyoka.domain.components.command.ChangeComponentFits;
import jp.hyoka.domain.components.command.DraftComponentVersion;
import jp.hyoka.domain.components.command.PublishComponentVersion;
import jp.hyoka.domain.components.command.RegisterSharedComponent;
import jp.hyoka.domain.components.command.SubmitComponentVersion;
import jp.hyoka.domain.components.command.WithdrawComponentVersion;
import jp.hyoka.domain.components.event.SharedComponentEvent;
import jp.hyoka.domain.components.event.SharedComponentRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;

import java.util.List;

/**
 * Axon's view of a shared component, identified by its {@code ComponentId}: routes commands to the pure
 * {@link SharedComponentDecider} and folds events with {@link SharedComponent#evolve}. No business rule lives here.
 * Every handler may meet a component that is not registered yet ({@code CREATE_IF_MISSING}): the decider then sees
 * {@code null} and registers it, or refuses with {@code ComponentNotFound}; a refusal stores nothing. A racing second
 * registration loses on the event store's unique (aggregate, sequence) key.
 */
public class SharedComponentAggregate {

    /** What a handler answers: the component after the command, and how many events it now has. */
    public record Decided(SharedComponent component, long revision) {
    }

    @AggregateIdentifier
    private String id;
    private SharedComponent state;
    private long revision;

    /** For Axon: state is rebuilt from events, and a command meeting no component starts from this empty one. */
    public SharedComponentAggregate() {
        // no state until the registration is folded
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Decided handle(RegisterSharedComponent command, SharedComponentDecider decider) {
        return decided(decider.register(state, command));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Decided handle(ChangeComponentFits command, SharedComponentDecider decider) {
        return decided(decider.changeFits(state, command));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Decided handle(DraftComponentVersion command, SharedComponentDecider decider) {
        return decided(decider.draft(state, command));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Decided handle(SubmitComponentVersion command, SharedComponentDecider decider) {
        return decided(decider.submit(state, command));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Decided handle(PublishComponentVersion command, SharedComponentDecider decider) {
        return decided(decider.publish(state, command));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Decided handle(WithdrawComponentVersion command, SharedComponentDecider decider) {
        return decided(decider.withdraw(state, command));
    }

    private Decided decided(List<SharedComponentEvent> events) {
        events.forEach(AggregateLifecycle::apply);
        return new Decided(state, revision);
    }

    @EventSourcingHandler
    void on(SharedComponentEvent event) {
        id = event.componentId().value();
        state = state == null ? SharedComponent.begin((SharedComponentRegistered) event) : state.evolve(event);
        revision++;
    }
}
