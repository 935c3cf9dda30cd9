package jp.hyoka.server.security;

import io.micronaut.context.ApplicationContext;
import jp.hyoka.server.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Without any signature configuration micronaut-security-jwt would accept unsigned ("alg": "none") tokens, so a
 * server configured that way must not start at all.
 */
class SignatureGuardIT {

    @Test
    void givenNoJwksAndNoDevelopmentIssuer_whenTheServerStarts_thenItRefusesWithAnExplanation() {
        Map<String, Object> noSignatures = Map.of(
                "hyoka.database.url", TestDatabase.newDatabase(),
                "hyoka.database.username", TestDatabase.user(),
                "hyoka.database.password", TestDatabase.password(),
                "hyoka.dev-issuer.enabled", "false",
                "micronaut.server.port", "-1");

        assertThatThrownBy(() -> {
            try (ApplicationContext context = ApplicationContext.run(noSignatures)) {
                context.getBean(SignatureGuard.class);
            }
        }).hasStackTraceContaining("No token signature is configured");
    }
}
