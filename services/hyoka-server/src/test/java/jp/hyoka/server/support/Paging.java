package jp.hyoka.server.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads a whole Relay connection page by page, as a client does: forward with first/after until hasNextPage is
 * false, or backward with last/before until hasPreviousPage is false; what each edge's node gives, in list order.
 */
public final class Paging {

    private Paging() {
    }

    /**
     * {@code page} sends the connection's query with the paging variables given (first/after or last/before, the
     * cursor null on the first page) and answers the connection; {@code value} reads what to keep off a node.
     */
    public static List<String> forward(Function<Map<String, Object>, JsonNode> page, int size,
                                       Function<JsonNode, String> value) {
        return read(page, size, value, false);
    }

    /** The same list read from its end backward, put back in list order. */
    public static List<String> backward(Function<Map<String, Object>, JsonNode> page, int size,
                                        Function<JsonNode, String> value) {
        return read(page, size, value, true);
    }

    /**
     * The connection {@code page} reads, one row a page, forward and backward, gives {@code whole} (the same list read
     * at once, more than one row), and its totalCount counts it.
     */
    public static void assertPagesLike(List<String> whole, Function<Map<String, Object>, JsonNode> page,
                                       Function<JsonNode, String> value) {
        assertThat(whole).as("more rows than one page").hasSizeGreaterThan(1);
        assertThat(page.apply(variables("first", 1, "after", null)).path("totalCount").asInt()).isEqualTo(whole.size());
        assertThat(forward(page, 1, value)).isEqualTo(whole);
        assertThat(backward(page, 1, value)).isEqualTo(whole);
    }

    private static List<String> read(Function<Map<String, Object>, JsonNode> page, int size,
                                     Function<JsonNode, String> value, boolean backward) {
        List<String> values = new ArrayList<>();
        String cursor = null;
        while (true) {
            JsonNode connection = page.apply(backward ? variables("last", size, "before", cursor)
                    : variables("first", size, "after", cursor));
            List<String> onPage = new ArrayList<>();
            connection.path("edges").forEach(edge -> onPage.add(value.apply(edge.path("node"))));
            values.addAll(backward ? 0 : values.size(), onPage);
            JsonNode pageInfo = connection.path("pageInfo");
            if (!pageInfo.path(backward ? "hasPreviousPage" : "hasNextPage").asBoolean()) {
                return values;
            }
            cursor = pageInfo.path(backward ? "startCursor" : "endCursor").asText();
        }
    }

    private static Map<String, Object> variables(String sizeArgument, int size, String cursorArgument, String cursor) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(sizeArgument, size);
        variables.put(cursorArgument, cursor);
        return variables;
    }
}
