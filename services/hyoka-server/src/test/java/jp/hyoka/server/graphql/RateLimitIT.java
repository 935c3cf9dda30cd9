package jp.hyoka.server.graphql;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static jp.hyoka.server.support.Operations.START;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A municipality over its rate (here a burst of 3, then one request every 100 s) is refused with HTTP 429 and the
 * code RATE_LIMITED before anything is done; another municipality is served meanwhile from a budget of its own.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitIT extends SignedInServerTest {

    private static final String ME = "{ me { userId } }";

    @Override
    public Map<String, String> getProperties() {
        return baseProperties(Map.of(
                "hyoka.limits.requests-per-second", "0.01",
                "hyoka.limits.burst", "3",
                "hyoka.limits.public-requests-per-second", "0.01",
                "hyoka.limits.public-burst", "2"));
    }

    @Test
    void givenAMunicipalityOverItsRate_whenItSendsAnEdit_thenItIsRefusedRetryableAndChangesNothingWhileOthersAreServed()
            throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(callers.kawasakiEditor.execute(ME, Map.of()).status()).isEqualTo(200);
        }

        GraphQlClient.Response refused = callers.kawasakiEditor2.execute(START,
                Map.of("kind", "KEY_ITEMS", "name", "制限を超えた事務"));
        GraphQlClient.Response other = callers.asahikawaEditor.execute(ME, Map.of());

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.errors()).as(refused.body().toString()).hasSize(1);
        assertThat(refused.errors().get(0).path("extensions").path("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(refused.errors().get(0).path("extensions").path("retryAfterSeconds").asInt()).isPositive();
        assertThat(refused.errors().get(0).path("extensions").path("retryable").asBoolean()).isTrue();
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.data().path("me").path("userId").asText()).isNotEmpty();
        assertThat(storedEventsMentioning("制限を超えた事務")).isZero();
    }

    @Test
    void givenAnonymousCallersOverTheirSharedRate_whenOneMoreAsks_thenRefusedWhileTheMunicipalitiesAreServed() {
        GraphQlClient anonymous = GraphQlClient.ofPublicEndpoint(server.getURI(), null);
        String query = "{ publicAssessment(municipalityCode: \"141305\", assessmentId: \""
                + java.util.UUID.randomUUID() + "\") { id } }";
        for (int i = 0; i < 2; i++) {
            assertThat(anonymous.execute(query, Map.of()).status()).isEqualTo(200);
        }

        GraphQlClient.Response refused = anonymous.execute(query, Map.of());

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.errors().get(0).path("extensions").path("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(callers.asahikawaEditor.execute(ME, Map.of()).status()).isEqualTo(200);
    }
}
