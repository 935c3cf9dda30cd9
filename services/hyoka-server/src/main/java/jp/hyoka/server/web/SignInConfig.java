package jp.hyoka.server.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.util.Map;

/**
 * Where the reference UI (/app) signs people in when the server takes tokens from an OpenID Connect provider
 * (the {@code keycloak} environment, {@code run.sh --keycloak}): {@code GET /app/sign-in} answers the issuer and
 * the public client the UI uses for the authorization-code flow with PKCE (Keycloak's own login page). Without a
 * configured issuer there is no such route (404) and the UI offers the demo list or a pasted token. Both values are
 * public: the issuer is in every token, and a public client has no secret.
 */
@Controller
@Requires(property = "hyoka.oidc.issuer")
public class SignInConfig {

    private final String issuer;
    private final String clientId;

    public SignInConfig(@Property(name = "hyoka.oidc.issuer") String issuer,
                        @Property(name = "hyoka.oidc.web-client-id", defaultValue = "hyoka-web") String clientId) {
        this.issuer = issuer;
        this.clientId = clientId;
    }

    @Get(uri = "/app/sign-in", produces = MediaType.APPLICATION_JSON)
    Map<String, String> signIn() {
        return Map.of("issuer", issuer, "clientId", clientId);
    }
}
