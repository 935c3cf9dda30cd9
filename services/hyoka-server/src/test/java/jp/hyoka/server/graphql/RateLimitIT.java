package jp.hyoka.server.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static jp.hyoka.server.support.Operations.START;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A municipality over its rate (here a burst of 3, then one request every 100 s) is refused with HTTP 429 and the
 * code RATE_LIMITED before anything is done; another municipality is served meanwhile from a budget of its own.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitIT extends SignedInServerTest {

    private static final String ME = "{ me { userId } }";

    @Override
    public Map<String, String> getProperties() {
        return baseProperties(Map.of(
                "hyoka.limits.requests-per-second", "0.01",
                "hyoka.limits.burst", "3",
                "hyoka.limits.public-requests-per-second", "0.01",
                "hyoka.limits.public-burst", "5",
                "hyoka.limits.public-requests-per-second-per-address", "0.01",
                "hyoka.limits.public-burst-per-address", "2",
                // behind a proxy: the client's address is the header's (how the test sends from several)
                "hyoka.http.trusted-proxies", "127.0.0.1,::1"));
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

    /** Runs first: addresses A and B take 3 of the 5 the anonymous callers share. */
    @Test
    @Order(1)
    void givenOneAddressOverItsShare_whenItAsksAgain_thenItAloneIsRefusedAndTheSharedBucketIsLeftAlone()
            throws Exception {
        for (int i = 0; i < 2; i++) {
            assertThat(fromAddress("192.0.2.1")).isEqualTo(200);
        }

        int refused = fromAddress("192.0.2.1");
        int other = fromAddress("192.0.2.2");

        assertThat(refused).isEqualTo(429);
        assertThat(other).isEqualTo(200);
    }

    /** After the first: 2 of the shared 5 are left, whatever the address. */
    @Test
    @Order(2)
    void givenAnonymousCallersOverTheirSharedRate_whenOneMoreAsks_thenRefusedWhileTheMunicipalitiesAreServed()
            throws Exception {
        for (String address : List.of("198.51.100.1", "198.51.100.2")) {
            assertThat(fromAddress(address)).isEqualTo(200);
        }

        HttpResponse<String> refused = publicQuery("198.51.100.3");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("RATE_LIMITED");
        assertThat(callers.asahikawaEditor.execute(ME, Map.of()).status()).isEqualTo(200);
    }

    private int fromAddress(String address) throws Exception {
        return publicQuery(address).statusCode();
    }

    /** A publicAssessment query as a visitor at {@code address} (behind the proxy) sends it. */
    private HttpResponse<String> publicQuery(String address) throws Exception {
        String query = "{ publicAssessment(municipalityCode: \"141305\", assessmentId: \""
                + java.util.UUID.randomUUID() + "\") { id } }";
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.getURI().resolve("/graphql/public"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(
                        Map.of("query", query)))).build(), HttpResponse.BodyHandlers.ofString());
    }
}
