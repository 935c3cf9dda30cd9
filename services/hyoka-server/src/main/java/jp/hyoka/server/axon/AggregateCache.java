package jp.hyoka.server.axon;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositoryProvider;
import org.axonframework.modelling.command.RepositorySpanFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The aggregates this node edited last, kept between commands so that a command on one of them loads nothing, or only
 * the events appended since, instead of its snapshot and up to {@code hyoka.axon.snapshot-every} events, replayed
 * (issue 22, BENCHMARKS.md row 1). At most {@code hyoka.axon.aggregate-cache-size} aggregates, the least recently used
 * dropped first (0: no cache, every command loads from the store). An aggregate whose command failed or was refused
 * is dropped (Axon's caching repository evicts on the unit of work's rollback).
 *
 * <p>Across nodes ({@link ReadForwardRepository}): a kept aggregate is used as it is while no other node announced an
 * append since it was kept ({@link #appendedElsewhere}, the {@code hyoka_events_appended} notification); otherwise it
 * is read forward first. An append not yet announced is caught all the same: a command decided on a stale copy
 * appends a sequence number the other node already took and fails on the event table's unique key (a StaleRevision,
 * as without the cache), and a command refused on an unverified copy is sent once more, loaded from the store
 * ({@link #refusedOnUnverifiedCopy}).
 */
@Singleton
public class AggregateCache implements Cache {

    private final int capacity;
    private final Map<Object, Kept> entries;
    /** Appends other nodes announced so far; a kept aggregate remembers how many it has seen. */
    private final AtomicLong announcedElsewhere = new AtomicLong();
    /**
     * The aggregate whose last command on this thread failed on an unverified copy, and the copy's version (its last
     * sequence number); commands run on the sender's thread.
     */
    private final ThreadLocal<UnverifiedFailure> refusedUnverified = new ThreadLocal<>();

    /** A command failed on a copy of {@code aggregate} at {@code version} used unread. */
    public record UnverifiedFailure(String aggregate, long version) {
    }
    /**
     * The announcements counted when this thread's command began to load its aggregate: a copy is kept with what was
     * announced before it was read, not before it was saved (an announcement in between may be of an append the copy
     * does not hold).
     */
    private final ThreadLocal<Long> announcedAtLoad = new ThreadLocal<>();

    public AggregateCache(@Value("${hyoka.axon.aggregate-cache-size:256}") int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("hyoka.axon.aggregate-cache-size must be 0 (off) or more: " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Kept> eldest) {
                return size() > AggregateCache.this.capacity;
            }
        };
    }

    /**
     * The repository for {@code type}: Axon's event-sourcing repository as AggregateConfigurer builds it, cached, its
     * loads from the store folded without Axon's per-event dispatch ({@link DirectReplay}).
     */
    public <A> Repository<A> repository(Class<A> type, Configuration configuration,
                                        SnapshotTriggerDefinition snapshotTrigger) {
        AggregateModel<A> model = new AnnotatedAggregateMetaModelFactory(configuration.parameterResolverFactory(),
                configuration.handlerDefinition(type)).createModel(type);
        GenericAggregateFactory<A> factory = new GenericAggregateFactory<>(model);
        RepositoryProvider repositories = configuration::repository;
        EventSourcingRepository.Builder<A> builder = EventSourcingRepository.builder(type)
                .aggregateModel(model)
                .eventStore(configuration.eventStore())
                .snapshotTriggerDefinition(snapshotTrigger)
                .aggregateFactory(factory)
                .repositoryProvider(repositories)
                .spanFactory(configuration.getComponent(RepositorySpanFactory.class));
        DirectReplay<A> replay = new DirectReplay<>(factory, configuration.eventStore(), repositories,
                snapshotTrigger);
        if (capacity == 0) {
            return new DirectlyReplayedRepository<>(builder, replay);
        }
        return new ReadForwardRepository<>(builder.cache(this), this, configuration.eventStore(), replay);
    }

    /** Another node announced an append: every aggregate kept so far is read forward before its next use. */
    public void appendedElsewhere() {
        announcedElsewhere.incrementAndGet();
    }

    /** This thread's command begins to load its aggregate (from the cache or the store). */
    void loading() {
        announcedAtLoad.set(announcedElsewhere.get());
    }

    private long announcedBeforeRead() {
        Long atLoad = announcedAtLoad.get();
        return atLoad == null ? announcedElsewhere.get() : atLoad;
    }

    /** Whether {@code key} is kept and no other node announced an append since (it is then used unread). */
    synchronized boolean trusted(Object key) {
        Kept kept = live(key);
        return kept != null && kept.announcedElsewhere() == announcedElsewhere.get();
    }

    /** A new command is sent on this thread: a mark left by an earlier one (sent elsewhere) is not its own. */
    public void sending() {
        refusedUnverified.remove();
    }

    /** This thread's command on {@code aggregate}, decided on an unverified copy, failed (and rolled back). */
    void failedOnUnverifiedCopy(String aggregate, long version) {
        refusedUnverified.set(new UnverifiedFailure(aggregate, version));
    }

    /**
     * Whether this thread's last command on {@code aggregate} failed on a copy used unread: its refusal may be
     * the copy's staleness, and the command must be sent again (it then loads from the store). Asked once.
     */
    public java.util.Optional<UnverifiedFailure> refusedOnUnverifiedCopy(String aggregate) {
        UnverifiedFailure failure = refusedUnverified.get();
        refusedUnverified.remove();
        return java.util.Optional.ofNullable(failure).filter(mark -> mark.aggregate().equals(aggregate));
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        Kept kept = live(key);
        return kept == null ? null : (V) kept.value().get();
    }

    /** Kept with the announcements seen before it (a later one may be of an append it does not hold). */
    @Override
    public synchronized void put(Object key, Object value) {
        entries.put(key, new Kept(new SoftReference<>(value), announcedBeforeRead()));
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        if (live(key) != null) {
            return false;
        }
        entries.put(key, new Kept(new SoftReference<>(value), announcedBeforeRead()));
        return true;
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
        return live(key) != null;
    }

    /** The entry, unless the collector took its value back (then it is dropped: the next command loads). */
    private Kept live(Object key) {
        Kept kept = entries.get(key);
        if (kept != null && kept.value().get() == null) {
            entries.remove(key);
            return null;
        }
        return kept;
    }

    /** What the collector does to every kept value when the heap runs short (for tests). */
    synchronized void valuesCollected() {
        entries.values().forEach(kept -> kept.value().clear());
    }

    /** Nothing listens to this cache (Axon's repositories do not); a listener would never be told anything. */
    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        throw new UnsupportedOperationException("AggregateCache tells no listeners");
    }

    /**
     * A kept value is softly referenced: the count bounds how many are kept, the heap how large they may be (a
     * 全項目 document folded whole is large, and the launcher's heap is 512 MB), so the collector takes kept
     * aggregates back before the heap runs out, and those are loaded again.
     */
    private record Kept(SoftReference<Object> value, long announcedElsewhere) {
    }
}
