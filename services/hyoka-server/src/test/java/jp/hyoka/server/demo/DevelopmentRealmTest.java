package jp.hyoka.server.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.hyoka.domain.shared.MunicipalityCode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The development realm (infra/keycloak/realm/hyoka-realm.json) matches what the server expects, without starting
 * Keycloak: one organization per demo municipality, named by its 地方公共団体コード; every demo user in exactly one
 * of them except the platform operator; tokens of {@code hyoka-cli} carry sub, organization, roles and audience.
 */
class DevelopmentRealmTest {

    private static final Path REALM = Path.of("../../infra/keycloak/realm/hyoka-realm.json");

    private final JsonNode realm = read();

    @Test
    void givenTheRealm_thenItsOrganizationsAreTheDemoMunicipalitiesByTheirValidCodes() {
        List<String> aliases = new ArrayList<>();
        for (JsonNode organization : realm.path("organizations")) {
            String alias = organization.path("alias").asText();
            aliases.add(alias);
            assertThat(MunicipalityCode.isValid(alias)).as(alias + " is a 地方公共団体コード").isTrue();
            assertThat(organization.path("attributes").path("municipalityCode").get(0).asText()).isEqualTo(alias);
        }

        assertThat(realm.path("organizationsEnabled").asBoolean()).isTrue();
        assertThat(aliases).containsExactlyInAnyOrderElementsOf(
                DemoTenants.TENANTS.stream().map(tenant -> tenant.code().value()).toList());
    }

    @Test
    void givenTheRealm_thenEveryPersonIsInExactlyOneMunicipality_exceptThePlatformOperatorInNone() {
        Set<String> members = new HashSet<>();
        for (JsonNode organization : realm.path("organizations")) {
            organization.path("members").forEach(member ->
                    assertThat(members.add(member.path("username").asText())).as("in two organizations").isTrue());
        }
        List<String> outside = new ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            String username = user.path("username").asText();
            if (!user.has("serviceAccountClientId") && !members.contains(username)) {
                outside.add(username);
            }
        }

        assertThat(outside).containsExactly("platform-operator");
        assertThat(members).hasSize(12);
    }

    @Test
    void givenTheScriptsClient_thenItsTokensCarrySubjectMunicipalityRolesAndAudience() {
        JsonNode cli = null;
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals("hyoka-cli")) {
                cli = client;
            }
        }

        // Without "basic" a token has no sub (STACK.md §3); "hyoka" adds the roles claim and the hyoka-api audience.
        assertThat(cli.path("defaultClientScopes").toString()).contains("\"basic\"", "\"organization\"", "\"hyoka\"");
        assertThat(cli.path("fullScopeAllowed").asBoolean()).isFalse();
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(REALM.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + REALM.toAbsolutePath(), e);
        }
    }
}
