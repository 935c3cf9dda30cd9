package jp.hyoka.server.graphql;

import jp.hyoka.server.database.Page;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * A Relay connection as GraphQL reads it: edges, pageInfo, and totalCount, counted only when selected (the count is
 * a query of its own, read through graphql-java's property fetcher calling {@link #totalCount()}).
 */
public record Connection(List<Map<String, Object>> edges, PageInfo pageInfo, IntSupplier count) {

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

    /** Every row of the list, whatever page this is. */
    public int totalCount() {
        return count.getAsInt();
    }
}
