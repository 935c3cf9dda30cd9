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
 * {@code TIMEOUT} instead. In a mutation only root fields are, and only those whose result union can say so: one not
 * yet begun changes nothing and answers the {@code ServiceUnavailable} problem with the code TIMEOUT; one already
 * begun finishes with its whole result (it says what was done; a command is never cut in half). A root field without
 * that problem in its union (the platform operators' mutations) is not refused: an error there would null the data of
 * the whole request, the results of edits already done included. The deadline runs from the moment the endpoint accepted the request, so time in the workers'
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
        if (mutation && !OutageResults.answersOutages(parameters.getField())) {
            // Its result cannot say "not done" as data, and an error on a non-null root field would null the whole
            // data, with it the results of the edits done before it: such a field (the operators' mutations) runs.
            return fetcher;
        }
        return environment -> {
            if (System.nanoTime() - deadline > 0) {
                if (mutation) {
                    return OutageResults.ServiceUnavailableResult.timedOut(message(timeout));
                }
                throw new ApiException(TIMEOUT, message(timeout));
            }
            return fetcher.get(environment);
        };
    }
}
