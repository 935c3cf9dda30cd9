package jp.hyoka.server.graphql;

import graphql.execution.ExecutionContext;
import graphql.language.Document;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the limits remember about an operation of a parsed document (passed the depth and field limits, its price),
 * for as long as the document itself lives and no longer. The keys are weak and compared by identity (graphql-java's
 * nodes do not override {@code equals}): a document the parse cache holds ({@code GraphQlFactory.CachedDocuments}) is
 * remembered with it; one parsed for a single request (the cache full, or a query text seen once) is forgotten when
 * it is collected. A strong map here would keep every such document (up to 1 MB of text each) alive.
 */
final class PerOperation<V> {

    /** The key of an anonymous operation: a GraphQL name is never empty. */
    private static final String ANONYMOUS = "";

    private final Map<Document, Map<String, V>> values = Collections.synchronizedMap(new WeakHashMap<>());

    V get(ExecutionContext execution) {
        Map<String, V> byOperation = values.get(execution.getDocument());
        return byOperation == null ? null : byOperation.get(operation(execution));
    }

    void remember(ExecutionContext execution, V value) {
        values.computeIfAbsent(execution.getDocument(), document -> new ConcurrentHashMap<>())
                .put(operation(execution), value);
    }

    private static String operation(ExecutionContext execution) {
        String name = execution.getOperationDefinition().getName();
        return name == null ? ANONYMOUS : name;
    }
}
