package jp.hyoka.server.security;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remembered tokens over HTTP ({@link VerifiedTokens}): tokens of the development issuer living 3 s, each served once
 * (so remembered) before the case.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerifiedTokensIT extends SignedInServerTest {

    private static final String ME = "{ me { municipalityCode roles } }";

    @Override
    public Map<String, String> getProperties() {
        return baseProperties(Map.of("hyoka.dev-issuer.token-lifetime", "3s"));
    }

    private String servedToken(String user) {
        String token = issuer.issue(user, "川崎 検証", Callers.KAWASAKI, List.of("editor"));
        assertThat(client(token).execute(ME, Map.of()).status()).isEqualTo(200);
        return token;
    }

    private GraphQlClient client(String token) {
        return new GraphQlClient(server.getURI(), token);
    }

    @Test
    void givenATokenServedBefore_whenSentAfterItsExpiry_thenHttp401() throws InterruptedException {
        String token = servedToken("k-expiring");
        assertThat(client(token).data("me", ME, Map.of()).path("municipalityCode").asText()).isEqualTo("141305");
        long exp = Long.parseLong(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]))
                .replaceAll(".*\"exp\":(\\d+).*", "$1"));
        while (System.currentTimeMillis() <= exp * 1000 + 50) {
            Thread.sleep(100);
        }

        assertThat(client(token).execute(ME, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void givenATokenServedBefore_whenItsPayloadOrSignatureIsChanged_thenHttp401AndTheTokenItselfStillServes() {
        String token = servedToken("k-tampered");
        String[] parts = token.split("\\.");
        String otherMunicipality = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1])).replace("141305", "012041").getBytes());
        String signature = parts[2];
        String otherSignature = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);

        assertThat(client(parts[0] + "." + otherMunicipality + "." + parts[2]).execute(ME, Map.of()).status())
                .isEqualTo(401);
        assertThat(client(parts[0] + "." + parts[1] + "." + otherSignature).execute(ME, Map.of()).status())
                .isEqualTo(401);
        assertThat(client(token).execute(ME, Map.of()).status()).isEqualTo(200);
    }
}
