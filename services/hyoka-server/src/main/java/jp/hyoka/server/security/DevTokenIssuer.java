package jp.hyoka.server.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jp.hyoka.domain.shared.MunicipalityCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * Development only: signs tokens with a key generated at each start, so that the embedded default can be used
 * without an identity provider. The key never leaves the process and dies with it; a deployment turns this off
 * and validates Keycloak's tokens instead. Its presence is logged loudly.
 * <p>
 * {@code hyoka.dev-issuer.secret} (base64, at least 32 bytes) fixes the key instead: two development nodes behind
 * one load balancer then accept each other's tokens, and a test can sign tokens for a server in another process.
 */
@Singleton
@Named("hyoka-dev")
@Requires(property = "hyoka.dev-issuer.enabled", value = "true")
public class DevTokenIssuer extends SecretSignature {

    public static final String ISSUER = "hyoka-dev";
    private static final Logger LOG = LoggerFactory.getLogger(DevTokenIssuer.class);

    private final Duration lifetime;

    /** A random key, for a test that forges tokens of another issuer instance. */
    public DevTokenIssuer(Duration lifetime) {
        this(lifetime, "");
    }

    @Inject
    public DevTokenIssuer(@Value("${hyoka.dev-issuer.token-lifetime:12h}") Duration lifetime,
                          @Value("${hyoka.dev-issuer.secret:}") String secret) {
        super(configuration(secret));
        this.lifetime = lifetime;
        LOG.warn("DEVELOPMENT TOKEN ISSUER ENABLED: tokens signed {} are accepted. Never run it in production.",
                secret.isBlank() ? "by this process" : "with the configured hyoka.dev-issuer.secret");
    }

    private static SecretSignatureConfiguration configuration(String configured) {
        byte[] secret;
        if (configured.isBlank()) {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
        } else {
            secret = Base64.getDecoder().decode(configured.trim());
            if (secret.length < 32) {
                throw new IllegalArgumentException(
                        "hyoka.dev-issuer.secret must be base64 of at least 32 bytes (HS256)");
            }
        }
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("hyoka-dev");
        configuration.setJwsAlgorithm(JWSAlgorithm.HS256);
        configuration.setBase64(true);
        configuration.setSecret(Base64.getEncoder().encodeToString(secret));
        return configuration;
    }

    public String issue(String userId, String displayName, MunicipalityCode tenant, List<String> roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(userId)
                .claim(TokenClaims.NAME, displayName)
                .claim(TokenClaims.TENANT, tenant == null ? null : tenant.value())   // none: a platform operator
                .claim(TokenClaims.ROLES, roles)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .build();
        try {
            return sign(claims).serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a development token", e);
        }
    }
}
