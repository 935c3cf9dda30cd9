package jp.hyoka.domain.platform;

import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.InvalidMunicipalityCode;
import jp.hyoka.domain.rejection.MunicipalityAlreadyOnboarded;
import jp.hyoka.domain.rejection.Rejection;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A platform operator onboards a municipality by its 地方公共団体コード (DOMAIN.md §6.3). */
class OnboardMunicipalityTest {

    private static final Actor OPERATOR = new Actor("op-1", "運営 太郎");
    private static final Instant NOW = Instant.parse("2026-12-05T01:00:00Z");
    private static final FirstAdministrator ADMIN = new FirstAdministrator("admin@city.sapporo.lg.jp", "札幌 管理者");
    private static final Function<MunicipalityCode, Optional<Municipality>> NONE_YET = code -> Optional.empty();

    @Test
    void givenANewMunicipality_whenOnboarded_thenItIsOnboardedWithItsAdministratorByTheOperator() {
        MunicipalityOnboarded onboarded = MunicipalityDecider.onboard(NONE_YET,
                new OnboardMunicipality(" 011002 ", "札幌市", ADMIN, OPERATOR, NOW));

        assertThat(onboarded).isEqualTo(new MunicipalityOnboarded(new MunicipalityCode("011002"), "札幌市", ADMIN,
                OPERATOR, NOW));
    }

    @Test
    void givenAWrongCheckDigit_whenOnboarded_thenRefusedNamingTheRightDigit() {
        Rejection rejection = rejected(NONE_YET, new OnboardMunicipality("011003", "札幌市", ADMIN, OPERATOR, NOW));

        assertThat(rejection).isEqualTo(new InvalidMunicipalityCode("011003", "2"));
        assertThat(rejection.message()).contains("01100").contains("2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "01100", "0110022", "O11002", "札幌市"})
    void givenSomethingNotSixDigits_whenOnboarded_thenRefusedAsNoCode(String code) {
        Rejection rejection = rejected(NONE_YET, new OnboardMunicipality(code, "札幌市", ADMIN, OPERATOR, NOW));

        assertThat(rejection).isInstanceOf(InvalidMunicipalityCode.class);
        assertThat(((InvalidMunicipalityCode) rejection).expectedCheckDigit()).isNull();
    }

    @Test
    void givenAMunicipalityAlreadyOnboarded_whenOnboardedAgain_thenRefusedNamingIt() {
        Map<MunicipalityCode, Municipality> tenants = Map.of(new MunicipalityCode("141305"),
                new Municipality(new MunicipalityCode("141305"), "川崎市"));

        Rejection rejection = rejected(code -> Optional.ofNullable(tenants.get(code)),
                new OnboardMunicipality("141305", "川崎市", ADMIN, OPERATOR, NOW));

        assertThat(rejection).isEqualTo(new MunicipalityAlreadyOnboarded("141305", "川崎市"));
    }

    @Test
    void givenNoNameOrAdministrator_whenOnboarded_thenRefusedNamingTheField() {
        assertThat(rejected(NONE_YET, new OnboardMunicipality("011002", " ", ADMIN, OPERATOR, NOW)))
                .isEqualTo(new InvalidInput("name", "required"));
        assertThat(rejected(NONE_YET, new OnboardMunicipality("011002", "札幌市", null, OPERATOR, NOW)))
                .extracting(r -> ((InvalidInput) r).field()).isEqualTo("administrator");
        assertThat(rejected(NONE_YET, new OnboardMunicipality("011002", "札幌市",
                new FirstAdministrator("admin@city", "管理者"), OPERATOR, NOW)))
                .extracting(r -> ((InvalidInput) r).field()).isEqualTo("administrator.email");
        assertThat(rejected(NONE_YET, new OnboardMunicipality("011002", "札幌市",
                new FirstAdministrator("admin@city.sapporo.lg.jp", ""), OPERATOR, NOW)))
                .isEqualTo(new InvalidInput("administrator.displayName", "required"));
    }

    @Test
    void givenMarkupOrAnOverlongName_whenOnboarded_thenControlCharactersGoAndTheLimitIsNamed() {
        MunicipalityOnboarded cleaned = MunicipalityDecider.onboard(NONE_YET,
                new OnboardMunicipality("011002", "札幌市\u0000", ADMIN, OPERATOR, NOW));
        assertThat(cleaned.name()).isEqualTo("札幌市");

        assertThat(rejected(NONE_YET, new OnboardMunicipality("011002", "市".repeat(101), ADMIN, OPERATOR, NOW)))
                .isEqualTo(new InvalidInput("name", "at most 100 characters"));
    }

    private static Rejection rejected(Function<MunicipalityCode, Optional<Municipality>> existing,
                                      OnboardMunicipality command) {
        CommandRejected thrown = catchThrowableOfType(CommandRejected.class,
                () -> MunicipalityDecider.onboard(existing, command));
        assertThat(thrown).as("refused").isNotNull();
        return thrown.rejection();
    }
}
