package jp.hyoka.server.database;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A slice of a keyset-paginated list, in the list's order; each item has the opaque cursor that continues after
 * (or, going backward, before) it. The flags follow the Relay cursor spec: the side read past is known exactly
 * (one more row was read); the side the cursor came from is reported as "there is something" when a cursor was given.
 */
public record Page<T>(List<Cursored<T>> items, boolean hasNextPage, boolean hasPreviousPage) {

    public record Cursored<T>(String cursor, T item) {
    }

    /** The first {@code first} of {@code rows}, a first page forward (lists that page forward only). */
    public static <T> Page<T> of(List<T> rows, int first, Function<T, String> cursor) {
        return read(rows, new PageRequest(first, null, false), cursor);
    }

    /**
     * A page read for {@code request}: forward, {@code rows} in list order; backward, {@code rows} read in reverse
     * list order from the {@code before} cursor. Either way one more row than the page size may have been read.
     */
    public static <T> Page<T> read(List<T> rows, PageRequest request, Function<T, String> cursor) {
        if (request.backward()) {
            List<T> page = new ArrayList<>(rows.subList(0, Math.min(request.size(), rows.size())));
            java.util.Collections.reverse(page);
            return new Page<>(cursored(page, cursor), request.cursor() != null, rows.size() > request.size());
        }
        return new Page<>(cursored(rows.subList(0, Math.min(request.size(), rows.size())), cursor),
                rows.size() > request.size(), request.cursor() != null);
    }

    private static <T> List<Cursored<T>> cursored(List<T> rows, Function<T, String> cursor) {
        List<Cursored<T>> items = new ArrayList<>();
        for (T row : rows) {
            items.add(new Cursored<>(Cursors.encode(cursor.apply(row)), row));
        }
        return items;
    }

    public String startCursor() {
        return items.isEmpty() ? null : items.get(0).cursor();
    }

    public String endCursor() {
        return items.isEmpty() ? null : items.get(items.size() - 1).cursor();
    }
}
