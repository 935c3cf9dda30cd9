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
     * follow from them), the document and operation, its variables (the id among them) as coerced.
     */
    record Key(MunicipalityCode tenant, Set<String> roles, String query, String operationName,
               Map<String, Object> variables, String id) {
    }

    private record Entry(VersionedRoot.Version version, CachedData data, int size) {
    }

    /** The key's own share of an entry's size, beside its text and data (characters). */
    private static final int OVERHEAD = 256;

    private final long capacity;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long size;

    CachedResponses(long capacityChars) {
        this.capacity = capacityChars;
    }

    /** The answer kept for {@code key} at exactly {@code version}, or null. */
    synchronized CachedData get(Key key, VersionedRoot.Version version) {
        Entry entry = entries.get(key);
        return entry != null && entry.version().equals(version) ? entry.data() : null;
    }

    /** Keeps {@code data} as the answer at {@code version} (replacing any other version's); too large: not kept. */
    synchronized void put(Key key, VersionedRoot.Version version, CachedData data) {
        int entrySize = data.length() + key.query().length() + key.variables().toString().length() + OVERHEAD;
        if (entrySize > capacity / 4) {
            return;
        }
        Entry old = entries.put(key, new Entry(version, data, entrySize));
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
