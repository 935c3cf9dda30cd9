package jp.hyoka.server.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
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
 */
@Singleton
@Named("hyoka-dev")
@Requires(property = "hyoka.dev-issuer.enabled", value = "true")
public class DevTokenIssuer extends SecretSignature {

    public static final String ISSUER = "hyoka-dev";
    private static final Logger LOG = LoggerFactory.getLogger(DevTokenIssuer.class);

    private final Duration lifetime;

    public DevTokenIssuer(@Value("${hyoka.dev-issuer.token-lifetime:12h}") Duration lifetime) {
        super(configuration());
        this.lifetime = lifetime;
        LOG.warn("DEVELOPMENT TOKEN ISSUER ENABLED: tokens signed by this process are accepted. Never run it in production.");
    }

    private static SecretSignatureConfiguration configuration() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
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
