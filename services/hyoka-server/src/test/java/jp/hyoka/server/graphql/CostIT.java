package jp.hyoka.server.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static jp.hyoka.server.support.Operations.START;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer carries {@code extensions.cost}; a municipality's budget (here 40 points, refilled at 2 a second, at
 * most 30 per operation) refuses an operation over the maximum (MAX_COST_EXCEEDED) or over what is left (429
 * THROTTLED, Retry-After), and nothing is done. Each test spends a municipality's budget of its own. Anonymous
 * callers have a budget per address (here 3 points, refilled at 1 a second).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CostIT extends SignedInServerTest {

    private static final String ME = "{ me { userId } }";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One publicAssessment (cost 1) of an assessment that is not published: null, actual cost 0. */
    private static final String PUBLIC_ONE = "{ publicAssessment(municipalityCode: \"141305\", assessmentId: \""
            + UUID.randomUUID() + "\") { id } }";
    /** A municipality's published documents, one page of one: 2 points requested and (the page empty) used. */
    private static final String PUBLIC_LISTING = "{ publicAssessments(municipalityCode: \"141305\", first: 1) "
            + "{ pageInfo { hasNextPage } } }";

    @Override
    public Map<String, String> getProperties() {
        return baseProperties(Map.of(
                "hyoka.limits.cost.maximum-available", "40",
                "hyoka.limits.cost.restore-rate", "2",
                "hyoka.limits.cost.max-query-cost", "30",
                "hyoka.limits.cost.public-maximum-available-per-address", "3",
                "hyoka.limits.cost.public-restore-rate-per-address", "1",
                // behind a proxy: the client's address is the header's (how the test sends from several)
                "hyoka.http.trusted-proxies", "127.0.0.1,::1"));
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
        long sent = System.nanoTime();
        GraphQlClient.Response mutation = callers.asahikawaEditor.execute(START,
                Map.of("kind", "KEY_ITEMS", "name", "費用を報告する事務"));
        // What may have refilled (2 a second) while the mutation ran: a cold server takes seconds over its first edit.
        int refilled = (int) Math.ceil((System.nanoTime() - sent) / 1e9 * 2);

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
                .isLessThanOrEqualTo(Math.min(40, 40 - 13 + refilled));
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
    void givenTheAnonymousEndpoint_whenAsked_thenItsAnswerCarriesTheCostToo() throws Exception {
        HttpResponse<String> answer = publicQuery("192.0.2.10", PUBLIC_ONE);
        JsonNode cost = JSON.readTree(answer.body()).path("extensions").path("cost");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(cost.path("requestedQueryCost").asInt()).as(answer.body()).isEqualTo(1);
        assertThat(cost.path("actualQueryCost").asInt()).isZero();
        assertThat(cost.path("throttleStatus").path("maximumAvailable").asInt()).isEqualTo(3);
        assertThat(cost.path("throttleStatus").path("restoreRate").asDouble()).isEqualTo(1.0);
    }

    @Test
    void givenOneAnonymousAddressThatSpentItsBudget_whenItAndAnotherAsk_thenOnlyItIsThrottledWithItsRetryTime()
            throws Exception {
        HttpResponse<String> answer = publicQuery("198.51.100.20", PUBLIC_LISTING);
        int sent = 1;
        for (; answer.statusCode() == 200 && sent < 5; sent++) {
            assertThat(JSON.readTree(answer.body()).path("errors")).as(answer.body()).isEmpty();
            answer = publicQuery("198.51.100.20", PUBLIC_LISTING);
        }
        HttpResponse<String> other = publicQuery("203.0.113.20", PUBLIC_LISTING);

        assertThat(answer.statusCode()).as("after " + sent + ": " + answer.body()).isEqualTo(429);
        assertThat(sent).as("a budget of 3 points pays for one listing of 2 and no more").isEqualTo(2);
        JsonNode error = JSON.readTree(answer.body()).path("errors").path(0);
        assertThat(error.path("extensions").path("code").asText()).isEqualTo("THROTTLED");
        int retryAfter = error.path("extensions").path("retryAfterSeconds").asInt();
        assertThat(retryAfter).isEqualTo(1);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(JSON.readTree(answer.body()).path("extensions").path("cost").path("throttleStatus")
                .path("maximumAvailable").asInt()).isEqualTo(3);
        assertThat(other.statusCode()).as("another address has its own budget: " + other.body()).isEqualTo(200);
        assertThat(JSON.readTree(other.body()).path("errors")).isEmpty();
    }

    private HttpResponse<String> publicQuery(String address, String query) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.getURI().resolve("/graphql/public"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
