package jp.hyoka.server.security;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import jp.hyoka.domain.form.PlainText;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.util.HashSet;
import java.util.Optional;

/**
 * Turns a verified token into a {@link Caller}. A token without a valid 地方公共団体コード, or for a municipality not
 * registered here, yields no caller: such a request may do nothing, and is told why.
 */
@Singleton
public class CallerResolver {

    /** Subjects and display names longer than this are cut: they are labels, not documents. */
    static final int MAX_IDENTITY_LENGTH = 200;

    private final Tenants tenants;

    public CallerResolver(Tenants tenants) {
        this.tenants = tenants;
    }

    public Resolution resolve(Authentication authentication) {
        Object claim = authentication.getAttributes().get(TokenClaims.TENANT);
        Optional<MunicipalityCode> tenant = MunicipalityCode.parse(claim == null ? null : claim.toString());
        if (tenant.isEmpty()) {
            return new Resolution(null, "The token names no valid municipality (claim " + TokenClaims.TENANT + ").");
        }
        if (tenants.name(tenant.get()).isEmpty()) {
            return new Resolution(null, "Municipality " + tenant.get() + " is not registered on Hyoka.");
        }
        String userId = identity(authentication.getName());
        if (userId.isEmpty()) {
            return new Resolution(null, "The token names no user (claim sub).");
        }
        Object name = authentication.getAttributes().get(TokenClaims.NAME);
        Actor actor = new Actor(userId, name == null ? null : identity(name.toString()));
        return new Resolution(new Caller(tenant.get(), actor, new HashSet<>(authentication.getRoles())), null);
    }

    /**
     * Claims go into every event and read-model row the user causes, so they get the same cleaning as typed text:
     * a control character (a NUL, say) that PostgreSQL refuses would otherwise stop the read models for everyone.
     */
    private static String identity(String claim) {
        String cleaned = claim == null ? "" : PlainText.clean(claim);
        return cleaned.length() > MAX_IDENTITY_LENGTH ? cleaned.substring(0, MAX_IDENTITY_LENGTH) : cleaned;
    }

    /** Either a caller, or the reason there is none. */
    public record Resolution(Caller caller, String problem) {
        public Optional<Caller> asCaller() {
            return Optional.ofNullable(caller);
        }
    }
}
