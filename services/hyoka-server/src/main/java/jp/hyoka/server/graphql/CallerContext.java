package jp.hyoka.server.graphql;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import jp.hyoka.server.security.CallerResolver;

/**
 * The verified caller of a request, which {@link GraphQlEndpoint} puts into each execution's context. The tenant
 * comes only from the token the security filter verified, never from a header or argument a client could set.
 */
@Singleton
public class CallerContext {

    static final String KEY = "hyoka.caller";

    private final CallerResolver callers;

    public CallerContext(CallerResolver callers) {
        this.callers = callers;
    }

    /** Runs on a GraphQL worker: resolving a caller reads the tenant registry. */
    CallerResolver.Resolution resolve(HttpRequest<?> request) {
        return resolve(request.getUserPrincipal(Authentication.class).orElse(null));
    }

    /** Runs on a GraphQL worker: {@code authentication} is the verified token's, or null when not signed in. */
    CallerResolver.Resolution resolve(Authentication authentication) {
        return authentication == null ? CallerResolver.Resolution.refused("Not signed in.")
                : callers.resolve(authentication);
    }
}
