package jp.hyoka.server.platform;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A platform operator onboards a municipality by its 地方公共団体コード on the embedded default (development issuer as
 * identity provider): the municipality is a tenant at once and its first administrator can sign in and work; wrong
 * check digits and repeated onboardings are refused and change nothing. Against a real Keycloak: KeycloakSignInIT.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnboardingIT extends SignedInServerTest {

    private static final String ONBOARD = """
            mutation($code: String!, $name: String!) {
              onboardMunicipality(input: {municipalityCode: $code, name: $name,
                                          administratorEmail: "admin@city.example.jp", administratorName: "管理 太郎"}) {
                __typename
                ... on MunicipalityOnboarded { municipality { code name }
                                              administrator { userId username credentialKind credential } }
                ... on Problem { code message }
                ... on InvalidMunicipalityCode { given expectedCheckDigit }
                ... on MunicipalityAlreadyOnboarded { municipalityCode name }
              }
            }""";

    private GraphQlClient operator;

    @BeforeAll
    void aPlatformOperator() {
        operator = new GraphQlClient(server.getURI(), issuer.issue("op-1", "運営 一郎", null, List.of("platform-operator")));
    }

    @Test
    void givenANewMunicipality_whenOnboarded_thenItsAdministratorSignsInAndWorksThere() {
        JsonNode onboarded = operator.data("onboardMunicipality", ONBOARD, Map.of("code", "011002", "name", "札幌市"));

        assertThat(onboarded.path("__typename").asText()).as(onboarded.toString()).isEqualTo("MunicipalityOnboarded");
        assertThat(onboarded.path("administrator").path("credentialKind").asText()).isEqualTo("DEVELOPMENT_TOKEN");
        GraphQlClient administrator = new GraphQlClient(server.getURI(),
                onboarded.path("administrator").path("credential").asText());
        JsonNode me = administrator.data("me", "{ me { municipalityCode municipalityName roles } }", Map.of());
        assertThat(me.path("municipalityCode").asText()).isEqualTo("011002");
        assertThat(me.path("municipalityName").asText()).isEqualTo("札幌市");
        assertThat(me.path("roles").toString()).isEqualTo("[\"APPROVER\",\"EDITOR\"]");
        assertThat(administrator.data("startAssessment", Operations.START, Map.of("kind", "KEY_ITEMS", "name", "最初の事務"))
                .path("__typename").asText()).isEqualTo("AssessmentEdited");
        assertThat(operator.data("municipalities", "{ municipalities { code } }", Map.of()).findValuesAsText("code"))
                .contains("011002");
    }

    @Test
    void givenAWrongCheckDigit_whenOnboarded_thenRefusedNamingTheRightDigitAndNothingIsRegistered() {
        JsonNode refused = operator.data("onboardMunicipality", ONBOARD, Map.of("code", "011012", "name", "札幌市中央区?"));

        assertThat(refused.path("code").asText()).isEqualTo("INVALID_MUNICIPALITY_CODE");
        assertThat(refused.path("expectedCheckDigit").asText()).isEqualTo("1");
        assertThat(operator.data("municipalities", "{ municipalities { code } }", Map.of()).findValuesAsText("code"))
                .doesNotContain("011012");
    }

    @Test
    void givenAMunicipalityAlreadyOnHyoka_whenOnboardedAgain_thenRefused() {
        JsonNode again = operator.data("onboardMunicipality", ONBOARD, Map.of("code", "141305", "name", "川崎市"));

        assertThat(again.path("code").asText()).isEqualTo("MUNICIPALITY_ALREADY_ONBOARDED");
        assertThat(again.path("name").asText()).isEqualTo("川崎市");
    }

    @Test
    void givenAMunicipalityEditor_whenOnboarding_thenForbidden() {
        assertThat(callers.kawasakiEditor.execute(ONBOARD, Map.of("code", "012025", "name", "函館市")).errors()
                .findValuesAsText("code")).contains("FORBIDDEN");
    }
}
