package jp.hyoka.server.platform;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import jp.hyoka.domain.platform.FirstAdministrator;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.security.DevTokenIssuer;

/**
 * The embedded default has no identity provider: the first administrator "signs in" with a token of the
 * development issuer, for the municipality just onboarded. Exists only where that issuer is enabled (dev).
 */
@Singleton
@Requires(property = "hyoka.dev-issuer.enabled", value = "true")
public class DevelopmentDirectory implements MunicipalityDirectory {

    private final DevTokenIssuer issuer;

    public DevelopmentDirectory(DevTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @Override
    public Invitation invite(MunicipalityCode code, String name, FirstAdministrator administrator) {
        return new Invitation(administrator.email(), administrator.email(), "DEVELOPMENT_TOKEN",
                issuer.issue(administrator.email(), administrator.displayName(), code, ADMINISTRATOR_ROLES));
    }
}
