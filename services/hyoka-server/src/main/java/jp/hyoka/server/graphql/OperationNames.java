package jp.hyoka.server.graphql;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import jp.hyoka.server.observability.ObservedRequest;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Tells the request's observation which operation it executes, once graphql-java has chosen it from the document:
 * its name, or for an anonymous operation (what most front ends send) its root fields ({@code answerItem}). Names
 * only, never arguments: they may hold what a user typed.
 */
final class OperationNames extends SimplePerformantInstrumentation {

    static final String KEY = "hyoka.observation";
    /** Root fields named for an anonymous operation; an alias-heavy document is not spelled out whole. */
    private static final int MAX_FIELDS = 5;
    /** A client chooses the name: logs, spans and the events' trace metadata keep at most this much of it. */
    static final int MAX_NAME_LENGTH = 64;

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ObservedRequest observation = parameters.getExecutionContext().getGraphQLContext().get(KEY);
        if (observation != null) {
            OperationDefinition operation = parameters.getExecutionContext().getOperationDefinition();
            observation.operation(operation.getOperation().name().toLowerCase(Locale.ROOT), name(operation));
        }
        return SimpleInstrumentationContext.noOp();
    }

    private static String name(OperationDefinition operation) {
        if (operation.getName() != null) {
            return capped(operation.getName());
        }
        return operation.getSelectionSet().getSelectionsOfType(Field.class).stream()
                .map(Field::getName).distinct().limit(MAX_FIELDS).collect(Collectors.joining(","));
    }

    static String capped(String name) {
        return name.length() <= MAX_NAME_LENGTH ? name : name.substring(0, MAX_NAME_LENGTH) + "…";
    }
}
