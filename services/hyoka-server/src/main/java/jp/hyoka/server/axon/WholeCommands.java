package jp.hyoka.server.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Read models move from one command's result to the next, never to a state in between: a reader only ever sees a
 * document at a revision some command left it at.
 *
 * <p>Why: a tracking processor commits its batches by size, and a batch may end inside a command. An import is one
 * command of hundreds of events; after a restart the read models showed it half-projected (revision 100 of 261)
 * until the next batch. So each event says where it stands in its command ({@link #positionInCommand}, written
 * by the aggregate). A read-model processor with this interceptor passes over every event but a command's last,
 * and on the last one projects the command's earlier events (read back from the event store: they were committed
 * in the same transaction) and then the last, all in the batch's one transaction. A crash between batches leaves
 * the token past some skipped events and before the last, which projects them all when the processor resumes.
 *
 * <p>Events stored without the position (before it existed) count as whole commands of one event, as before. A
 * command's last event must reach this interceptor: Axon drops events no handler of the processor takes before
 * interceptors see them, so every assessment event has a read-model handler (ReadModelHandlersTest). Rolling back
 * to a release without this class after its token stopped inside a command needs a read-model rebuild.
 */
public final class WholeCommands implements MessageHandlerInterceptor<EventMessage<?>> {

    static final String INDEX = "commandEventIndex";
    static final String COUNT = "commandEventCount";

    private final Supplier<EventHandlerInvoker> projections;
    private final EventStorageEngine events;
    /** The passed-over events of unfinished commands by aggregate and sequence number; null: not remembered. */
    private final Map<String, NavigableMap<Long, DomainEventMessage<?>>> passedOver;

    /**
     * @param projections the processor's own handlers (a supplier: the processor is built after this)
     * @param events      where the command's earlier events are read from; it must see the event tables on the
     *                    connection it uses inside the processor's unit of work
     * @param remember keep the events passed over until their command's last one and project those, reading the
     *                 store only when some are missing (the processor started inside the command): for a processor
     *                 that reads through the whole history, a rebuild, where reading each import's events a second
     *                 time was a sixth of the rebuild thread's waits (row 7's profile), and for the live processor,
     *                 where it read an import's ~100 KB content event a second time (row 4). The memory is the
     *                 commands under way, nothing more (a command's events are consecutive in the stream, and a
     *                 retried batch delivers the same events again). What a node remembered of a command it did not
     *                 finish (its claim lost in between, its batch rolled back and retried elsewhere) is dropped
     *                 when this node next sees an event of that assessment that starts or ends a command, one-event
     *                 commands included: per assessment, the memory holds only the events passed over since this
     *                 node last saw one of its commands begin or end. Projecting from memory needs every earlier
     *                 event of the command, by sequence number (events beyond it are left out), else the store is
     *                 read as before.
     */
    public WholeCommands(Supplier<EventHandlerInvoker> projections, EventStorageEngine events, boolean remember) {
        this.projections = projections;
        this.events = events;
        this.passedOver = remember ? new ConcurrentHashMap<>() : null;
    }

    /** The metadata of the {@code index}-th (from 0) of a command's {@code count} events. */
    public static MetaData positionInCommand(int index, int count) {
        return MetaData.from(Map.of(INDEX, index, COUNT, count));
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        EventMessage<?> event = unitOfWork.getMessage();
        if (!(event instanceof DomainEventMessage<?> domainEvent)) {
            return chain.proceed();
        }
        int count = number(event, COUNT, 1);
        int index = number(event, INDEX, count - 1);
        String aggregate = domainEvent.getAggregateIdentifier();
        if (index < count - 1) {
            if (passedOver != null) {
                // A command's first event: what is remembered of this assessment is an unfinished earlier command's.
                NavigableMap<Long, DomainEventMessage<?>> command = index == 0
                        ? replaceRemembered(aggregate) : passedOver.computeIfAbsent(aggregate, key -> new TreeMap<>());
                command.put(domainEvent.getSequenceNumber(), domainEvent);
            }
            return null;                           // projected with the command's last event
        }
        NavigableMap<Long, DomainEventMessage<?>> remembered = passedOver == null ? null : passedOver.remove(aggregate);
        if (count > 1) {
            if (!projectRemembered(remembered, domainEvent, count - 1)) {
                projectEarlierEvents(domainEvent, count - 1);
            }
        }
        return chain.proceed();
    }

    private NavigableMap<Long, DomainEventMessage<?>> replaceRemembered(String aggregate) {
        NavigableMap<Long, DomainEventMessage<?>> command = new TreeMap<>();
        passedOver.put(aggregate, command);
        return command;
    }

    /** How many passed-over events are remembered, all assessments together (for tests). */
    int rememberedEvents() {
        return passedOver == null ? 0 : passedOver.values().stream().mapToInt(Map::size).sum();
    }

    /** Projects the command's earlier events from memory if it holds every one of them; @return whether it did. */
    private boolean projectRemembered(NavigableMap<Long, DomainEventMessage<?>> remembered, DomainEventMessage<?> last,
                                      int earlier) throws Exception {
        if (remembered == null) {
            return false;
        }
        long first = last.getSequenceNumber() - earlier;
        NavigableMap<Long, DomainEventMessage<?>> command = remembered.subMap(first, true,
                last.getSequenceNumber(), false);
        if (command.size() != earlier) {
            return false;
        }
        EventHandlerInvoker invoker = projections.get();
        for (DomainEventMessage<?> event : command.values()) {
            invoker.handle(event, Segment.ROOT_SEGMENT);
        }
        return true;
    }

    private void projectEarlierEvents(DomainEventMessage<?> last, int earlier) throws Exception {
        EventHandlerInvoker invoker = projections.get();
        long first = last.getSequenceNumber() - earlier;
        DomainEventStream stream = events.readEvents(last.getAggregateIdentifier(), first);
        int projected = 0;
        while (stream.hasNext() && stream.peek().getSequenceNumber() < last.getSequenceNumber()) {
            // Single-segment processors: the root segment takes every event.
            invoker.handle(stream.next(), Segment.ROOT_SEGMENT);
            projected++;
        }
        if (projected != earlier) {
            // The batch rolls back and is retried: better stuck and logged than a document missing events.
            throw new IllegalStateException("command ending at " + last.getAggregateIdentifier() + "#"
                    + last.getSequenceNumber() + " has " + earlier + " earlier events, the store gave " + projected);
        }
    }

    private static int number(EventMessage<?> event, String key, int absent) {
        Object value = event.getMetaData().get(key);
        return value instanceof Number number ? number.intValue() : absent;
    }
}
