package jp.hyoka.server.security;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
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
        Object name = authentication.getAttributes().get(TokenClaims.NAME);
        Actor actor = new Actor(authentication.getName(), name == null ? null : name.toString());
        return new Resolution(new Caller(tenant.get(), actor, new HashSet<>(authentication.getRoles())), null);
    }

    /** Either a caller, or the reason there is none. */
    public record Resolution(Caller caller, String problem) {
        public Optional<Caller> asCaller() {
            return Optional.ofNullable(caller);
        }
    }
}
