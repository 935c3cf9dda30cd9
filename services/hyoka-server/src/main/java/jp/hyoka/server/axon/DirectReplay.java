package jp.hyoka.server.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.annotation.MessageHandlerInvocationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.RepositoryProvider;
import org.axonframework.modelling.command.RepositorySpanFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An aggregate loaded from its stream as Axon's {@code EventSourcingRepository} loads it (the same trigger, root,
 * span, version and exceptions), but, for a root that is {@link DirectlyReplayed}, its events folded by the root
 * itself instead of through Axon's per-event dispatch (BENCHMARKS.md row 5). Why: per event, Axon's
 * {@code AnnotatedAggregate.publish} looks up the handler for the payload type, runs it through the handler
 * interceptor chain and {@code Method.invoke}, and checks the identifier reflectively: with the aggregate model's
 * scope, about a third of a 10-event load's CPU on top of reading it. Kept exactly as Axon's path:
 * <ul>
 *     <li>the root comes from the aggregate factory and the first message (a snapshot becomes the root);</li>
 *     <li>the snapshot trigger is told of every message, in order, before initialization finishes;</li>
 *     <li>the version is the stream's last sequence number, then the trigger's initialization ends, as Axon's
 *     {@code initializeState} ends;</li>
 *     <li>a handler's failure (e.g. a payload that cannot be read) is wrapped as Axon's dispatch wraps it.</li>
 * </ul>
 * A stream holding a message of a type the root does not replay (an unknown type, another aggregate's event, a
 * snapshot anywhere but first) goes through Axon's dispatch whole, as does every stream of a root that is not
 * {@link DirectlyReplayed}.
 */
final class DirectReplay<T> {

    private final AggregateFactory<T> factory;
    private final EventBus eventBus;
    private final RepositoryProvider repositories;
    private final SnapshotTriggerDefinition triggers;

    DirectReplay(AggregateFactory<T> factory, EventBus eventBus, RepositoryProvider repositories,
                 SnapshotTriggerDefinition triggers) {
        this.factory = factory;
        this.eventBus = eventBus;
        this.repositories = repositories;
        this.triggers = triggers;
    }

    /** What {@code EventSourcingRepository.doLoadWithLock} does, with the events folded by the root when it can. */
    EventSourcedAggregate<T> load(String aggregateIdentifier, Function<String, DomainEventStream> reader,
                                  AggregateModel<T> model, RepositorySpanFactory spans) {
        SnapshotTrigger trigger = triggers.prepareTrigger(factory.getAggregateType());
        DomainEventStream stream = reader.apply(aggregateIdentifier);
        if (!stream.hasNext()) {
            throw new AggregateNotFoundException(aggregateIdentifier, "The aggregate was not found in the event store");
        }
        EventSourcedAggregate<T> aggregate = spans.createInitializeStateSpan(model.type(), aggregateIdentifier)
                .runSupplier(() -> initialized(aggregateIdentifier, trigger, stream, model));
        if (aggregate.isDeleted()) {
            throw new AggregateDeletedException(aggregateIdentifier);
        }
        return aggregate;
    }

    private EventSourcedAggregate<T> initialized(String aggregateIdentifier, SnapshotTrigger trigger,
                                                 DomainEventStream stream, AggregateModel<T> model) {
        T root = factory.createAggregateRoot(aggregateIdentifier, stream.peek());
        EventSourcedAggregate<T> aggregate = EventSourcedAggregate.initialize(root, model, eventBus, repositories,
                trigger);
        if (!(root instanceof DirectlyReplayed direct)) {
            aggregate.initializeState(stream);
            return aggregate;
        }
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        stream.forEachRemaining(messages::add);
        Long last = stream.getLastSequenceNumber();
        if (!replaysAll(direct, messages)) {
            aggregate.initializeState(DomainEventStream.of(messages.stream(), () -> last));
            return aggregate;
        }
        for (int i = 0; i < messages.size(); i++) {
            DomainEventMessage<?> message = messages.get(i);
            if (direct.replays(message.getPayloadType())) {
                replay(direct, message);
            }
            trigger.eventHandled(message);
            if (i == 0 && aggregate.identifierAsString() == null) {      // set by the first (Axon checks each)
                throw new IncompatibleAggregateException("Aggregate identifier must be non-null after applying "
                        + "an event. Make sure the aggregate identifier is initialized at the latest when handling "
                        + "the creation event.");
            }
        }
        // what Axon's initializeState does once its events are folded: the version, the trigger's initialization
        // over; not through it with an empty stream (its aggregate scope and a stream pipeline: ~3 % of a load's CPU)
        aggregate.initSequence(last);
        trigger.initializationFinished();
        return aggregate;
    }

    /** Whether every message is one the root folds, or a snapshot that the first message is (its state the root). */
    private boolean replaysAll(DirectlyReplayed direct, List<DomainEventMessage<?>> messages) {
        for (int i = 0; i < messages.size(); i++) {
            Class<?> type = messages.get(i).getPayloadType();
            boolean snapshot = i == 0 && factory.getAggregateType().isAssignableFrom(type);
            if (!snapshot && !direct.replays(type)) {
                return false;
            }
        }
        return true;
    }

    private static void replay(DirectlyReplayed direct, DomainEventMessage<?> message) {
        try {
            direct.replay(message.getPayload());
        } catch (Exception e) {
            throw new MessageHandlerInvocationException(String.format("Error handling event of type [%s] in aggregate",
                    message.getPayloadType()), e);
        }
    }
}
