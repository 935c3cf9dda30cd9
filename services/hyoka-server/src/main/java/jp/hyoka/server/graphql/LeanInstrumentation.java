package jp.hyoka.server.graphql;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.schema.DataFetcher;
import graphql.validation.ValidationError;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The server's instrumentations as one, in place of graphql-java's {@code ChainedInstrumentation}, which asks every
 * instrumentation at every step of every field and allocates a chained context per field and step even when all of
 * them do nothing there (infra/docs/read-path.md: 8–12 % of a read's worker time). Here the per-operation ones (the
 * depth and field limits, the cost, the operation's name, the metrics) are asked only per operation: their state,
 * validation, {@code beginExecuteOperation} in the order given (the first refusal wins, as in the chain) and the
 * result; the only per-field hooks are {@link RequestDeadline}'s data fetcher and {@link ResponseCache#failFast}. Every field-level step answers
 * graphql-java's "nothing to do" ({@code null}), so it creates no context per field.
 * <p>
 * Contract of a per-operation instrumentation: it works in those four hooks alone, and its
 * {@code beginExecuteOperation} context, if any, is completed when the operation is (its {@code onCompleted}).
 */
final class LeanInstrumentation extends SimplePerformantInstrumentation {

    private final List<Instrumentation> perOperation;
    private final RequestDeadline deadline;

    LeanInstrumentation(List<Instrumentation> perOperation, RequestDeadline deadline) {
        this.perOperation = List.copyOf(perOperation);
        this.deadline = deadline;
    }

    /** Each per-operation instrumentation's own state, by position. */
    private static final class States implements InstrumentationState {
        final InstrumentationState[] of;

        States(int size) {
            of = new InstrumentationState[size];
        }
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        States states = new States(perOperation.size());
        for (int i = 0; i < perOperation.size(); i++) {
            CompletableFuture<InstrumentationState> state = perOperation.get(i).createStateAsync(parameters);
            states.of[i] = state == null ? null : state.join();     // ours are created at once, never later
        }
        return CompletableFuture.completedFuture(states);
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                       InstrumentationState state) {
        InstrumentationState[] states = ((States) state).of;
        for (int i = 0; i < states.length; i++) {
            perOperation.get(i).beginValidation(parameters, states[i]);
        }
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        InstrumentationState[] states = ((States) state).of;
        InstrumentationContext<?>[] contexts = new InstrumentationContext<?>[states.length];
        int begun = 0;
        for (int i = 0; i < states.length; i++) {
            InstrumentationContext<ExecutionResult> context = perOperation.get(i).beginExecuteOperation(parameters,
                    states[i]);
            if (context != null && (Object) context != SimpleInstrumentationContext.noOp()) {
                contexts[begun++] = context;
            }
        }
        return begun == 0 ? SimpleInstrumentationContext.noOp() : new Contexts(contexts, begun);
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        return deadline.instrumentDataFetcher(ResponseCache.failFast(fetcher, parameters), parameters, null);
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                                                                       InstrumentationExecutionParameters parameters,
                                                                       InstrumentationState state) {
        InstrumentationState[] states = ((States) state).of;
        CompletableFuture<ExecutionResult> instrumented = CompletableFuture.completedFuture(result);
        for (int i = 0; i < states.length; i++) {
            Instrumentation instrumentation = perOperation.get(i);
            InstrumentationState own = states[i];
            instrumented = instrumented.thenCompose(
                    current -> instrumentation.instrumentExecutionResult(current, parameters, own));
        }
        return instrumented;
    }

    /** The operation-level contexts that were not no-ops, told of the operation's dispatch and completion. */
    private record Contexts(InstrumentationContext<?>[] contexts, int size)
            implements InstrumentationContext<ExecutionResult> {

        @Override
        public void onDispatched() {
            for (int i = 0; i < size; i++) {
                contexts[i].onDispatched();
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public void onCompleted(ExecutionResult result, Throwable failure) {
            for (int i = 0; i < size; i++) {
                ((InstrumentationContext<ExecutionResult>) contexts[i]).onCompleted(result, failure);
            }
        }
    }
}
