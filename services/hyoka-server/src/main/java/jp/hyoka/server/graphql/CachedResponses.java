package jp.hyoka.server.graphql;

import jp.hyoka.domain.shared.MunicipalityCode;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The answers {@link ResponseCache} keeps, bounded by the characters they hold. One answer per key, and the key is
 * everything that decides it apart from the version: a later revision's answer replaces the earlier one's, so a
 * document's past revisions are not kept, and an earlier one never replaces a later one (two requests that read
 * different revisions may finish in either order). At the same revision the last answer kept wins.
 * <p>
 * A lookup takes no lock ({@link KeptAnswers} looks up on every signed-in request): the entries are immutable and sit
 * in a {@link ConcurrentHashMap}. Past the bound, entries go in the order they were first kept, but one read since the
 * last pass is given a second round (the "clock" approximation of least recently used: a read only marks its entry,
 * and only if it is not marked yet, so the entries every request reads are not written by every request). Keeping
 * an answer (a miss, rarer) is synchronized.
 */
final class CachedResponses {

    /**
     * What decides an answer besides the version: whose municipality and which roles (the {@code @access} checks
     * follow from them), the query text, the operation name the request gave (graphql-java chooses the same operation
     * of the same text for it every time) and the variables as coerced. What the root reads (its id) follows from the
     * last three. Everything here is in the raw request or the verified token, so {@link KeptAnswers} can build the
     * same key before graphql-java runs.
     */
    record Key(MunicipalityCode tenant, Set<String> roles, String query, String operationName,
               Map<String, Object> variables) {
    }

    /**
     * A kept answer: the version it was read at, its data, and what serving it without graphql-java needs
     * ({@link KeptAnswers}).
     */
    record Entry(VersionedRoot.Version version, CachedData data, KeptOperation operation, int size) {
    }

    /**
     * What graphql-java found out about the operation when the answer was kept, all of it fixed by the key: what the
     * root reads ({@code root}, {@code id}), the requested cost ({@link CostLimits}), the operation's name for the
     * metrics ({@code name}: null when anonymous) and for the request's log ({@code observedName},
     * {@link OperationNames#name}), and whether the request's variables were already as coerced ({@code direct}):
     * only then does a raw request with equal variables coerce to them too, and may be served before graphql-java.
     */
    record KeptOperation(VersionedRoot root, String id, int requestedCost, String name, String observedName,
                         boolean direct) {
    }

    /** The key's own share of an entry's size, beside its text and data (characters). */
    private static final int OVERHEAD = 256;

    private final long capacity;
    private final ConcurrentHashMap<Key, Slot> entries = new ConcurrentHashMap<>();
    /** Every key of {@link #entries} once, in the order first kept: the clock's hand. Guarded by this. */
    private final ArrayDeque<Key> order = new ArrayDeque<>();
    /** Guarded by this. */
    private long size;

    CachedResponses(long capacityChars) {
        this.capacity = capacityChars;
    }

    /** The entry kept for {@code key} at whatever version (the caller compares it with the version now), or null. */
    Entry entry(Key key) {
        Slot slot = entries.get(key);
        if (slot == null) {
            return null;
        }
        if (!slot.read) {
            slot.read = true;
        }
        return slot.entry;
    }

    /**
     * Keeps {@code data} as the answer at {@code version}, replacing the entry of a lower revision or of the same (the
     * last put wins: {@code xmin} says nothing of commit order, and a lookup serves an entry only at the version
     * read now, so one of a stale row version is only a miss) but never one of a higher revision; too large: not
     * kept.
     */
    synchronized void put(Key key, VersionedRoot.Version version, CachedData data, KeptOperation operation) {
        Slot old = entries.get(key);
        if (old != null && old.entry.version().revision() > version.revision()) {
            return;
        }
        keep(key, old, version, data, operation);
    }

    /**
     * Replaces {@code seen} with the same answer kept by {@code operation} (a request whose variables were already as
     * coerced: see {@link KeptOperation#direct}), only if {@code seen} is still the entry kept: an answer of another
     * version kept since stays.
     */
    synchronized void upgrade(Key key, Entry seen, KeptOperation operation) {
        Slot old = entries.get(key);
        if (old != null && old.entry == seen) {
            keep(key, old, seen.version(), seen.data(), operation);
        }
    }

    private void keep(Key key, Slot old, VersionedRoot.Version version, CachedData data, KeptOperation operation) {
        int entrySize = data.length() + key.query().length() + key.variables().toString().length() + OVERHEAD;
        if (entrySize > capacity / 4) {
            return;
        }
        long growth = entrySize - (old == null ? 0 : old.entry.size());
        makeRoom(key, growth);
        entries.put(key, new Slot(new Entry(version, data, operation, entrySize)));
        if (old == null) {
            order.addLast(key);
        }
        size += growth;
    }

    /**
     * Evicts until {@code growth} more characters fit, before the new entry goes in (appended after, it would be the
     * first one left unmarked when every older entry was read since the last pass, and go at once). An entry read
     * since the last pass gets one more round, but only for two passes over the queue: readers may mark entries again
     * meanwhile, and past that the oldest goes regardless. {@code keeping}'s own older entry, being replaced, stays.
     */
    private void makeRoom(Key keeping, long growth) {
        long secondRounds = 2L * order.size();
        while (size + growth > capacity) {
            Key oldest = order.pollFirst();
            Slot slot = entries.get(oldest);
            if (oldest.equals(keeping) || slot.read && secondRounds-- > 0) {
                slot.read = false;                  // read since the last pass: one more round
                order.addLast(oldest);
            } else {
                entries.remove(oldest);
                size -= slot.entry.size();
            }
        }
    }

    int count() {
        return entries.size();
    }

    /** An entry and whether it was read since the clock last passed it (a hint: a lost mark costs a second round). */
    private static final class Slot {
        final Entry entry;
        volatile boolean read;

        Slot(Entry entry) {
            this.entry = entry;
        }
    }
}
