package jp.hyoka.server.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.security.DevTokenIssuer;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static jp.hyoka.server.support.Operations.LIST;
import static jp.hyoka.server.support.Operations.START;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may call what: tokens, municipalities, roles; and the tenant's list with its cursor pagination. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessIT extends SignedInServerTest {


    @Test
    void givenNoToken_whenQuery_thenHttp401() {
        assertThat(callers.anonymous.execute("{ me { userId } }", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void givenTokenSignedWithAnotherKey_whenQuery_thenHttp401() {
        String forged = new DevTokenIssuer(Duration.ofHours(1))
                .issue("mallory", "Mallory", Callers.KAWASAKI, List.of("editor"));
        assertThat(new GraphQlClient(server.getURI(), forged).execute("{ me { userId } }", Map.of()).status())
                .isEqualTo(401);
    }

    @Test
    void givenTokenForUnregisteredMunicipality_whenQuery_thenUnauthenticatedError() {
        JsonNode errors = callers.unregisteredMunicipality.execute("{ me { userId } }", Map.of()).errors();

        assertThat(errors.get(0).path("extensions").path("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(errors.get(0).path("message").asText()).contains("131075");
    }

    @Test
    void givenReaderWithoutEditorRole_whenStartAssessment_thenForbiddenAndNothingCreated() {
        JsonNode errors = callers.kawasakiReader.execute(START, Map.of("kind", "KEY_ITEMS", "name", "監査人の試み")).errors();

        assertThat(errors.get(0).path("extensions").path("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(callers.kawasakiReader.data("assessments", LIST, Map.of("first", 100)).path("edges").toString())
                .doesNotContain("監査人の試み");
    }

    @Test
    void givenEditor_whenMe_thenMunicipalityAndRolesFromTheToken() {
        JsonNode me = callers.kawasakiEditor.data("me", "{ me { userId displayName municipalityCode municipalityName roles } }", Map.of());

        assertThat(me.path("municipalityCode").asText()).isEqualTo("141305");
        assertThat(me.path("municipalityName").asText()).isEqualTo("川崎市");
        assertThat(me.path("roles").toString()).isEqualTo("[\"EDITOR\"]");
    }

    @Test
    void givenATokenWithRolesHyokaDoesNotKnow_whenMe_thenOnlyRoleEnumValuesAreListed() {
        GraphQlClient keycloakLike = new GraphQlClient(server.getURI(), issuer.issue("k-approver-3", "川崎 三子",
                new MunicipalityCode("141305"), List.of("offline_access", "approver", "default-roles-hyoka", "editor")));

        JsonNode me = keycloakLike.data("me", "{ me { roles } }", Map.of());

        assertThat(me.path("roles").toString()).isEqualTo("[\"APPROVER\",\"EDITOR\"]");
    }

    @Test
    void givenThreeAssessments_whenListedTwoPerPage_thenNewestFirstEachOnceAndOnlyOwnMunicipality() {
        tenants.register(new MunicipalityCode("141003"), "横浜市");
        GraphQlClient yokohama = new GraphQlClient(server.getURI(),
                issuer.issue("y-editor", "横浜 四郎", new MunicipalityCode("141003"), List.of("editor")));
        for (String name : List.of("事務A", "事務B", "事務C")) {
            yokohama.data("startAssessment", START, Map.of("kind", "BASIC_ITEMS", "name", name));
        }
        callers.asahikawaEditor.data("startAssessment", START, Map.of("kind", "BASIC_ITEMS", "name", "旭川の事務"));

        JsonNode first = yokohama.data("assessments", LIST, Map.of("first", 2));
        Map<String, Object> next = new HashMap<>(Map.of("first", 2));
        next.put("after", first.path("pageInfo").path("endCursor").asText());
        JsonNode second = yokohama.data("assessments", LIST, next);

        assertThat(first.path("edges").findValuesAsText("affairName")).containsExactly("事務C", "事務B");
        assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        assertThat(second.path("edges").findValuesAsText("affairName")).containsExactly("事務A");
        assertThat(second.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
    }

    @Test
    void givenForgedCursorOrPageSize_whenListed_thenBadUserInput() {
        Map<String, Object> garbage = new HashMap<>(Map.of("first", 2, "after", "bm90LWEtY3Vyc29y"));
        JsonNode badCursor = callers.kawasakiEditor.execute(LIST, garbage).errors();
        JsonNode tooMany = callers.kawasakiEditor.execute(LIST, Map.of("first", 1000)).errors();

        assertThat(badCursor.get(0).path("extensions").path("code").asText()).isEqualTo("BAD_USER_INPUT");
        assertThat(tooMany.get(0).path("extensions").path("code").asText()).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void givenFifteenHundredAliasedFields_whenQueried_thenRefusedBeforeExecution() {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 1_500; i++) {
            query.append(" a").append(i).append(": me { userId }");
        }
        JsonNode errors = callers.kawasakiEditor.execute(query.append(" }").toString(), Map.of()).errors();

        assertThat(errors.get(0).path("extensions").path("code").asText()).isEqualTo("QUERY_TOO_COMPLEX");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"/graphiql, Hyoka GraphiQL", "/app, Hyoka 評価書エディタ"})
    void givenNoToken_whenAWebPageIsOpened_thenThePageLoads(String path, String title) throws Exception {
        var response = anonymousGet(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(title);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/graphiql", "/app"})
    void givenNoToken_whenAPagesScriptsAndStylesAreFetched_thenEachComesFromThisServer(String path) throws Exception {
        String page = anonymousGet(path).body();
        java.util.List<String> assets = java.util.regex.Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page)
                .results().map(match -> match.group(1)).toList();

        assertThat(page).doesNotContain("http://", "https://", "//");
        assertThat(assets).isNotEmpty().allSatisfy(asset -> assertThat(asset).startsWith("/web/assets/"));
        for (String asset : assets) {
            var response = anonymousGet(asset);
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(response.body()).as(asset).isNotEmpty();
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/graphiql/demo-headers", "/app/demo-users"})
    void givenNoDemoMunicipalities_whenAPageAsksForDemoTokens_thenThereAreNone(String path) throws Exception {
        var response = anonymousGet(path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("Bearer");
    }

    @Test
    void givenNoOidcIssuer_whenTheUiAsksWhereToSignIn_thenThereIsNoSuchRoute() throws Exception {
        assertThat(anonymousGet("/app/sign-in").statusCode()).isEqualTo(404);
    }

    private java.net.http.HttpResponse<String> anonymousGet(String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(server.getURI().resolve(path)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void givenAnUnsignedToken_whenQuery_thenHttp401() {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String unsigned = b64.encodeToString("{\"alg\":\"none\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "." + b64.encodeToString(("{\"sub\":\"mallory\",\"hyoka_tenant\":\"141305\",\"roles\":[\"editor\"]}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)) + ".";

        assertThat(new GraphQlClient(server.getURI(), unsigned).execute("{ me { userId } }", Map.of()).status())
                .isEqualTo(401);
    }

    @Test
    void givenControlCharactersInTheDisplayName_whenEditing_thenTheNameIsCleanedAndOtherMunicipalitiesAreUnaffected() {
        GraphQlClient nul = new GraphQlClient(server.getURI(),
                issuer.issue("k-nul\u0000", "川崎\u0000太郎", Callers.KAWASAKI, List.of("editor")));

        JsonNode started = nul.data("startAssessment", START, Map.of("kind", "BASIC_ITEMS", "name", "事務X"));
        JsonNode other = callers.asahikawaEditor.data("startAssessment", START, Map.of("kind", "BASIC_ITEMS", "name", "旭川の事務"));

        assertThat(started.path("__typename").asText()).isEqualTo("AssessmentEdited");
        assertThat(other.path("__typename").asText()).isEqualTo("AssessmentEdited");
        assertThat(nul.data("me", "{ me { userId displayName } }", Map.of()).path("displayName").asText()).isEqualTo("川崎太郎");
    }
}
