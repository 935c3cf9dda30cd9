package jp.hyoka.domain.rules.incidents;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A recorded 重大事故 as the rules weigh it: the day it was discovered, and whether it concerned 特定個人情報. Only
 * those raise the しきい値判断 for a year (DOMAIN.md §3.2, "特定個人情報に関する重大事故"); any 個人情報 incident is
 * disclosed in III 7 for three ("個人情報に関する重大事故").
 */
public record SeriousIncident(LocalDate discoveredOn, boolean specificPersonalInformation) {

    public SeriousIncident {
        Objects.requireNonNull(discoveredOn, "discoveredOn");
    }

    /** Whether it falls in the しきい値's "過去1年以内" on {@code asOf}: the day a year later still counts. */
    public boolean raisesThresholdOn(LocalDate asOf) {
        return specificPersonalInformation && !discoveredOn.isAfter(asOf)
                && !discoveredOn.plusYears(1).isBefore(asOf);
    }
}
