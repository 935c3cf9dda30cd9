package jp.hyoka.server.security;

import io.micronaut.security.authentication.Authentication;
import jp.hyoka.domain.shared.MunicipalityCode;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which tokens act for which municipality: the development issuer's claim, Keycloak's organization claim in both
 * of its shapes, and the platform operator who acts for none. Registered here: 川崎市 141305 and 横浜市 141003.
 */
class CallerResolverTest {

    private final CallerResolver resolver = new CallerResolver(new Tenants(null) {
        @Override
        public Optional<String> name(MunicipalityCode code) {
            return Optional.ofNullable(Map.of("141305", "川崎市", "141003", "横浜市").get(code.value()));
        }
    });

    @Test
    void givenTheDevelopmentIssuersTenantClaim_whenResolved_thenCallerOfThatMunicipality() {
        CallerResolver.Resolution resolution = resolve(List.of("editor"), Map.of(TokenClaims.TENANT, "141305"));

        assertThat(resolution.asCaller().orElseThrow().tenant().value()).isEqualTo("141305");
    }

    @Test
    void givenKeycloaksOrganizationClaimAsAList_whenResolved_thenCallerOfThatMunicipality() {
        CallerResolver.Resolution resolution = resolve(List.of("editor"), Map.of(TokenClaims.ORGANIZATION, List.of("141305")));

        assertThat(resolution.asCaller().orElseThrow().tenant().value()).isEqualTo("141305");
        assertThat(resolution.asCaller().orElseThrow().roles()).containsExactly("editor");
    }

    @Test
    void givenKeycloaksOrganizationClaimAsAnObjectKeyedByAlias_whenResolved_thenCallerOfThatMunicipality() {
        Map<String, Object> byAlias = Map.of("141003", Map.of("id", "5901c7a2-0d1e-4f0e-9a77-1c1bbf2f3a10"));

        CallerResolver.Resolution resolution = resolve(List.of("auditor"), Map.of(TokenClaims.ORGANIZATION, byAlias));

        assertThat(resolution.asCaller().orElseThrow().tenant().value()).isEqualTo("141003");
    }

    @Test
    void givenTwoOrganizations_whenResolved_thenRefusedNamingBoth() {
        CallerResolver.Resolution resolution = resolve(List.of("editor"),
                Map.of(TokenClaims.ORGANIZATION, List.of("141305", "141003")));

        assertThat(resolution.asCaller()).isEmpty();
        assertThat(resolution.problem()).contains("2 municipalities (141305, 141003)", "exactly one");
    }

    @Test
    void givenTheSameMunicipalityInBothClaims_whenResolved_thenThatMunicipality() {
        CallerResolver.Resolution resolution = resolve(List.of("editor"),
                Map.of(TokenClaims.TENANT, "141305", TokenClaims.ORGANIZATION, List.of("141305")));

        assertThat(resolution.asCaller().orElseThrow().tenant().value()).isEqualTo("141305");
    }

    @Test
    void givenNoMunicipalityClaim_whenResolved_thenRefusedWithHowToChooseOne() {
        CallerResolver.Resolution resolution = resolve(List.of("editor"), Map.of());

        assertThat(resolution.asCaller()).isEmpty();
        assertThat(resolution.asPlatformOperator()).isEmpty();
        assertThat(resolution.problem()).contains("names no municipality", "organization:<地方公共団体コード>");
    }

    @Test
    void givenAnOrganizationThatIsNoMunicipalityCode_whenResolved_thenRefused() {
        CallerResolver.Resolution resolution = resolve(List.of("editor"), Map.of(TokenClaims.ORGANIZATION, List.of("141306")));

        assertThat(resolution.problem()).contains("141306", "not a valid 地方公共団体コード");
    }

    @Test
    void givenAnUnregisteredMunicipality_whenResolved_thenRefused() {
        CallerResolver.Resolution resolution = resolve(List.of("editor"), Map.of(TokenClaims.ORGANIZATION, List.of("131075")));

        assertThat(resolution.problem()).isEqualTo("Municipality 131075 is not registered on Hyoka.");
    }

    @Test
    void givenThePlatformOperatorRoleAndNoMunicipality_whenResolved_thenPlatformOperatorAndNoCaller() {
        CallerResolver.Resolution resolution = resolve(List.of(PlatformOperator.ROLE), Map.of());

        assertThat(resolution.asCaller()).isEmpty();
        assertThat(resolution.asPlatformOperator().orElseThrow().actor().displayName()).isEqualTo("運用 担当者");
    }

    @Test
    void givenThePlatformOperatorRoleAndAMunicipality_whenResolved_thenRefusedRatherThanEither() {
        CallerResolver.Resolution resolution = resolve(List.of(PlatformOperator.ROLE, "editor"),
                Map.of(TokenClaims.ORGANIZATION, List.of("141305")));

        assertThat(resolution.asCaller()).isEmpty();
        assertThat(resolution.asPlatformOperator()).isEmpty();
        assertThat(resolution.problem()).contains("platform operator acts for no municipality", "141305");
    }

    private CallerResolver.Resolution resolve(List<String> roles, Map<String, Object> claims) {
        Map<String, Object> attributes = new HashMap<>(claims);
        attributes.put(TokenClaims.NAME, "運用 担当者");
        return resolver.resolve(Authentication.build("4453a84a-7a5f-4cea-bc16-b922a2ce239c", roles, attributes));
    }
}
