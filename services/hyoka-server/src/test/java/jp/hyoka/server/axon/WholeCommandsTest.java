package jp.hyoka.server.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live read-model processor projects a command's earlier events with its last one: from memory when they passed
 * this processor, from the store when it started inside the command (a restart, another node's claim).
 */
class WholeCommandsTest {

    private static final String ASSESSMENT = "a-1";

    private final List<Long> projected = new ArrayList<>();
    private final CountingStore store = new CountingStore();
    private final WholeCommands wholeCommands = new WholeCommands(() -> new Recording(projected), store, true);

    @Test
    void givenACommandsEarlierEventsPassedTheProcessor_whenItsLastComes_thenAllAreProjectedInOrderWithoutTheStore()
            throws Exception {
        List<DomainEventMessage<?>> command = command(5, 3);
        store.appendEvents(command);

        for (DomainEventMessage<?> event : command) {
            handle(event);
        }

        assertThat(projected).containsExactly(5L, 6L, 7L);
        assertThat(store.reads).isZero();
    }

    @Test
    void givenTheProcessorStartedInsideACommand_whenItsLastComes_thenTheEarlierEventsAreReadFromTheStore()
            throws Exception {
        List<DomainEventMessage<?>> command = command(0, 4);
        store.appendEvents(command);

        handle(command.get(2));        // the first two were projected by another node, or before a restart
        handle(command.get(3));

        assertThat(projected).containsExactly(0L, 1L, 2L, 3L);
        assertThat(store.reads).isEqualTo(1);
    }

    @Test
    void givenABatchRetriedAfterItsLastEventWasHandled_whenTheLastComesAgain_thenTheCommandIsProjectedWholeAgain()
            throws Exception {
        List<DomainEventMessage<?>> command = command(0, 3);
        store.appendEvents(command);
        for (DomainEventMessage<?> event : command) {
            handle(event);
        }
        projected.clear();

        handle(command.get(2));        // the retry starts after the earlier events' committed batch

        assertThat(projected).containsExactly(0L, 1L, 2L);
        assertThat(store.reads).isEqualTo(1);
    }

    @Test
    void givenAnEarlierCommandInterruptedOnThisNode_whenTheNextCommandPasses_thenOnlyItsEventsAreProjectedFromMemory()
            throws Exception {
        List<DomainEventMessage<?>> interrupted = stored(command(0, 4));
        List<DomainEventMessage<?>> next = stored(command(4, 3));
        handle(interrupted.get(0));    // then the claim was lost: another node projected this command
        handle(interrupted.get(1));
        projected.clear();

        handle(next.get(0));
        assertThat(wholeCommands.rememberedEvents()).isEqualTo(1);     // the interrupted command's are dropped
        handle(next.get(1));
        handle(next.get(2));

        assertThat(projected).containsExactly(4L, 5L, 6L);
        assertThat(store.reads).isZero();
        assertThat(wholeCommands.rememberedEvents()).isZero();
    }

    @Test
    void givenAnEarlierCommandInterruptedOnThisNode_whenAOneEventCommandOfItsAssessmentPasses_thenTheMemoryIsFreed()
            throws Exception {
        List<DomainEventMessage<?>> interrupted = command(0, 4);
        handle(interrupted.get(0));
        handle(interrupted.get(1));
        projected.clear();

        handle(command(4, 1).get(0));

        assertThat(projected).containsExactly(4L);
        assertThat(wholeCommands.rememberedEvents()).isZero();
    }

    @Test
    void givenABatchRolledBackAfterTheNextCommandBegan_whenRetriedFromInsideTheFirst_thenEachProjectsOnlyItsOwnEvents()
            throws Exception {
        List<DomainEventMessage<?>> first = stored(command(0, 3));
        List<DomainEventMessage<?>> next = stored(command(3, 4));
        handle(first.get(0));          // a committed batch
        for (DomainEventMessage<?> event : List.of(first.get(1), first.get(2), next.get(0), next.get(1), next.get(2))) {
            handle(event);             // a batch rolled back after these: the memory holds 3..5
        }
        projected.clear();

        handle(first.get(1));          // the retry: memory holds event 1 and events beyond the first command
        handle(first.get(2));
        assertThat(projected).containsExactly(0L, 1L, 2L);
        assertThat(store.reads).isEqualTo(1);                           // event 0 is no longer remembered
        for (DomainEventMessage<?> event : next) {
            handle(event);
        }

        assertThat(projected).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(store.reads).isEqualTo(1);
        assertThat(wholeCommands.rememberedEvents()).isZero();
    }

    private void handle(DomainEventMessage<?> event) throws Exception {
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        try {
            wholeCommands.handle(unitOfWork, () -> {
                projected.add(event.getSequenceNumber());       // the processor's own handling of the last event
                return null;
            });
        } finally {
            unitOfWork.commit();
        }
    }

    private List<DomainEventMessage<?>> stored(List<DomainEventMessage<?>> events) {
        store.appendEvents(events);
        return events;
    }

    /** {@code count} events of one command from sequence number {@code first}, each with its position. */
    private static List<DomainEventMessage<?>> command(long first, int count) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new GenericDomainEventMessage<>("Assessment", ASSESSMENT, first + i, "event " + i,
                    WholeCommands.positionInCommand(i, count)));
        }
        return events;
    }

    private record Recording(List<Long> projected) implements EventHandlerInvoker {

        @Override
        public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
            return true;
        }

        @Override
        public void handle(EventMessage<?> message, Segment segment) {
            projected.add(((DomainEventMessage<?>) message).getSequenceNumber());
        }
    }

    private static final class CountingStore extends InMemoryEventStorageEngine {

        int reads;

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            reads++;
            return super.readEvents(aggregateIdentifier, firstSequenceNumber);
        }
    }
}
