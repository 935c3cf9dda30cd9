package jp.hyoka.server.graphql;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * graphql-java's depth and field-count limits, refusing with a code a client can act on (graphql-java's own errors
 * carry none): {@code QUERY_TOO_DEEP}, {@code QUERY_TOO_COMPLEX}. Checked before execution: nothing runs.
 * <p>
 * Walking the document, graphql-java resolves every field's arguments; an argument it cannot coerce (a
 * {@code @oneOf} input with a member written as {@code null} in the document, which graphql-java 22's validation
 * does not catch) throws a {@link GraphQLError} there that would escape execution as an internal failure. It is
 * answered as the request error it is instead (graphql-java's {@code ValidationError} classification), before any
 * field runs.
 */
final class DocumentLimits {

    static final String TOO_DEEP = "QUERY_TOO_DEEP";
    static final String TOO_COMPLEX = "QUERY_TOO_COMPLEX";

    private DocumentLimits() {
    }

    static Instrumentation maxDepth(int limit) {
        return new MaxQueryDepthInstrumentation(limit) {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                    InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
                try {
                    return super.beginExecuteOperation(parameters, state);
                } catch (RuntimeException e) {
                    throw requestError(e);
                }
            }

            @Override
            protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
                return refusal(TOO_DEEP, "The document is nested " + depth + " levels deep; at most " + maxDepth
                        + " are served. Nothing was run.");
            }
        };
    }

    static Instrumentation maxFields(int limit) {
        return new MaxQueryComplexityInstrumentation(limit) {
            @Override
            protected AbortExecutionException mkAbortException(int fields, int maxFields) {
                return refusal(TOO_COMPLEX, "The document asks for " + fields + " fields (aliases count); at most "
                        + maxFields + " are served at once. Nothing was run; ask in several requests.");
            }
        };
    }

    /** An argument graphql-java could not coerce, as a request error; anything else is rethrown as it is. */
    private static RuntimeException requestError(RuntimeException failure) {
        return failure instanceof GraphQLError error && !(failure instanceof AbortExecutionException)
                ? new AbortExecutionException(List.of(error)) : failure;
    }

    private static AbortExecutionException refusal(String code, String message) {
        return refusal(code, message, Map.of());
    }

    /** An operation refused before any field ran: one error with {@code extensions.code} and {@code extensions}. */
    static AbortExecutionException refusal(String code, String message, Map<String, Object> extensions) {
        Map<String, Object> all = new LinkedHashMap<>(extensions);
        all.put("code", code);
        return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError().message(message)
                .extensions(all).build()));
    }
}
