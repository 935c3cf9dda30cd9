package jp.hyoka.server.platform;

import jp.hyoka.domain.platform.FirstAdministrator;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.util.List;

/**
 * Where sign-in identities live: onboarding a municipality creates it there (a Keycloak Organization carrying its
 * 地方公共団体コード) and invites its first administrator. Creating what already exists reuses it, so an onboarding
 * that failed half-way can simply be repeated.
 */
public interface MunicipalityDirectory {

    Invitation invite(MunicipalityCode code, String name, FirstAdministrator administrator);

    /**
     * How the first administrator signs in for the first time: a {@code TEMPORARY_PASSWORD} to be changed at first
     * sign-in (Keycloak, where no mail server is configured to send an invitation link), or a
     * {@code DEVELOPMENT_TOKEN} from the development issuer. Shown once, to the operator who onboarded.
     */
    record Invitation(String userId, String username, String credentialKind, String credential) {
    }

    /** The roles the first administrator gets: write and approve; nothing on the platform itself. */
    List<String> ADMINISTRATOR_ROLES = List.of("editor", "approver");
}
