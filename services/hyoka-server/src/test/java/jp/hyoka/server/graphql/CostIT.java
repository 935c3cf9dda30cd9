package jp.hyoka.server.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static jp.hyoka.server.support.Operations.START;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer carries {@code extensions.cost}; a municipality's budget (here 40 points, refilled at 2 a second, at
 * most 30 per operation) refuses an operation over the maximum (MAX_COST_EXCEEDED) or over what is left (429
 * THROTTLED, Retry-After), and nothing is done. Each test spends a municipality's budget of its own.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CostIT extends SignedInServerTest {

    private static final String ME = "{ me { userId } }";

    @Override
    public Map<String, String> getProperties() {
        return baseProperties(Map.of(
                "hyoka.limits.cost.maximum-available", "40",
                "hyoka.limits.cost.restore-rate", "2",
                "hyoka.limits.cost.max-query-cost", "30"));
    }

    /** {@code count} aliases of {@code me}: {@code count} objects, requested and returned. */
    private static String manyMe(int count) {
        return IntStream.range(0, count).mapToObj(i -> "m" + i + ": me { userId }")
                .collect(Collectors.joining(" ", "{ ", " }"));
    }

    private static JsonNode cost(GraphQlClient.Response response) {
        return response.body().path("extensions").path("cost");
    }

    @Test
    void givenAQueryAndAMutation_whenServed_thenEachAnswerCarriesItsRequestedAndActualCostAndTheBudget() {
        GraphQlClient.Response query = callers.asahikawaEditor.execute(ME, Map.of());
        GraphQlClient.Response mutation = callers.asahikawaEditor.execute(START,
                Map.of("kind", "KEY_ITEMS", "name", "費用を報告する事務"));

        assertThat(query.status()).isEqualTo(200);
        assertThat(cost(query).path("requestedQueryCost").asInt()).as(query.body().toString()).isEqualTo(1);
        assertThat(cost(query).path("actualQueryCost").asInt()).isEqualTo(1);
        assertThat(cost(query).path("throttleStatus").path("maximumAvailable").asInt()).isEqualTo(40);
        assertThat(cost(query).path("throttleStatus").path("restoreRate").asDouble()).isEqualTo(2.0);
        int afterQuery = cost(query).path("throttleStatus").path("currentlyAvailable").asInt();
        assertThat(afterQuery).isBetween(38, 39);
        // startAssessment: 10 for the mutation, 1 each for its result, the assessment and its form.
        assertThat(mutation.data().path("startAssessment").path("__typename").asText())
                .as(mutation.body().toString()).isEqualTo("AssessmentEdited");
        assertThat(cost(mutation).path("requestedQueryCost").asInt()).isEqualTo(13);
        assertThat(cost(mutation).path("actualQueryCost").asInt()).isEqualTo(13);
        assertThat(cost(mutation).path("throttleStatus").path("currentlyAvailable").asInt())
                .isLessThanOrEqualTo(40 - 14 + 1);
    }

    @Test
    void givenAnOperationOverTheMaximumCost_whenSent_thenRefusedAsMaxCostExceededAndNothingIsDone()
            throws Exception {
        String threeStarts = "mutation { " + IntStream.range(0, 3)
                .mapToObj(i -> "s" + i + ": startAssessment(input: {kind: KEY_ITEMS, affairName: \"高すぎる事務\"}) "
                        + "{ __typename }")
                .collect(Collectors.joining(" ")) + " }";

        GraphQlClient.Response refused = callers.asahikawaEditor.execute(threeStarts, Map.of());

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.errorCode()).as(refused.body().toString()).isEqualTo("MAX_COST_EXCEEDED");
        assertThat(refused.errors().path(0).path("extensions").path("maximumQueryCost").asInt()).isEqualTo(30);
        assertThat(refused.data().isMissingNode() || refused.data().isNull()).isTrue();
        assertThat(cost(refused).path("requestedQueryCost").asInt()).isEqualTo(33);
        assertThat(cost(refused).path("actualQueryCost").asInt()).isZero();
        assertThat(storedEventsMentioning("高すぎる事務")).isZero();
    }

    @Test
    void givenASpentBudget_whenAnotherOperationDoesNotFit_thenThrottledWithRetryAfterAndServedOnceRefilled()
            throws Exception {
        GraphQlClient.Response spending = callers.kawasakiEditor.execute(manyMe(30), Map.of());
        assertThat(cost(spending).path("actualQueryCost").asInt()).as(spending.body().toString()).isEqualTo(30);

        Map<String, Object> start = Map.of("kind", "KEY_ITEMS", "name", "待たされた事務");
        GraphQlClient.Response throttled = callers.kawasakiEditor2.execute(START, start);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.errorCode()).as(throttled.body().toString()).isEqualTo("THROTTLED");
        int retryAfter = throttled.errors().path(0).path("extensions").path("retryAfterSeconds").asInt();
        assertThat(retryAfter).isBetween(1, 2);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue(Integer.toString(retryAfter));
        assertThat(cost(throttled).path("requestedQueryCost").asInt()).isEqualTo(13);
        assertThat(cost(throttled).path("throttleStatus").path("currentlyAvailable").asInt()).isLessThan(13);
        assertThat(storedEventsMentioning("待たされた事務")).isZero();
        assertThat(callers.asahikawaEditor.execute(ME, Map.of()).status()).isEqualTo(200);

        Thread.sleep(retryAfter * 1000L);
        GraphQlClient.Response served = callers.kawasakiEditor2.execute(START, start);

        assertThat(served.status()).as(served.body().toString()).isEqualTo(200);
        assertThat(served.data().path("startAssessment").path("__typename").asText()).isEqualTo("AssessmentEdited");
        assertThat(storedEventsMentioning("待たされた事務")).isOne();
    }

    @Test
    void givenTheAnonymousEndpoint_whenAsked_thenItsAnswerCarriesTheCostToo() {
        GraphQlClient.Response answer = GraphQlClient.ofPublicEndpoint(server.getURI(), null).execute(
                "{ publicAssessment(municipalityCode: \"141305\", assessmentId: \"" + UUID.randomUUID()
                        + "\") { id } }", Map.of());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(cost(answer).path("requestedQueryCost").asInt()).as(answer.body().toString()).isEqualTo(1);
        assertThat(cost(answer).path("actualQueryCost").asInt()).isZero();
        assertThat(cost(answer).path("throttleStatus").path("maximumAvailable").asInt()).isEqualTo(40);
    }
}
