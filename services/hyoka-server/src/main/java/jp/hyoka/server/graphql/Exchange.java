package jp.hyoka.server.graphql;

import io.micronaut.security.authentication.Authentication;

import java.util.function.Function;

/**
 * What serving a GraphQL request over HTTP needs of its exchange, whether Micronaut's routing read it
 * ({@link GraphQlEndpoint}) or the lean path did ({@link LeanGraphQlPath}): the same fields, so the same code serves
 * both.
 *
 * @param anonymous      a request to /graphql/public: it runs as no one, whatever token it carries
 * @param authentication the bearer token's verified authentication; null when not signed in or anonymous
 * @param clientAddress  for /graphql/public only: the caller's address as {@link ClientAddresses} resolves it, else null
 * @param method         the HTTP method's name (the span's name)
 * @param path           the request's path (the span's name)
 * @param headers        a request header's first value by name, case-insensitive (X-Request-Id, traceparent)
 */
record Exchange(boolean anonymous, Authentication authentication, String clientAddress, String method, String path,
                Function<String, String> headers) {

    String header(String name) {
        return headers.apply(name);
    }
}
