package jp.hyoka.server.graphql;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import jp.hyoka.server.availability.ConnectionFailures;
import jp.hyoka.server.availability.DatabaseUnavailable;
import jp.hyoka.server.observability.ObservedRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Every error leaves with a stable {@code extensions.code}. Unexpected failures are logged with an incident id and
 * reported as INTERNAL with that id only: stack traces and SQL never reach a client. A database out of reach is
 * SERVICE_UNAVAILABLE, retryable, with whether an edit may have been stored (queries: never).
 */
final class ApiErrorHandler implements DataFetcherExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorHandler.class);

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(DataFetcherExceptionHandlerParameters parameters) {
        Throwable failure = parameters.getException();
        String code;
        String message;
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (failure instanceof ApiException api) {
            code = api.code();
            message = api.getMessage();
        } else if (ConnectionFailures.causedBy(failure)) {
            LOG.warn("Database out of reach in {}: {}", parameters.getPath(), failure.toString());
            code = GraphQlEndpoint.SERVICE_UNAVAILABLE;
            message = "The database is not reachable. Retry shortly.";
            extensions.put("retryable", true);
            extensions.put("retryAfterSeconds", DatabaseUnavailable.RETRY_AFTER_SECONDS);
            extensions.put("mayHaveBeenStored", DatabaseUnavailable.mayHaveBeenStored(failure));
        } else {
            String incident = UUID.randomUUID().toString();
            ObservedRequest.incident(incident);
            LOG.error("Unexpected failure in {} (incident {})", parameters.getPath(), incident, failure);
            code = "INTERNAL";
            message = "Internal error; incident " + incident + ".";
        }
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult()
                .error(GraphqlErrorBuilder.newError(parameters.getDataFetchingEnvironment())
                        .message(message)
                        .extensions(withCode(extensions, code))
                        .build())
                .build());
    }

    private static Map<String, Object> withCode(Map<String, Object> extensions, String code) {
        extensions.put("code", code);
        return extensions;
    }
}
