package jp.hyoka.domain.platform;

/** The person a municipality names to sign in first and invite its other staff. */
public record FirstAdministrator(String email, String displayName) {
}
