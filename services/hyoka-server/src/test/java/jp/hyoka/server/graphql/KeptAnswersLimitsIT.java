package jp.hyoka.server.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.GraphQL;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What applies before graphql-java applies to a kept answer served there too ({@link KeptAnswers}): an expired or
 * altered token is refused (401) though its answer is kept, an operation over the cost maximum or over what the
 * municipality's budget has left is refused as graphql-java's execution refuses it. Tokens here live 5 s (a fresh one
 * per step); a municipality's budget is 80 points, refilled at 1 a second, at most 30 per operation.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeptAnswersLimitsIT extends SignedInServerTest {

    @Inject
    GraphQL graphQL;

    @Override
    public Map<String, String> getProperties() {
        return baseProperties(Map.of(
                "hyoka.dev-issuer.token-lifetime", "5s",
                "hyoka.limits.cost.maximum-available", "80",
                "hyoka.limits.cost.restore-rate", "1",
                "hyoka.limits.cost.max-query-cost", "30"));
    }

    private long servedEarly() {
        return ((ResponseCache) graphQL.getQueryStrategy()).early().served();
    }

    /** A client with a token issued now (each lives 5 s). */
    private GraphQlClient editor(MunicipalityCode municipality) {
        return new GraphQlClient(server.getURI(), token(municipality));
    }

    private String token(MunicipalityCode municipality) {
        return issuer.issue("limits-editor-" + municipality.value(), "編集者", municipality, List.of("editor"));
    }

    private String document(MunicipalityCode municipality, String name) {
        return editor(municipality).data("startAssessment", Operations.START, Map.of("kind", "KEY_ITEMS", "name", name))
                .path("assessment").path("id").asText();
    }

    /** A kept-answer query of {@code 1 + aliases} requested points: the document and its creator, asked for n times. */
    private static String creatorTimes(int aliases) {
        return IntStream.range(0, aliases).mapToObj(i -> "c" + i + ": createdBy { userId }")
                .collect(Collectors.joining(" ", "query($id: ID!) { assessment(id: $id) { revision ", " } }"));
    }

    @Test
    void givenAnAnswerServedEarlyForAToken_whenTheTokenHasExpired_thenHttp401AndNothingServed() throws Exception {
        String id = document(Callers.KAWASAKI, "期限切れ");
        String query = creatorTimes(1);
        editor(Callers.KAWASAKI).execute(query, Map.of("id", id));
        String token = token(Callers.KAWASAKI);
        GraphQlClient client = new GraphQlClient(server.getURI(), token);
        long early = servedEarly();
        assertThat(client.execute(query, Map.of("id", id)).status()).isEqualTo(200);
        assertThat(servedEarly()).isEqualTo(early + 1);

        long exp = Long.parseLong(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]))
                .replaceAll(".*\"exp\":(\\d+).*", "$1"));
        while (System.currentTimeMillis() <= exp * 1000 + 50) {
            Thread.sleep(100);
        }
        GraphQlClient.Response expired = client.execute(query, Map.of("id", id));

        assertThat(expired.status()).isEqualTo(401);
        assertThat(servedEarly()).isEqualTo(early + 1);
    }

    @Test
    void givenAnAnswerServedEarly_whenTheTokenIsAlteredToAnotherMunicipalityOrRole_thenHttp401AndNothingServed() {
        String id = document(Callers.KAWASAKI, "改ざん");
        String query = creatorTimes(2);
        editor(Callers.KAWASAKI).execute(query, Map.of("id", id));
        String token = token(Callers.KAWASAKI);
        assertThat(new GraphQlClient(server.getURI(), token).execute(query, Map.of("id", id)).status()).isEqualTo(200);
        long early = servedEarly();

        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        for (String altered : List.of(payload.replace("141305", "012041"), payload.replace("\"editor\"", "\"auditor\""))) {
            assertThat(altered).isNotEqualTo(payload);
            String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(altered.getBytes())
                    + "." + parts[2];
            GraphQlClient.Response refused = new GraphQlClient(server.getURI(), forged).execute(query, Map.of("id", id));
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body() == null ? "" : refused.body().toString()).doesNotContain("改ざん");
        }
        assertThat(servedEarly()).isEqualTo(early);
    }

    @Test
    void givenAQueryOverTheCostMaximum_whenSentAgain_thenRefusedEveryTimeAndNeverKept() {
        String id = document(Callers.KAWASAKI, "上限超え");
        String query = creatorTimes(30);                                  // 31 points, at most 30 served
        long early = servedEarly();

        for (int i = 0; i < 3; i++) {
            GraphQlClient.Response refused = editor(Callers.KAWASAKI).execute(query, Map.of("id", id));
            assertThat(refused.errorCode()).as(refused.body().toString()).isEqualTo(CostLimits.MAX_COST_EXCEEDED);
            assertThat(refused.data().path("assessment").isMissingNode() || refused.data().isNull()
                    || refused.data().isMissingNode()).isTrue();
        }
        assertThat(servedEarly()).isEqualTo(early);
    }

    @Test
    void givenAnAnswerServedEarly_whenTheBudgetRunsOut_thenThrottledAsByGraphQlJavaAndNotServed() {
        String id = document(Callers.ASAHIKAWA, "予算切れ");
        String query = creatorTimes(20);                                  // 21 points each
        GraphQlClient.Response first = editor(Callers.ASAHIKAWA).execute(query, Map.of("id", id));
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        long early = servedEarly();

        int served = 0;
        GraphQlClient.Response throttled = null;
        for (int i = 0; i < 10 && throttled == null; i++) {
            GraphQlClient.Response response = editor(Callers.ASAHIKAWA).execute(query, Map.of("id", id));
            if (response.status() == 200) {
                assertThat(response.body().path("data")).isEqualTo(first.body().path("data"));
                served++;
            } else {
                throttled = response;
            }
        }

        assertThat(throttled).as("80 points, 21 a read").isNotNull();
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.errorCode()).isEqualTo(CostLimits.THROTTLED);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        JsonNode cost = throttled.body().path("extensions").path("cost");
        assertThat(cost.path("requestedQueryCost").asInt()).isEqualTo(21);
        assertThat(cost.path("actualQueryCost").asInt()).isZero();
        assertThat(throttled.body().toString()).doesNotContain("予算切れ");
        assertThat(servedEarly()).isEqualTo(early + served);
    }
}
