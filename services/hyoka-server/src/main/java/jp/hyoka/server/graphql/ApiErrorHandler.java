package jp.hyoka.server.graphql;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Every error leaves with a stable {@code extensions.code}. Unexpected failures are logged with an incident id and
 * reported as INTERNAL with that id only: stack traces and SQL never reach a client.
 */
final class ApiErrorHandler implements DataFetcherExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorHandler.class);

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(DataFetcherExceptionHandlerParameters parameters) {
        Throwable failure = parameters.getException();
        String code;
        String message;
        if (failure instanceof ApiException api) {
            code = api.code();
            message = api.getMessage();
        } else {
            String incident = UUID.randomUUID().toString();
            LOG.error("Unexpected failure in {} (incident {})", parameters.getPath(), incident, failure);
            code = "INTERNAL";
            message = "Internal error; incident " + incident + ".";
        }
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult()
                .error(GraphqlErrorBuilder.newError(parameters.getDataFetchingEnvironment())
                        .message(message)
                        .extensions(Map.of("code", code))
                        .build())
                .build());
    }
}
