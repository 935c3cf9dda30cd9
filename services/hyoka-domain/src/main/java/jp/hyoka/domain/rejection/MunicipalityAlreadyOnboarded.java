package jp.hyoka.domain.rejection;

/** The municipality is already a tenant: onboarding it again would invite a second "first" administrator. */
public record MunicipalityAlreadyOnboarded(String municipalityCode, String name) implements Rejection {
    @Override
    public String code() {
        return "MUNICIPALITY_ALREADY_ONBOARDED";
    }

    @Override
    public String message() {
        return municipalityCode + " (" + name + ") is already on Hyoka.";
    }
}
