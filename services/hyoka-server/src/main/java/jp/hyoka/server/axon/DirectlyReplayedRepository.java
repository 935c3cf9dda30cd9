package jp.hyoka.server.axon;

import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;

/**
 * Axon's event-sourcing repository, loading as it does but folding the events without its per-event dispatch
 * ({@link DirectReplay}): the repository when no aggregates are kept ({@code hyoka.axon.aggregate-cache-size} 0).
 */
final class DirectlyReplayedRepository<T> extends EventSourcingRepository<T> {

    private final DirectReplay<T> replay;

    DirectlyReplayedRepository(EventSourcingRepository.Builder<T> builder, DirectReplay<T> replay) {
        super(builder);
        this.replay = replay;
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        return replay.load(aggregateIdentifier, this::readEvents, aggregateModel(), spanFactory);
    }
}
