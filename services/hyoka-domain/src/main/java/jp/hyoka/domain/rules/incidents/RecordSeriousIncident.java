package jp.hyoka.domain.rules.incidents;

import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * Record a 重大事故 of the caller's municipality ({@code tenant}), discovered on {@code discoveredOn}; whether it
 * concerned 特定個人情報 (else other 個人情報: disclosed in III 7, but no しきい値 input).
 */
public record RecordSeriousIncident(UUID incidentId, MunicipalityCode tenant, LocalDate discoveredOn,
                                    boolean specificPersonalInformation, String summary, Actor by, Instant at) {
    public RecordSeriousIncident {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
