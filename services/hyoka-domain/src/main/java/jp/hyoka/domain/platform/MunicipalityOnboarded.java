package jp.hyoka.domain.platform;

import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;

/** A municipality became a Hyoka tenant; its first administrator was invited. */
public record MunicipalityOnboarded(MunicipalityCode municipality, String name, FirstAdministrator administrator,
                                    Actor by, Instant at) {
}
