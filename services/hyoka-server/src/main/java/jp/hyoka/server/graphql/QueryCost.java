package jp.hyoka.server.graphql;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.QueryComplexityCalculator;
import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;

import java.util.List;
import java.util.Map;

/**
 * The cost model (README.md beside this class): an operation's requested cost is known from its document alone,
 * before anything runs; its actual cost is counted in the data it returned. Scalars and enums cost 0, an object 1, a
 * connection (a field taking {@code first} or {@code last}) 1 plus its page size times its selection (nested
 * connections multiply), a mutation's root field {@value #MUTATION} plus its selection. A plain list (no paging
 * argument) counts its selection once: its length is the data's, not the client's, and the actual cost counts it.
 */
final class QueryCost implements FieldComplexityCalculator {

    static final int OBJECT = 1;
    static final int MUTATION = 10;
    /**
     * A connection asked for without {@code first}/{@code last}: the largest page any connection serves by default
     * (history and the audit trail: 50; the others 20), so the requested cost never understates what runs. The
     * actual cost then charges what came back.
     */
    static final int DEFAULT_PAGE_SIZE = 50;

    private final String mutationType;

    private QueryCost(GraphQLSchema schema) {
        GraphQLObjectType mutation = schema.getMutationType();
        this.mutationType = mutation == null ? null : mutation.getName();
    }

    /** The requested cost of the operation {@code operationName} of a parsed, validated document. */
    static int requested(GraphQLSchema schema, Document document, String operationName, CoercedVariables variables) {
        return QueryComplexityCalculator.newCalculator()
                .fieldComplexityCalculator(new QueryCost(schema))
                .schema(schema)
                .document(document)
                .operationName(operationName)
                .variables(variables)
                .build()
                .calculate();
    }

    /** The actual cost: the objects in the data returned, and {@value #MUTATION} per mutation field that ran. */
    static int actual(Object data, boolean mutation) {
        if (data instanceof CachedData kept) {          // a kept query answer: counted when it was kept
            return kept.actualCost();
        }
        if (!(data instanceof Map<?, ?> root)) {
            return 0;
        }
        int objects = 0;
        for (Object value : root.values()) {
            objects = saturated((long) objects + objects(value));
        }
        return saturated((long) objects + (mutation ? (long) MUTATION * root.size() : 0));
    }

    private static long objects(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return 0;                       // most of the data: class checks, before the interface checks below
        }
        if (value instanceof Map<?, ?> object) {
            long count = OBJECT;
            for (Object field : object.values()) {
                count += objects(field);
            }
            return count;
        }
        if (value instanceof List<?> list) {
            long count = 0;
            for (Object item : list) {
                count += objects(item);
            }
            return count;
        }
        return 0;
    }

    @Override
    public int calculate(FieldComplexityEnvironment environment, int childComplexity) {
        boolean mutationRoot = environment.getParentEnvironment() == null
                && environment.getParentType().getName().equals(mutationType);
        long cost = 0;
        if (GraphQLTypeUtil.unwrapAll(environment.getFieldDefinition().getType()) instanceof GraphQLCompositeType) {
            Integer pageSize = pageSize(environment);
            int listed = listedIds(environment);
            cost = pageSize == null ? (long) listed * (OBJECT + childComplexity)
                    : OBJECT + (long) pageSize * childComplexity;
        }
        return saturated(cost + (mutationRoot ? MUTATION : 0));
    }

    /** A field that loads one object per id given ({@code nodes(ids:)}) costs its selection once per id. */
    private static int listedIds(FieldComplexityEnvironment environment) {
        return environment.getArguments().get("ids") instanceof List<?> ids ? Math.max(1, ids.size()) : 1;
    }

    /** {@code first} or {@code last} (the larger if both), the default page size if neither; null: no connection. */
    private static Integer pageSize(FieldComplexityEnvironment environment) {
        if (environment.getFieldDefinition().getArgument("first") == null
                && environment.getFieldDefinition().getArgument("last") == null) {
            return null;
        }
        Map<String, Object> arguments = environment.getArguments();
        int first = arguments.get("first") instanceof Integer n ? Math.max(0, n) : -1;
        int last = arguments.get("last") instanceof Integer n ? Math.max(0, n) : -1;
        int size = Math.max(first, last);
        return size < 0 ? DEFAULT_PAGE_SIZE : size;
    }

    private static int saturated(long cost) {
        return (int) Math.min(Integer.MAX_VALUE, cost);
    }
}
