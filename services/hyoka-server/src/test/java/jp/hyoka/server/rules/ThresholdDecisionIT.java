package jp.hyoka.server.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** しきい値判断 over HTTP: band edges, the explanation, the result a document prints, and a negative count. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThresholdDecisionIT extends SignedInServerTest {

    private static final String DECISION = """
            query($input: ThresholdInput!, $kind: FormKind) {
              thresholdDecision(input: $input, kind: $kind) {
                mandatory requiredKind personsBand aggravatedBy explanation resultText
                comparison { kind sufficiency sufficient warning }
                basic: resultText(kind: BASIC_ITEMS)
              }
            }""";

    @ParameterizedTest(name = "対象人数 {0}, 取扱者数≥500 {1}: {2}")
    @CsvSource({
            "999, true, NONE",
            "1000, true, BASIC",
            "9999, true, BASIC",
            "10000, false, BASIC",
            "10000, true, BASIC_AND_KEY_ITEMS",
            "99999, true, BASIC_AND_KEY_ITEMS",
            "100000, false, BASIC_AND_KEY_ITEMS",
            "299999, true, BASIC_AND_ALL_ITEMS",
            "300000, false, BASIC_AND_ALL_ITEMS",
    })
    void givenABandEdge_whenAsked_thenTheMandatoryLevelOfItsBand(int persons, boolean handlers, String mandatory) {
        JsonNode decision = decide(callers.kawasakiEditor, persons, handlers, false, null);

        assertThat(decision.path("mandatory").asText()).isEqualTo(mandatory);
    }

    @Test
    void givenKeyItemsMandatoryAndAnAllItemsDocument_whenAsked_thenExplainedAndTheVoluntaryResultIsPrinted() {
        JsonNode decision = decide(callers.kawasakiReader, 150_000, false, false, "ALL_ITEMS");

        assertThat(decision.path("requiredKind").asText()).isEqualTo("KEY_ITEMS");
        assertThat(decision.path("personsBand").asText()).isEqualTo("10万人以上30万人未満");
        assertThat(decision.path("explanation").asText()).isEqualTo("対象人数が10万人以上30万人未満で、取扱者数が500人未満"
                + "であり、かつ過去1年以内に特定個人情報に関する重大事故が発生していないため、基礎項目評価及び重点項目評価の実施が義務付けられる");
        assertThat(decision.path("resultText").asText())
                .isEqualTo("基礎項目評価及び重点項目評価の実施が義務付けられる(任意に全項目評価を実施)");
        assertThat(decision.path("basic").asText()).isEqualTo("基礎項目評価及び重点項目評価の実施が義務付けられる");
        assertThat(decision.path("comparison").path("sufficiency").asText()).isEqualTo("ABOVE_MANDATORY");
    }

    @Test
    void givenAllItemsMandatoryByAnIncidentAndAKeyItemsDocument_whenAsked_thenNoResultTextAndAWarning() {
        JsonNode decision = decide(callers.kawasakiEditor, 120_000, false, true, "KEY_ITEMS");

        assertThat(decision.path("aggravatedBy").toString()).isEqualTo("[\"SERIOUS_INCIDENT_IN_PAST_YEAR\"]");
        assertThat(decision.path("explanation").asText()).isEqualTo("対象人数が10万人以上30万人未満で、過去1年以内に"
                + "特定個人情報に関する重大事故が発生したため、基礎項目評価及び全項目評価の実施が義務付けられる");
        assertThat(decision.path("resultText").isNull()).as("the 重点 form has no such option").isTrue();
        JsonNode comparison = decision.path("comparison");
        assertThat(comparison.path("sufficiency").asText()).isEqualTo("BELOW_MANDATORY");
        assertThat(comparison.path("sufficient").asBoolean()).isFalse();
        assertThat(comparison.path("warning").asText()).isEqualTo(
                "基礎項目評価及び全項目評価の実施が義務付けられるため、重点項目評価書では足りない(全項目評価書が必要)");
    }

    @Test
    void givenNoKind_whenAsked_thenTheKindDependentFieldsAreNullAndAPlatformOperatorMayAsk() {
        GraphQlClient operator = new GraphQlClient(server.getURI(),
                issuer.issue("t-operator", "運営 太郎", null, List.of("platform-operator")));

        JsonNode decision = decide(operator, 500, false, false, null);

        assertThat(decision.path("mandatory").asText()).isEqualTo("NONE");
        assertThat(decision.path("requiredKind").isNull()).isTrue();
        assertThat(decision.path("resultText").isNull()).isTrue();
        assertThat(decision.path("comparison").isNull()).isTrue();
        assertThat(decision.path("basic").asText()).isEqualTo("特定個人情報保護評価の実施が義務付けられない");
    }

    @Test
    void givenNegativePersons_whenAsked_thenBadUserInputNamingPersons() {
        GraphQlClient.Response response = callers.kawasakiEditor.execute(DECISION,
                Map.of("input", input(-1, false, false)));

        assertThat(response.data().hasNonNull("thresholdDecision")).isFalse();
        JsonNode error = response.errors().get(0);
        assertThat(error.path("extensions").path("code").asText()).isEqualTo("BAD_USER_INPUT");
        assertThat(error.path("message").asText()).contains("persons").contains("-1");
    }

    private static JsonNode decide(GraphQlClient client, int persons, boolean handlers, boolean incident, String kind) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("input", input(persons, handlers, incident));
        variables.put("kind", kind);
        return client.data("thresholdDecision", DECISION, variables);
    }

    private static Map<String, Object> input(int persons, boolean handlers, boolean incident) {
        return Map.of("persons", persons, "handlersAtLeast500", handlers, "seriousIncidentInPastYear", incident);
    }
}
