package jp.hyoka.server.axon;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The aggregates this node found without a snapshot, each with a short stream: their loads read the events alone, one
 * plain indexed select, instead of looking the newest snapshot up first (BENCHMARKS.md row 5: the lookup's CTE,
 * InitPlan and Append cost PostgreSQL a third more than the select of the events alone).
 *
 * <p><b>Why a stale entry changes no result:</b> events are never deleted or rewritten (a redaction appends an event and
 * deletes snapshots; it never edits the events), and a snapshot is only a fold of the events before it. Reading every
 * event of the aggregate from its first therefore folds to the same state as its newest snapshot and the events
 * after it. A snapshot another node stored after this node remembered the aggregate is only passed over: the load
 * replays fewer than {@link #SHORT_STREAM} more events, until the stream reaches that length (a read then forgets it),
 * an event that snapshots at once is replayed here (a redaction: this node then stores a snapshot
 * too and forgets the aggregate) or the memo starts again at its capacity (the count trigger, every 250 events, never
 * fires first). So an entry only decides how much is read, never what the state is.
 *
 * <p><b>Bounded cost of a stale entry:</b> an aggregate is remembered only with fewer than {@link #SHORT_STREAM} events
 * (so always within one read's batch), and forgotten as soon as a read of it finds that many, or this node stores a snapshot of it (after that snapshot is
 * committed: {@link #forget}). A lookup that raced with this node's snapshot is not remembered ({@link #since}).
 * At most {@link #CAPACITY} aggregates are remembered; past that the memo starts again empty.
 */
final class SnapshotlessAggregates {

    /** Streams shorter than this are remembered: a missed snapshot then costs fewer events than this per load. */
    static final int SHORT_STREAM = 100;
    /** Aggregates remembered at most (~100 bytes each). */
    static final int CAPACITY = 50_000;

    private final int capacity;
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    /** How many times an aggregate was forgotten: a lookup remembers only if none was since it began. */
    private final AtomicLong forgotten = new AtomicLong();

    SnapshotlessAggregates() {
        this(CAPACITY);
    }

    SnapshotlessAggregates(int capacity) {
        this.capacity = capacity;
    }

    /** Whether the aggregate is known to have no snapshot (as far as this node knows). */
    boolean known(String aggregateIdentifier) {
        return known.contains(aggregateIdentifier);
    }

    /** The mark to give {@link #remember} for a snapshot lookup about to start. */
    long since() {
        return forgotten.get();
    }

    /**
     * A snapshot lookup begun at {@code since} found no snapshot and {@code events} events: remembered if the stream is
     * short and no aggregate was forgotten since the lookup began (a snapshot this node stored meanwhile may be it).
     */
    void remember(String aggregateIdentifier, int events, long since) {
        if (events >= SHORT_STREAM) {
            return;
        }
        if (known.size() >= capacity) {
            known.clear();
        }
        known.add(aggregateIdentifier);
        if (forgotten.get() != since) {
            known.remove(aggregateIdentifier);          // raced with a forget: not known after all
        }
    }

    /** The aggregate may have a snapshot now (this node stored one, or a read found a long stream). */
    void forget(String aggregateIdentifier) {
        forgotten.incrementAndGet();
        known.remove(aggregateIdentifier);
    }

    /** How many aggregates are remembered. */
    int size() {
        return known.size();
    }
}
