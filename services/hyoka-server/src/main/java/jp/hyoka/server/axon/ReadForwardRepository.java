package jp.hyoka.server.axon;

import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.Objects;

/**
 * Axon's caching repository, made correct when other nodes append to the same aggregates ({@link AggregateCache}).
 * A kept aggregate is used unread while no other node announced an append since it was kept; otherwise it is read
 * forward: the events stored after its version applied before the command sees it, in one statement that usually
 * finds nothing, so that it is what a load from the store would give at that moment. A command decided on a copy
 * that was stale all the same (another node's append not yet announced, or racing with the read) appends a sequence
 * number that is taken and fails on the event table's unique (aggregate, sequence number) key, as without the cache;
 * one refused on an unverified copy is marked for the sender to send again, and one that decided no event on an
 * unverified copy asks the store for the last sequence number before it commits (it fails as stale when it differs). Either way the unit of work rolls back
 * and Axon's repository drops the kept aggregate, so the next command loads it from the store. Axon's own caching
 * repository neither reads forward nor marks: on several nodes it would refuse an edit on a stale state. An aggregate
 * that is not kept is loaded from the store as Axon's repository loads it, its events folded without Axon's per-event
 * dispatch ({@link DirectReplay}).
 */
final class ReadForwardRepository<T> extends CachingEventSourcingRepository<T> {

    private final AggregateCache cache;
    private final EventStore eventStore;
    private final DirectReplay<T> replay;

    ReadForwardRepository(EventSourcingRepository.Builder<T> builder, AggregateCache cache, EventStore eventStore,
                          DirectReplay<T> replay) {
        super(builder);
        this.cache = cache;
        this.eventStore = eventStore;
        this.replay = replay;
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        cache.loading();
        boolean cached = cache.containsKey(aggregateIdentifier);
        boolean trusted = cached && cache.trusted(aggregateIdentifier);
        // a miss loads as Axon's caching repository does on a miss (it only reads the stream), folded directly
        EventSourcedAggregate<T> aggregate = cached ? super.doLoadWithLock(aggregateIdentifier, expectedVersion)
                : replay.load(aggregateIdentifier, this::readEvents, aggregateModel(), spanFactory);
        if (trusted) {
            Long keptVersion = aggregate.version();
            CurrentUnitOfWork.get().onRollback(unitOfWork ->
                    cache.failedOnUnverifiedCopy(aggregateIdentifier, keptVersion));
            CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> {
                // decided without an event, so no insert meets the unique key that catches a stale copy: ask the
                // store whether the copy was current (an edit repeating the value it has must still be refused as
                // StaleRevision when another node moved the assessment on unannounced)
                if (Objects.equals(aggregate.version(), keptVersion) && !Objects.equals(keptVersion,
                        eventStore.lastSequenceNumberFor(aggregateIdentifier).orElse(null))) {
                    throw new ConcurrencyException("the kept copy of " + aggregateIdentifier + " was behind the store");
                }
            });
        } else if (cached && aggregate.version() != null) {
            DomainEventStream newer = eventStore.readEvents(aggregateIdentifier, aggregate.version() + 1);
            if (newer.hasNext()) {
                aggregate.initializeState(newer);
            }
        }
        return aggregate;
    }
}
