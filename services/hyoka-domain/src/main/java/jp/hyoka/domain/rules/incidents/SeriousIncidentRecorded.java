package jp.hyoka.domain.rules.incidents;

import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The municipality ({@code tenant}) recorded a 重大事故 discovered on {@code discoveredOn}: what happened in a few
 * plain-text words (never the persons concerned; it is read by every editor of the municipality), and whether it
 * concerned 特定個人情報.
 */
public record SeriousIncidentRecorded(UUID incidentId, MunicipalityCode tenant, LocalDate discoveredOn,
                                      boolean specificPersonalInformation, String summary, Actor by, Instant at) {

    /** As the rules weigh it. */
    public SeriousIncident incident() {
        return new SeriousIncident(discoveredOn, specificPersonalInformation);
    }
}
