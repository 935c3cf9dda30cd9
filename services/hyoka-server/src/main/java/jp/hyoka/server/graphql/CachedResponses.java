package jp.hyoka.server.graphql;

import jp.hyoka.domain.shared.MunicipalityCode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The answers {@link ResponseCache} keeps, least recently used first out, bounded by the characters they hold. One
 * answer per key, and the key is everything that decides it apart from the version: a newer version's answer replaces
 * the older one's, so a document's past revisions are not kept. Every method is short and synchronized.
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
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long size;

    CachedResponses(long capacityChars) {
        this.capacity = capacityChars;
    }

    /** The entry kept for {@code key} at whatever version (the caller compares it with the version now), or null. */
    synchronized Entry entry(Key key) {
        return entries.get(key);
    }

    /** Keeps {@code data} as the answer at {@code version} (replacing any other version's); too large: not kept. */
    synchronized void put(Key key, VersionedRoot.Version version, CachedData data, KeptOperation operation) {
        int entrySize = data.length() + key.query().length() + key.variables().toString().length() + OVERHEAD;
        if (entrySize > capacity / 4) {
            return;
        }
        Entry old = entries.put(key, new Entry(version, data, operation, entrySize));
        size += entrySize - (old == null ? 0 : old.size());
        Iterator<Entry> eldest = entries.values().iterator();
        while (size > capacity && eldest.hasNext()) {
            size -= eldest.next().size();
            eldest.remove();
        }
    }

    synchronized int count() {
        return entries.size();
    }
}
