package jp.hyoka.domain.rules.incidents;

import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.IdempotencyKeyReused;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.Rejection;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SeriousIncidentDeciderTest {

    private static final MunicipalityCode SUMIDA = new MunicipalityCode("131075");
    private static final Actor APPROVER = new Actor("u-2", "佐藤 花子");
    /** 2019-12-13 09:00 in Japan. */
    private static final Instant AT = Instant.parse("2019-12-13T00:00:00Z");
    private static final UUID ID = UUID.fromString("0193a000-0000-7000-8000-000000000001");

    private static RecordSeriousIncident incident(LocalDate discoveredOn, String summary) {
        return new RecordSeriousIncident(ID, SUMIDA, discoveredOn, true, summary, APPROVER, AT);
    }

    private static InvalidInput refusal(Map<UUID, SeriousIncidentRecorded> recorded, RecordSeriousIncident command) {
        return (InvalidInput) rejection(() -> SeriousIncidentDecider.record(recorded, command));
    }

    private static Rejection rejection(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return catchThrowableOfType(call, CommandRejected.class).rejection();
    }

    private static SeriousIncidentRecorded recorded(RecordSeriousIncident command) {
        return SeriousIncidentDecider.record(Map.of(), command).orElseThrow();
    }

    @Test
    void givenNoIncidents_whenOneDiscoveredLastYearIsRecorded_thenItIsRecordedWithItsCleanedSummary() {
        SeriousIncidentRecorded recorded = recorded(
                incident(LocalDate.of(2018, 12, 14), "  委託先による無許可の再委託(約12万件)\u202E "));

        assertThat(recorded).isEqualTo(new SeriousIncidentRecorded(ID, SUMIDA, LocalDate.of(2018, 12, 14), true,
                "委託先による無許可の再委託(約12万件)", APPROVER, AT));
    }

    @Test
    void givenAnIncident_whenDiscoveredTomorrowInJapan_thenItIsRefused() {
        assertThat(refusal(Map.of(), incident(LocalDate.of(2019, 12, 14), "漏えい")).field())
                .isEqualTo("discoveredOn");
    }

    @Test
    void givenAnIncident_whenDiscoveredBeforeTheMyNumberActTookEffect_thenItIsRefused() {
        assertThat(refusal(Map.of(), incident(LocalDate.of(2015, 10, 4), "漏えい")).field())
                .isEqualTo("discoveredOn");
        assertThat(recorded(incident(LocalDate.of(2015, 10, 5), "漏えい")).discoveredOn()).isEqualTo(LocalDate.of(2015, 10, 5));
    }

    @Test
    void givenAnIncident_whenItsSummaryIsBlankOrTooLong_thenItIsRefused() {
        assertThat(refusal(Map.of(), incident(LocalDate.of(2019, 1, 1), " \u200B ")).field()).isEqualTo("summary");
        assertThat(refusal(Map.of(), incident(LocalDate.of(2019, 1, 1), "漏".repeat(1_001))).field())
                .isEqualTo("summary");
    }

    @Test
    void givenAnIncidentRecorded_whenTheSameIdComesAgainWithTheSameContent_thenNothingNewIsRecorded() {
        SeriousIncidentRecorded first = recorded(incident(LocalDate.of(2019, 1, 1), "漏えい"));
        RecordSeriousIncident retry = new RecordSeriousIncident(ID, SUMIDA, LocalDate.of(2019, 1, 1), true,
                " 漏えい ", new Actor("u-3", "別の 承認者"), AT.plusSeconds(3_600));

        assertThat(SeriousIncidentDecider.record(Map.of(ID, first), retry)).isEmpty();
    }

    @Test
    void givenAnIncidentRecorded_whenTheSameIdComesAgainWithOtherContent_thenItIsRefusedNamingTheFirst() {
        SeriousIncidentRecorded first = recorded(incident(LocalDate.of(2019, 1, 1), "漏えい"));

        assertThat(rejection(() -> SeriousIncidentDecider.record(Map.of(ID, first),
                incident(LocalDate.of(2019, 1, 2), "漏えい")))).isEqualTo(new IdempotencyKeyReused(ID.toString()));
        assertThat(rejection(() -> SeriousIncidentDecider.record(Map.of(ID, first),
                incident(LocalDate.of(2019, 1, 1), "紛失")))).isInstanceOf(IdempotencyKeyReused.class);
        assertThat(rejection(() -> SeriousIncidentDecider.record(Map.of(ID, first),
                new RecordSeriousIncident(ID, SUMIDA, LocalDate.of(2019, 1, 1), false, "漏えい", APPROVER, AT))))
                .isInstanceOf(IdempotencyKeyReused.class);
    }

    @Test
    void givenAnIdempotencyKey_whenItsIdIsDerived_thenTheSameKeyAndMunicipalityAlwaysNameTheSameIncident() {
        UUID id = SeriousIncidentDecider.incidentIdFor(SUMIDA, "req-2019-001");

        assertThat(SeriousIncidentDecider.incidentIdFor(SUMIDA, "req-2019-001")).isEqualTo(id);
        assertThat(SeriousIncidentDecider.incidentIdFor(SUMIDA, "req-2019-002")).isNotEqualTo(id);
        assertThat(SeriousIncidentDecider.incidentIdFor(new MunicipalityCode("141305"), "req-2019-001"))
                .isNotEqualTo(id);
    }

    @Test
    void givenAnIdempotencyKey_whenBlankTooLongOrWithControlCharacters_thenItIsRefused() {
        for (String key : new String[]{"", "  ", "k".repeat(101), "a\nb"}) {
            assertThat(((InvalidInput) rejection(() -> SeriousIncidentDecider.incidentIdFor(SUMIDA, key))).field())
                    .as(key).isEqualTo("idempotencyKey");
        }
        assertThat(SeriousIncidentDecider.incidentIdFor(SUMIDA, "鍵".repeat(100))).isNotNull();
    }
}
