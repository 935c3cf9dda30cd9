package jp.hyoka.server.graphql;

/**
 * A request the API cannot serve, reported as a GraphQL error with {@code extensions.code}: not signed in for a
 * municipality, missing role, malformed paging arguments. Business refusals are not errors but data (Problem).
 */
public final class ApiException extends RuntimeException {

    public static final String FORBIDDEN = "FORBIDDEN";
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    public static final String BAD_USER_INPUT = "BAD_USER_INPUT";
    /** A system Hyoka depends on (the identity provider) failed; nothing was stored, the request can be repeated. */
    public static final String UNAVAILABLE = "UNAVAILABLE";

    private final String code;

    public ApiException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
