package jp.hyoka.domain.rules.incidents;

import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
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

    private static InvalidInput refusal(Set<UUID> recorded, RecordSeriousIncident command) {
        return (InvalidInput) catchThrowableOfType(() -> SeriousIncidentDecider.record(recorded, command),
                CommandRejected.class).rejection();
    }

    @Test
    void givenNoIncidents_whenOneDiscoveredLastYearIsRecorded_thenItIsRecordedWithItsCleanedSummary() {
        SeriousIncidentRecorded recorded = SeriousIncidentDecider.record(Set.of(),
                incident(LocalDate.of(2018, 12, 14), "  委託先による無許可の再委託(約12万件)\u202E "));

        assertThat(recorded).isEqualTo(new SeriousIncidentRecorded(ID, SUMIDA, LocalDate.of(2018, 12, 14), true,
                "委託先による無許可の再委託(約12万件)", APPROVER, AT));
    }

    @Test
    void givenAnIncident_whenDiscoveredTomorrowInJapan_thenItIsRefused() {
        assertThat(refusal(Set.of(), incident(LocalDate.of(2019, 12, 14), "漏えい")).field())
                .isEqualTo("discoveredOn");
    }

    @Test
    void givenAnIncident_whenDiscoveredBeforeTheMyNumberActTookEffect_thenItIsRefused() {
        assertThat(refusal(Set.of(), incident(LocalDate.of(2015, 10, 4), "漏えい")).field())
                .isEqualTo("discoveredOn");
        assertThat(SeriousIncidentDecider.record(Set.of(), incident(LocalDate.of(2015, 10, 5), "漏えい"))
                .discoveredOn()).isEqualTo(LocalDate.of(2015, 10, 5));
    }

    @Test
    void givenAnIncident_whenItsSummaryIsBlankOrTooLong_thenItIsRefused() {
        assertThat(refusal(Set.of(), incident(LocalDate.of(2019, 1, 1), " \u200B ")).field()).isEqualTo("summary");
        assertThat(refusal(Set.of(), incident(LocalDate.of(2019, 1, 1), "漏".repeat(1_001))).field())
                .isEqualTo("summary");
    }

    @Test
    void givenAnIncidentRecorded_whenTheSameIdIsRecordedAgain_thenItIsRefused() {
        assertThat(refusal(Set.of(ID), incident(LocalDate.of(2019, 1, 1), "漏えい")).field()).isEqualTo("incidentId");
    }
}
