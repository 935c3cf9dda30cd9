package jp.hyoka.server.graphql;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.language.OperationDefinition.Operation;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;

import java.time.Duration;

/**
 * The query timeout ({@code hyoka.graphql.timeout}): a request that runs past its deadline resolves no further field.
 * In a query each field that would still fetch (a resolver, not a plain property) is answered with the error
 * {@code TIMEOUT} instead. In a mutation only root fields are: one not yet begun changes nothing and answers the
 * {@code ServiceUnavailable} problem with the code TIMEOUT, and one already begun finishes with its whole result (it
 * says what was done; a command is never cut in half). The deadline runs from the moment the endpoint accepted the request, so time in the workers'
 * queue counts; a request whose deadline passed in the queue is refused whole ({@link GraphQlEndpoint}). A single
 * slow statement is not interrupted: the field after it is refused.
 */
final class RequestDeadline extends SimplePerformantInstrumentation {

    /** GraphQL context key: the {@link System#nanoTime()} past which no field resolves. */
    static final String KEY = "hyoka.deadline";
    static final String TIMEOUT = "TIMEOUT";

    static String message(Duration timeout) {
        return "The request took longer than its limit of " + timeout.toMillis() + " ms; what it had not reached was "
                + "not done (a mutation not begun changed nothing). Ask for less at once, or retry.";
    }

    private final Duration timeout;

    RequestDeadline(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        Long deadline = parameters.getExecutionContext().getGraphQLContext().get(KEY);
        boolean mutation = parameters.getExecutionContext().getOperationDefinition().getOperation()
                == Operation.MUTATION;
        int level = parameters.getExecutionStepInfo().getPath().getLevel();
        if (deadline == null || parameters.isTrivialDataFetcher() || (mutation && level > 1)) {
            return fetcher;                 // below a mutation's root: the edit is under way and its result says so
        }
        // A mutation's root field answers its union's problem, not an error: its non-null result would otherwise
        // null the whole data, and with it the results of the edits done before it.
        boolean answerAsProblem = mutation && OutageResults.answersOutages(parameters.getField());
        return environment -> {
            if (System.nanoTime() - deadline > 0) {
                if (answerAsProblem) {
                    return OutageResults.ServiceUnavailableResult.timedOut(message(timeout));
                }
                throw new ApiException(TIMEOUT, message(timeout));
            }
            return fetcher.get(environment);
        };
    }
}
