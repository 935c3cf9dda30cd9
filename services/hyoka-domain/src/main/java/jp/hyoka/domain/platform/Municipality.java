package jp.hyoka.domain.platform;

import jp.hyoka.domain.shared.MunicipalityCode;

/** A municipality that is a Hyoka tenant. */
public record Municipality(MunicipalityCode code, String name) {

    public static Municipality of(MunicipalityOnboarded onboarded) {
        return new Municipality(onboarded.municipality(), onboarded.name());
    }
}
