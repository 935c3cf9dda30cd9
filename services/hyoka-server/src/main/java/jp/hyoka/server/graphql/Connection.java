package jp.hyoka.server.graphql;

import jp.hyoka.server.database.Cursors;
import jp.hyoka.server.database.Page;
import jp.hyoka.server.database.PageRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * A Relay connection as GraphQL reads it: edges, pageInfo, and totalCount, counted only when selected (the count is
 * a query of its own, read through graphql-java's property fetcher calling {@link #totalCount()}).
 */
public record Connection(List<Map<String, Object>> edges, PageInfo pageInfo, IntSupplier count) {

    /** The plain form of a cursor into a list held in memory: its index. */
    private static final String POSITION = "at:";

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    /** For a connection type without totalCount (bounded lists, e.g. one row per municipality). */
    public static final IntSupplier UNCOUNTED = () -> {
        throw new IllegalStateException("this connection has no totalCount");
    };

    public static <T> Connection of(Page<T> page, Function<T, Object> node, IntSupplier count) {
        return new Connection(page.items().stream()
                .map(edge -> Map.of("cursor", edge.cursor(), "node", node.apply(edge.item())))
                .toList(),
                new PageInfo(page.hasNextPage(), page.hasPreviousPage(), page.startCursor(), page.endCursor()),
                count);
    }

    /**
     * A page of a list held whole in memory (computed, not read by keyset: a past document's answers, a diff), with
     * exact flags both ways and positional cursors; a cursor that is not one of this list's is BAD_USER_INPUT.
     */
    public static <T> Connection ofList(List<T> all, PageRequest request, Function<T, Object> node) {
        int from;
        int to;
        if (request.backward()) {
            to = request.cursor() == null ? all.size() : position(request.cursor(), all.size());
            from = Math.max(0, to - request.size());
        } else {
            from = request.cursor() == null ? 0 : position(request.cursor(), all.size()) + 1;
            to = Math.min(all.size(), from + request.size());
        }
        List<Map<String, Object>> edges = new ArrayList<>();
        for (int index = from; index < to; index++) {
            edges.add(Map.of("cursor", Cursors.encode(POSITION + index), "node", node.apply(all.get(index))));
        }
        return new Connection(edges, new PageInfo(to < all.size(), from > 0,
                edges.isEmpty() ? null : (String) edges.get(0).get("cursor"),
                edges.isEmpty() ? null : (String) edges.get(edges.size() - 1).get("cursor")), all::size);
    }

    private static int position(String cursor, int size) {
        return Cursors.decode(cursor).filter(plain -> plain.matches(POSITION + "[0-9]{1,9}"))
                .map(plain -> Integer.parseInt(plain.substring(POSITION.length())))
                .filter(index -> index < size)
                .orElseThrow(() -> new ApiException(ApiException.BAD_USER_INPUT,
                        "The cursor " + cursor + " is not one of this list's."));
    }

    /** Every row of the list, whatever page this is. */
    public int totalCount() {
        return count.getAsInt();
    }
}
