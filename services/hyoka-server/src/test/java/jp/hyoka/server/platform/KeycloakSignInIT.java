package jp.hyoka.server.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.security.Tenants;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.KeycloakServer;
import jp.hyoka.server.support.Operations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static jp.hyoka.server.support.Operations.START;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in with a real Keycloak 26.7 (infra/keycloak, realm hyoka) and the server in its {@code keycloak}
 * environment: the realm's tokens for this API are accepted and name municipality, roles and person; every other
 * token is refused with HTTP 401 before any GraphQL runs. Tokens that are valid but name no single registered
 * municipality get a typed refusal; a platform operator reaches platform operations only.
 */
@MicronautTest(environments = "keycloak")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeycloakSignInIT implements TestPropertyProvider {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ME = "{ me { userId displayName municipalityCode municipalityName roles } }";
    private static final String ADMIN_SECRET = "hyoka-admin-dev-secret";

    @Inject
    EmbeddedServer server;
    @Inject
    Tenants tenants;

    private KeycloakServer keycloak;

    @Override
    public Map<String, String> getProperties() {
        keycloak = KeycloakServer.get();
        return keycloak.serverProperties();
    }

    @BeforeAll
    void registerMunicipalities() {
        tenants.register(new MunicipalityCode("141305"), "川崎市");
        tenants.register(new MunicipalityCode("141003"), "横浜市");
    }

    @Test
    void givenKawasakiEditorSignedInAtKeycloak_whenMeAndStart_thenMunicipalityRolesAndNameComeFromTheToken() {
        GraphQlClient editor = client(keycloak.passwordToken("hyoka-cli", "kawasaki-editor", "kawasaki-editor-pw", null));

        GraphQlClient.Response me = editor.execute(ME, Map.of());
        JsonNode started = editor.data("startAssessment", START, Map.of("kind", "KEY_ITEMS", "name", "住民基本台帳に関する事務"));

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.data().path("me").path("municipalityCode").asText()).isEqualTo("141305");
        assertThat(me.data().path("me").path("municipalityName").asText()).isEqualTo("川崎市");
        assertThat(me.data().path("me").path("roles").toString()).isEqualTo("[\"EDITOR\"]");
        assertThat(me.data().path("me").path("displayName").asText()).isEqualTo("川崎 作成者");
        assertThat(started.path("__typename").asText()).isEqualTo("AssessmentEdited");
    }

    @Test
    void givenTheOrganizationClaimAsAnObjectWithIds_whenMe_thenTheAliasIsTheMunicipality() {
        String token = withOrganizationIds(() -> keycloak.passwordToken("hyoka-cli", "yokohama-approver", "yokohama-approver-pw", null));

        JsonNode me = client(token).data("me", ME, Map.of());

        assertThat(claims(token).path("organization").path("141003").path("id").asText()).isNotEmpty();
        assertThat(me.path("municipalityCode").asText()).isEqualTo("141003");
        assertThat(me.path("roles").toString()).isEqualTo("[\"APPROVER\"]");
    }

    @Test
    void givenAUserInNoOrganization_whenMe_thenUnauthenticatedNamingTheMissingMunicipality() {
        String username = onboardUser("editor");

        JsonNode error = client(keycloak.passwordToken("hyoka-cli", username, username + "-pw", null))
                .execute(ME, Map.of()).errors().get(0);

        assertThat(error.path("extensions").path("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(error.path("message").asText()).contains("names no municipality");
    }

    @Test
    void givenAMemberOfTwoMunicipalities_whenSignedInForBoth_thenRefused_andForOneOfThem_thenThatOne() {
        String username = onboardUser("editor", "141305", "141003");

        JsonNode both = client(keycloak.passwordToken("hyoka-cli", username, username + "-pw", "organization:*"))
                .execute(ME, Map.of()).errors().get(0);
        JsonNode unchosen = client(keycloak.passwordToken("hyoka-cli", username, username + "-pw", null))
                .execute(ME, Map.of()).errors().get(0);
        JsonNode chosen = client(keycloak.passwordToken("hyoka-cli", username, username + "-pw", "organization:141003"))
                .data("me", ME, Map.of());

        assertThat(both.path("extensions").path("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(both.path("message").asText()).contains("2 municipalities", "141305", "141003", "exactly one");
        assertThat(unchosen.path("message").asText()).contains("organization:<地方公共団体コード>");
        assertThat(chosen.path("municipalityCode").asText()).isEqualTo("141003");
    }

    @Test
    void givenThePlatformOperator_whenListingMunicipalities_thenListed_andMeHasNoMunicipality_butMunicipalitiesDataIsForbidden() {
        GraphQlClient operator = client(keycloak.passwordToken("hyoka-cli", "platform-operator", "platform-operator-pw", null));
        GraphQlClient editor = client(keycloak.passwordToken("hyoka-cli", "kawasaki-editor", "kawasaki-editor-pw", null));

        JsonNode municipalities = operator.data("municipalities", "{ municipalities { code name } }", Map.of());
        JsonNode me = operator.data("me", "{ me { userId municipalityCode roles } }", Map.of());
        JsonNode list = operator.execute(Operations.LIST, Map.of("first", 10)).errors().get(0);
        JsonNode start = operator.execute(START, Map.of("kind", "KEY_ITEMS", "name", "運用者の試み")).errors().get(0);
        JsonNode notForEditors = editor.execute("{ municipalities { code } }", Map.of()).errors().get(0);

        assertThat(municipalities.findValuesAsText("code")).contains("141003", "141305");
        assertThat(me.path("municipalityCode").isNull()).isTrue();
        assertThat(me.path("roles").toString()).isEqualTo("[\"PLATFORM_OPERATOR\"]");
        assertThat(List.of(list, start)).allSatisfy(error -> {
            assertThat(error.path("extensions").path("code").asText()).isEqualTo("FORBIDDEN");
            assertThat(error.path("message").asText()).contains("platform-operator");
        });
        assertThat(notForEditors.path("extensions").path("code").asText()).isEqualTo("FORBIDDEN");
    }

    @Test
    void givenThePlatformOperator_whenOnboardingAMunicipality_thenKeycloakHasItsOrganizationAndAnAdministratorWhoCanWork() {
        GraphQlClient operator = client(keycloak.passwordToken("hyoka-cli", "platform-operator", "platform-operator-pw", null));

        JsonNode onboarded = operator.data("onboardMunicipality", """
                mutation {
                  onboardMunicipality(input: {municipalityCode: "011002", name: "札幌市",
                                              administratorEmail: "admin@sapporo.example.jp", administratorName: "札幌 管理者"}) {
                    __typename ... on MunicipalityOnboarded { administrator { userId username credentialKind credential } }
                    ... on Problem { code message }
                  }
                }""", Map.of());

        assertThat(onboarded.path("__typename").asText()).as(onboarded.toString()).isEqualTo("MunicipalityOnboarded");
        JsonNode administrator = onboarded.path("administrator");
        assertThat(administrator.path("credentialKind").asText()).isEqualTo("TEMPORARY_PASSWORD");
        String admin = keycloak.masterAdminToken();
        JsonNode organization = keycloak.adminJson(admin, "/organizations?q=municipalityCode:011002").get(0);
        assertThat(organization.path("alias").asText()).isEqualTo("011002");
        String userId = administrator.path("userId").asText();
        assertThat(keycloak.adminJson(admin, "/users/" + userId + "/role-mappings/realm").findValuesAsText("name"))
                .contains("editor", "approver").doesNotContain("platform-operator");
        assertThat(keycloak.adminJson(admin, "/organizations/" + organization.path("id").asText() + "/members")
                .findValuesAsText("id")).contains(userId);

        // the administrator sets a password of their own at first sign-in; here the master admin does it for them
        expect(204, keycloak.admin(admin, "PUT", "/users/" + userId + "/reset-password",
                Map.of("type", "password", "value", "sapporo-admin-pw", "temporary", false)));
        expect(204, keycloak.admin(admin, "PUT", "/users/" + userId, Map.of("requiredActions", List.of())));
        GraphQlClient sapporo = client(keycloak.passwordToken("hyoka-cli", "admin@sapporo.example.jp",
                "sapporo-admin-pw", null));
        JsonNode me = sapporo.data("me", ME, Map.of());
        assertThat(me.path("municipalityCode").asText()).isEqualTo("011002");
        assertThat(me.path("municipalityName").asText()).isEqualTo("札幌市");
        assertThat(sapporo.data("startAssessment", START, Map.of("kind", "KEY_ITEMS", "name", "最初の事務"))
                .path("__typename").asText()).isEqualTo("AssessmentEdited");
    }

    @Test
    void givenAKeycloakTokenWithItsPayloadChanged_whenQuery_thenHttp401() {
        String token = keycloak.passwordToken("hyoka-cli", "kawasaki-editor", "kawasaki-editor-pw", null);
        ObjectNode payload = claims(token);
        payload.putArray("organization").add("012041");
        String[] parts = token.split("\\.");

        String tampered = parts[0] + "." + encode(payload) + "." + parts[2];

        assertThat(status(tampered)).isEqualTo(401);
    }

    @Test
    void givenARealmTokenForAnotherAudience_whenQuery_thenHttp401() {
        String serviceAccount = keycloak.clientToken("hyoka-admin", ADMIN_SECRET);

        assertThat(claims(serviceAccount).path("iss").asText()).isEqualTo(keycloak.issuer());
        assertThat(claims(serviceAccount).path("aud").toString()).doesNotContain("hyoka-api");
        assertThat(status(serviceAccount)).isEqualTo(401);
    }

    @Test
    void givenATokenSignedByTheRealmButIssuedUnderAnotherAddress_whenQuery_thenHttp401() {
        String token = keycloak.passwordToken(keycloak.issuerAsLocalhost(), "hyoka-cli", "kawasaki-editor", "kawasaki-editor-pw", null);

        assertThat(claims(token).path("iss").asText()).isEqualTo(keycloak.issuerAsLocalhost());
        assertThat(status(token)).isEqualTo(401);
    }

    /**
     * Expiry with Keycloak's own signature: a test-only client whose access tokens live 4 s (the realm file has no
     * such client; the master admin adds it). The same token is accepted before its exp and refused after.
     */
    @Test
    void givenAKeycloakTokenPastItsExpiry_whenQuery_thenHttp401() throws InterruptedException {
        String clientId = "test-short-lived-" + UUID.randomUUID();
        createClient(Map.of("clientId", clientId, "publicClient", true, "directAccessGrantsEnabled", true,
                "standardFlowEnabled", false, "fullScopeAllowed", false,
                "attributes", Map.of("access.token.lifespan", "4"),
                "defaultClientScopes", List.of("basic", "profile", "organization", "hyoka")));
        String token = keycloak.passwordToken(clientId, "kawasaki-editor", "kawasaki-editor-pw", null);
        long expiry = claims(token).path("exp").asLong();

        int fresh = status(token);
        while (System.currentTimeMillis() / 1000 <= expiry) {
            Thread.sleep(250);
        }
        int expired = status(token);

        assertThat(fresh).isEqualTo(200);
        assertThat(expired).isEqualTo(401);
    }

    @Test
    void givenAnUnsignedTokenWithAKeycloakPayload_whenQuery_thenHttp401() {
        String token = keycloak.passwordToken("hyoka-cli", "kawasaki-editor", "kawasaki-editor-pw", null);
        ObjectNode header = JSON.createObjectNode().put("alg", "none").put("typ", "JWT");

        String unsigned = encode(header) + "." + token.split("\\.")[1] + ".";

        assertThat(status(unsigned)).isEqualTo(401);
    }

    // ---------------------------------------------------------------- Keycloak fixtures

    /**
     * A new user with a realm role, member of the given organizations, created the way onboarding will: by the
     * {@code hyoka-admin} service account (which also proves its realm-management roles suffice).
     */
    private String onboardUser(String role, String... municipalityCodes) {
        String admin = keycloak.clientToken("hyoka-admin", ADMIN_SECRET);
        String username = "it-" + UUID.randomUUID().toString().substring(0, 8);
        expect(201, keycloak.admin(admin, "POST", "/users", Map.of("username", username, "enabled", true,
                "email", username + "@example.jp", "emailVerified", true, "firstName", "試験", "lastName", "利用者",
                "credentials", List.of(Map.of("type", "password", "value", username + "-pw", "temporary", false)))));
        String userId = keycloak.adminJson(admin, "/users?exact=true&username=" + username).get(0).path("id").asText();
        for (JsonNode available : keycloak.adminJson(admin, "/users/" + userId + "/role-mappings/realm/available")) {
            if (available.path("name").asText().equals(role)) {
                expect(204, keycloak.admin(admin, "POST", "/users/" + userId + "/role-mappings/realm", List.of(available)));
            }
        }
        for (String code : municipalityCodes) {
            String organizationId = keycloak.adminJson(admin, "/organizations?q=municipalityCode:" + code)
                    .get(0).path("id").asText();
            expect(201, keycloak.admin(admin, "POST", "/organizations/" + organizationId + "/members",
                    JSON.valueToTree(userId)));
        }
        return username;
    }

    /** Runs with the realm's organization mapper adding organization ids (the claim's object shape), then resets it. */
    private String withOrganizationIds(Supplier<String> tokens) {
        String admin = keycloak.masterAdminToken();
        JsonNode scope = null;
        for (JsonNode candidate : keycloak.adminJson(admin, "/client-scopes")) {
            if (candidate.path("name").asText().equals("organization")) {
                scope = candidate;
            }
        }
        ObjectNode mapper = null;
        for (JsonNode candidate : scope.path("protocolMappers")) {
            if (candidate.path("protocolMapper").asText().equals("oidc-organization-membership-mapper")) {
                mapper = (ObjectNode) candidate;
            }
        }
        String path = "/client-scopes/" + scope.path("id").asText() + "/protocol-mappers/models/" + mapper.path("id").asText();
        ObjectNode config = (ObjectNode) mapper.path("config");
        expect(204, keycloak.admin(admin, "PUT", path, mapper.deepCopy().set("config", config.deepCopy().put("addOrganizationId", "true"))));
        try {
            return tokens.get();
        } finally {
            expect(204, keycloak.admin(admin, "PUT", path, mapper));
        }
    }

    private void createClient(Map<String, Object> client) {
        expect(201, keycloak.admin(keycloak.masterAdminToken(), "POST", "/clients", client));
    }

    private static void expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
    }

    // ---------------------------------------------------------------- tokens

    private GraphQlClient client(String token) {
        return new GraphQlClient(server.getURI(), token);
    }

    private int status(String token) {
        return client(token).execute(ME, Map.of()).status();
    }

    private static ObjectNode claims(String token) {
        try {
            return (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(JsonNode json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }
}
