package jp.hyoka.server.assessment;

import java.util.List;

/** A slice of a keyset-paginated list; each item has the opaque cursor that continues after it. */
public record Page<T>(List<Cursored<T>> items, boolean hasNextPage) {

    public record Cursored<T>(String cursor, T item) {
    }

    public String endCursor() {
        return items.isEmpty() ? null : items.get(items.size() - 1).cursor();
    }
}
