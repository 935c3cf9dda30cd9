package jp.hyoka.server.database;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A slice of a keyset-paginated list; each item has the opaque cursor that continues after it. */
public record Page<T>(List<Cursored<T>> items, boolean hasNextPage) {

    public record Cursored<T>(String cursor, T item) {
    }

    /** The first {@code first} of {@code rows} (one more was read to learn whether a next page exists). */
    public static <T> Page<T> of(List<T> rows, int first, Function<T, String> cursor) {
        List<Cursored<T>> items = new ArrayList<>();
        for (T row : rows.subList(0, Math.min(first, rows.size()))) {
            items.add(new Cursored<>(Cursors.encode(cursor.apply(row)), row));
        }
        return new Page<>(items, rows.size() > first);
    }

    public String endCursor() {
        return items.isEmpty() ? null : items.get(items.size() - 1).cursor();
    }
}
