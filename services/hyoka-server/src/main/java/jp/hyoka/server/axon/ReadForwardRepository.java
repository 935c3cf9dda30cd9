package jp.hyoka.server.axon;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Axon's caching repository, made correct when other nodes append to the same aggregates: a cached aggregate is
 * read forward, the events stored after its version (by another node, or by this one through a unit of work the
 * cache missed) applied before the command sees it, in one statement that usually finds nothing. A cached
 * aggregate is thus exactly what a load from the store would give at that moment. An append that races with the read
 * (another node appends the same sequence number in between) fails on the event table's unique (aggregate,
 * sequence number) key, as without the cache; the unit of work rolls back and Axon's repository drops the cached
 * aggregate, so the next command loads it from the store. Axon's own caching repository does not read forward: on
 * several nodes it would decide on a stale state (a wrong StaleRevision, or an append refused as a conflict).
 */
final class ReadForwardRepository<T> extends CachingEventSourcingRepository<T> {

    private final Cache cache;
    private final EventStore eventStore;

    ReadForwardRepository(EventSourcingRepository.Builder<T> builder, Cache cache, EventStore eventStore) {
        super(builder);
        this.cache = cache;
        this.eventStore = eventStore;
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        boolean cached = cache.containsKey(aggregateIdentifier);
        EventSourcedAggregate<T> aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        if (cached && aggregate.version() != null) {
            DomainEventStream newer = eventStore.readEvents(aggregateIdentifier, aggregate.version() + 1);
            if (newer.hasNext()) {
                aggregate.initializeState(newer);
            }
        }
        return aggregate;
    }
}
