package jp.hyoka.server.security;

/** The token claims Hyoka reads, whoever issued the token. */
public final class TokenClaims {

    /** The 地方公共団体コード of the municipality the user acts for (development issuer). */
    public static final String TENANT = "hyoka_tenant";
    /**
     * Keycloak's organization membership: the aliases (= 地方公共団体コード) of the user's organizations, as a list
     * {@code ["141305"]}, or as an object keyed by alias {@code {"141305": {"id": "…"}}} when the mapper adds ids.
     */
    public static final String ORGANIZATION = "organization";
    public static final String NAME = "name";
    public static final String ROLES = "roles";

    private TokenClaims() {
    }
}
