package jp.hyoka.server.graphql;

import jp.hyoka.domain.shared.MunicipalityCode;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The answers {@link ResponseCache} keeps, bounded by the characters they hold. One answer per key, and the key is
 * everything that decides it apart from the version: a newer version's answer replaces the older one's, so a
 * document's past revisions are not kept, and an older one never replaces a newer one (two requests that read
 * different versions may finish in either order).
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
     * Keeps {@code data} as the answer at {@code version}, replacing the entry of an older version (or of the same,
     * then with this operation) but never one of a newer version; too large: not kept.
     */
    synchronized void put(Key key, VersionedRoot.Version version, CachedData data, KeptOperation operation) {
        Slot old = entries.get(key);
        if (old != null && newer(old.entry.version(), version)) {
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
        entries.put(key, new Slot(new Entry(version, data, operation, entrySize)));
        if (old == null) {
            order.addLast(key);
        }
        size += entrySize - (old == null ? 0 : old.entry.size());
        while (size > capacity) {
            Key oldest = order.pollFirst();
            Slot slot = entries.get(oldest);
            if (slot.read) {
                slot.read = false;                  // read since the last pass: one more round
                order.addLast(oldest);
            } else {
                entries.remove(oldest);
                size -= slot.entry.size();
            }
        }
    }

    /**
     * Whether {@code a} is a later version than {@code b}: a higher revision, or at the same revision a row written
     * later (PostgreSQL's 32-bit transaction ids compared as it compares them, modulo 2^32).
     */
    static boolean newer(VersionedRoot.Version a, VersionedRoot.Version b) {
        return a.revision() != b.revision() ? a.revision() > b.revision()
                : (int) (a.rowVersion() - b.rowVersion()) > 0;
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
