package jp.hyoka.server.security;

/** The token claims Hyoka reads, whoever issued the token. */
public final class TokenClaims {

    /** The 地方公共団体コード of the municipality the user acts for. */
    public static final String TENANT = "hyoka_tenant";
    public static final String NAME = "name";
    public static final String ROLES = "roles";

    private TokenClaims() {
    }
}
