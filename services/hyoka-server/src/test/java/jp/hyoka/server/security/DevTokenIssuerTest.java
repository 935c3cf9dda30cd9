package jp.hyoka.server.security;

import com.nimbusds.jwt.SignedJWT;
import jp.hyoka.domain.shared.MunicipalityCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The development key is random per start unless {@code hyoka.dev-issuer.secret} fixes it for every node. */
class DevTokenIssuerTest {

    private static final Duration LIFETIME = Duration.ofHours(1);

    @Test
    void givenTheSameSecret_whenTwoNodesStart_thenEachAcceptsTheOthersTokens_andARandomKeyDoesNot() throws Exception {
        String secret = secretOf(32);
        DevTokenIssuer first = new DevTokenIssuer(LIFETIME, secret);
        DevTokenIssuer second = new DevTokenIssuer(LIFETIME, secret);

        SignedJWT token = SignedJWT.parse(first.issue("k-editor", "川崎 一郎", new MunicipalityCode("141305"),
                List.of("editor")));

        assertThat(second.verify(token)).isTrue();
        assertThat(new DevTokenIssuer(LIFETIME).verify(token)).isFalse();
    }

    @Test
    void givenASecretShorterThan32Bytes_whenStarted_thenRefused() {
        assertThatThrownBy(() -> new DevTokenIssuer(LIFETIME, secretOf(16)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32 bytes");
    }

    private static String secretOf(int bytes) {
        byte[] secret = new byte[bytes];
        Arrays.fill(secret, (byte) 7);
        return Base64.getEncoder().encodeToString(secret);
    }
}
