package jp.hyoka.server.graphql;

import graphql.ExecutionInput;
import io.micronaut.configuration.graphql.DefaultGraphQLExecutionInputCustomizer;
import io.micronaut.configuration.graphql.GraphQLExecutionInputCustomizer;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import jp.hyoka.server.security.CallerResolver;
import org.reactivestreams.Publisher;

/**
 * Puts the verified caller into each execution's context. The tenant comes only from the token the security
 * filter verified, never from a header or argument a client could set.
 */
@Singleton
@Replaces(DefaultGraphQLExecutionInputCustomizer.class)
public class CallerContext implements GraphQLExecutionInputCustomizer {

    static final String KEY = "hyoka.caller";

    private final CallerResolver callers;

    public CallerContext(CallerResolver callers) {
        this.callers = callers;
    }

    @Override
    public Publisher<ExecutionInput> customize(ExecutionInput input, HttpRequest httpRequest,
                                               MutableHttpResponse<String> httpResponse) {
        CallerResolver.Resolution resolution = ((HttpRequest<?>) httpRequest).getUserPrincipal(Authentication.class)
                .map(callers::resolve)
                .orElse(CallerResolver.Resolution.refused("Not signed in."));
        input.getGraphQLContext().put(KEY, resolution);
        return Publishers.just(input);
    }
}
