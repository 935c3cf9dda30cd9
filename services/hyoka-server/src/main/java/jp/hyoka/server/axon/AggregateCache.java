package jp.hyoka.server.axon;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositorySpanFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The aggregates this node loaded last, kept between commands so that a command on a document this node edited
 * recently reads only the events appended since (usually none: one statement, nothing replayed) instead of its
 * snapshot and up to {@code hyoka.axon.snapshot-every} events, replayed (issue 22, BENCHMARKS.md row 1). At most
 * {@code hyoka.axon.aggregate-cache-size} aggregates, the least recently used dropped first (0: no cache, every
 * command loads from the store). Correct across nodes because a cached aggregate is always read forward
 * ({@link ReadForwardRepository}); an aggregate whose command failed or was refused is dropped (Axon's caching
 * repository evicts on the unit of work's rollback).
 */
@Singleton
public class AggregateCache implements Cache {

    private final int capacity;
    private final Map<Object, Object> entries;

    public AggregateCache(@Value("${hyoka.axon.aggregate-cache-size:1000}") int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("hyoka.axon.aggregate-cache-size must be 0 (off) or more: " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > AggregateCache.this.capacity;
            }
        };
    }

    /** The repository for {@code type}: Axon's event-sourcing repository as AggregateConfigurer builds it, cached. */
    public <A> Repository<A> repository(Class<A> type, Configuration configuration,
                                        SnapshotTriggerDefinition snapshotTrigger) {
        AggregateModel<A> model = new AnnotatedAggregateMetaModelFactory(configuration.parameterResolverFactory(),
                configuration.handlerDefinition(type)).createModel(type);
        EventSourcingRepository.Builder<A> builder = EventSourcingRepository.builder(type)
                .aggregateModel(model)
                .eventStore(configuration.eventStore())
                .snapshotTriggerDefinition(snapshotTrigger)
                .aggregateFactory(new GenericAggregateFactory<>(model))
                .repositoryProvider(configuration::repository)
                .spanFactory(configuration.getComponent(RepositorySpanFactory.class));
        if (capacity == 0) {
            return builder.build();
        }
        return new ReadForwardRepository<>(builder.cache(this), this, configuration.eventStore());
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public synchronized void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    public synchronized boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public synchronized void removeAll() {
        entries.clear();
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    /** Nothing listens to this cache (Axon's repositories do not); a listener would never be told anything. */
    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        throw new UnsupportedOperationException("AggregateCache tells no listeners");
    }

    /** How many aggregates are kept now. */
    public synchronized int size() {
        return entries.size();
    }
}
