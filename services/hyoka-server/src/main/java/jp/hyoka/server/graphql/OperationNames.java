package jp.hyoka.server.graphql;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import jp.hyoka.server.observability.ObservedRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    static String name(OperationDefinition operation) {
        if (operation.getName() != null) {
            return capped(operation.getName());
        }
        // A plain loop: this runs on every request, and a stream pipeline per request showed in the read path's profile.
        List<String> names = new ArrayList<>(MAX_FIELDS);
        for (Selection<?> selection : operation.getSelectionSet().getSelections()) {
            if (selection instanceof Field field && names.size() < MAX_FIELDS && !names.contains(field.getName())) {
                names.add(field.getName());
            }
        }
        return String.join(",", names);
    }

    static String capped(String name) {
        return name.length() <= MAX_NAME_LENGTH ? name : name.substring(0, MAX_NAME_LENGTH) + "…";
    }
}
