package jp.hyoka.domain.components;

import jp.hyoka.domain.components.command.ChangeComponentFits;
import jp.hyoka.domain.components.command.DraftComponentVersion;
import jp.hyoka.domain.components.command.PublishComponentVersion;
import jp.hyoka.domain.components.command.RegisterSharedComponent;
import jp.hyoka.domain.components.command.SharedComponentCommand;
import jp.hyoka.domain.components.command.SubmitComponentVersion;
import jp.hyoka.domain.components.command.WithdrawComponentVersion;
import jp.hyoka.domain.components.event.SharedComponentEvent;
import jp.hyoka.domain.components.event.SharedComponentRegistered;
import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.Rejection;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A given/when/then harness for {@link SharedComponentDecider}, in the manner of the assessment's DeciderSpec:
 * {@code given} folds a history into state (none: not registered), {@code when} runs one command.
 */
final class ComponentSpec {

    private final SharedComponentDecider decider = ComponentFixtures.decider();
    private final List<SharedComponentEvent> history = new ArrayList<>();
    private SharedComponent state;
    private List<SharedComponentEvent> produced;
    private CommandRejected rejected;

    static SharedComponent fold(SharedComponentEvent... history) {
        SharedComponent folded = null;
        for (SharedComponentEvent event : history) {
            folded = folded == null ? SharedComponent.begin((SharedComponentRegistered) event) : folded.evolve(event);
        }
        return folded;
    }

    ComponentSpec given(SharedComponentEvent... events) {
        history.clear();
        history.addAll(List.of(events));
        state = fold(events);
        return this;
    }

    /** Takes what the last command produced into the history, for the next command: a story told step by step. */
    ComponentSpec andKeep() {
        assertNotRejected();
        history.addAll(produced);
        state = fold(history.toArray(SharedComponentEvent[]::new));
        return this;
    }

    /** The whole history so far. */
    List<SharedComponentEvent> history() {
        return List.copyOf(history);
    }

    ComponentSpec when(SharedComponentCommand command) {
        produced = null;
        rejected = null;
        try {
            if (command instanceof RegisterSharedComponent register) {
                produced = decider.register(state, register);
            } else if (command instanceof ChangeComponentFits change) {
                produced = decider.changeFits(state, change);
            } else if (command instanceof DraftComponentVersion draft) {
                produced = decider.draft(state, draft);
            } else if (command instanceof SubmitComponentVersion submit) {
                produced = decider.submit(state, submit);
            } else if (command instanceof PublishComponentVersion publish) {
                produced = decider.publish(state, publish);
            } else {
                produced = decider.withdraw(state, (WithdrawComponentVersion) command);
            }
        } catch (CommandRejected e) {
            rejected = e;
        }
        return this;
    }

    void thenEvents(SharedComponentEvent... expected) {
        assertNotRejected();
        assertThat(produced).containsExactly(expected);
    }

    <E extends SharedComponentEvent> E thenSingleEvent(Class<E> type) {
        assertNotRejected();
        assertThat(produced).hasSize(1).first().isInstanceOf(type);
        return type.cast(produced.get(0));
    }

    void thenNoEvents() {
        assertNotRejected();
        assertThat(produced).isEmpty();
    }

    <R extends Rejection> R thenRejected(Class<R> type) {
        assertThat(rejected).withFailMessage("expected %s but the command produced %s", type.getSimpleName(), produced)
                .isNotNull();
        assertThat(rejected.rejection()).isInstanceOf(type);
        return type.cast(rejected.rejection());
    }

    /** The state after the given history and the events the command produced. */
    SharedComponent thenState() {
        assertNotRejected();
        SharedComponent next = state;
        for (SharedComponentEvent event : produced) {
            next = next == null ? SharedComponent.begin((SharedComponentRegistered) event) : next.evolve(event);
        }
        return next;
    }

    private void assertNotRejected() {
        assertThat(rejected).withFailMessage(() -> "command was rejected: " + rejected.rejection()).isNull();
    }
}
