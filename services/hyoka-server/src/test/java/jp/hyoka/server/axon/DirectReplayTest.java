package jp.hyoka.server.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.annotation.MessageHandlerInvocationException;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.DefaultRepositorySpanFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.tracing.NoOpSpanFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which way {@link DirectReplay} folds a stream, and that it keeps Axon's bookkeeping: a root that replays every
 * message's type folds them itself (the handlers are not called), with the version, the trigger's messages and its
 * end as Axon's {@code initializeState} leaves them; a message of any other type sends the whole stream through
 * Axon's dispatch; a failing fold fails as Axon's dispatch does. (That the assessment folds to the very aggregate
 * Axon's replay gives: {@code DirectReplayIT}.)
 */
class DirectReplayTest {

    private static final AggregateModel<Notebook> MODEL = AnnotatedAggregateMetaModelFactory.inspectAggregate(
            Notebook.class);

    private final RecordingTrigger trigger = new RecordingTrigger();
    private final DirectReplay<Notebook> replay = new DirectReplay<>(new GenericAggregateFactory<>(MODEL),
            SimpleEventBus.builder().build(), null, type -> trigger);

    @Test
    void givenEventsTheRootReplays_whenLoaded_thenTheRootFoldsThemWithAxonsVersionAndTrigger() {
        List<DomainEventMessage<?>> events = List.of(event(0, new Opened("n-1")), event(1, new Noted("a")),
                event(2, new Noted("b")));

        EventSourcedAggregate<Notebook> loaded = load(events);

        assertThat(loaded.getAggregateRoot().folded).containsExactly("replayed n-1", "replayed a", "replayed b");
        assertThat(loaded.version()).isEqualTo(2L);
        assertThat(loaded.identifierAsString()).isEqualTo("n-1");
        assertThat(trigger.handled).containsExactlyElementsOf(events);
        assertThat(trigger.finished).isTrue();
    }

    @Test
    void givenAnEventOfATypeTheRootDoesNotReplay_whenLoaded_thenAxonsDispatchFoldsTheWholeStream() {
        List<DomainEventMessage<?>> events = List.of(event(0, new Opened("n-1")), event(1, new Noted("a")),
                event(2, "an event of another type"));

        EventSourcedAggregate<Notebook> loaded = load(events);

        assertThat(loaded.getAggregateRoot().folded).containsExactly("handled n-1", "handled a");
        assertThat(loaded.version()).isEqualTo(2L);
        assertThat(trigger.handled).containsExactlyElementsOf(events);
        assertThat(trigger.finished).isTrue();
    }

    @Test
    void givenAnEventTheFoldRefuses_whenLoaded_thenItFailsAsAxonsDispatchFails() {
        List<DomainEventMessage<?>> events = List.of(event(0, new Opened("n-1")), event(1, new Noted("refused")));
        List<DomainEventMessage<?>> dispatched = List.of(event(0, new Opened("n-1")), event(1, new Noted("refused")),
                event(2, "of another type: Axon's dispatch"));

        assertThatThrownBy(() -> load(events)).isInstanceOf(MessageHandlerInvocationException.class)
                .hasMessage("Error handling event of type [" + Noted.class + "] in aggregate")
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> load(dispatched)).isInstanceOf(MessageHandlerInvocationException.class)
                .hasMessage("Error handling event of type [" + Noted.class + "] in aggregate")
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenNoEvents_whenLoaded_thenNotFound() {
        assertThatThrownBy(() -> load(List.of())).isInstanceOf(AggregateNotFoundException.class);
    }

    private EventSourcedAggregate<Notebook> load(List<DomainEventMessage<?>> events) {
        return replay.load("n-1", id -> DomainEventStream.of(events), MODEL,
                DefaultRepositorySpanFactory.builder().spanFactory(NoOpSpanFactory.INSTANCE).build());
    }

    private static DomainEventMessage<?> event(long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Notebook", "n-1", sequence, payload);
    }

    record Opened(String id) {
    }

    record Noted(String text) {
    }

    /** Folds through its handlers when Axon dispatches, through {@link #replay} when loaded directly. */
    static class Notebook implements DirectlyReplayed {
        @AggregateIdentifier
        private String id;
        final List<String> folded = new ArrayList<>();

        Notebook() {
        }

        @EventSourcingHandler
        void on(Opened opened) {
            id = opened.id();
            folded.add("handled " + opened.id());
        }

        @EventSourcingHandler
        void on(Noted noted) {
            refuse(noted);
            folded.add("handled " + noted.text());
        }

        @Override
        public boolean replays(Class<?> payloadType) {
            return payloadType == Opened.class || payloadType == Noted.class;
        }

        @Override
        public void replay(Object event) {
            if (event instanceof Opened opened) {
                id = opened.id();
                folded.add("replayed " + opened.id());
            } else {
                refuse((Noted) event);
                folded.add("replayed " + ((Noted) event).text());
            }
        }

        private static void refuse(Noted noted) {
            if (noted.text().equals("refused")) {
                throw new IllegalArgumentException("refused");
            }
        }
    }

    private static final class RecordingTrigger implements SnapshotTrigger {
        final List<EventMessage<?>> handled = new ArrayList<>();
        boolean finished;

        @Override
        public void eventHandled(EventMessage<?> message) {
            handled.add(message);
        }

        @Override
        public void initializationFinished() {
            finished = true;
        }
    }
}
