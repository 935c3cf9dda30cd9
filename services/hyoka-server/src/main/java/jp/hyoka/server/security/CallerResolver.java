package jp.hyoka.server.security;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import jp.hyoka.domain.form.PlainText;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a verified token into a {@link Caller} (acting for exactly one registered municipality) or a
 * {@link PlatformOperator} (acting for none). Any other token yields neither: such a request may do nothing, and is
 * told why. The municipality comes from the development issuer's {@code hyoka_tenant} or Keycloak's
 * {@code organization} claim ({@link MunicipalityClaims}); a token naming several is refused rather than guessed.
 */
@Singleton
public class CallerResolver {

    /** Subjects and display names longer than this are cut: they are labels, not documents. */
    static final int MAX_IDENTITY_LENGTH = 200;
    /** How many of a token's municipalities a refusal lists. */
    private static final int NAMES_SHOWN = 5;

    private final Tenants tenants;

    public CallerResolver(Tenants tenants) {
        this.tenants = tenants;
    }

    public Resolution resolve(Authentication authentication) {
        String userId = identity(authentication.getName());
        if (userId.isEmpty()) {
            return Resolution.refused("The token names no user (claim sub).");
        }
        Object name = authentication.getAttributes().get(TokenClaims.NAME);
        Actor actor = new Actor(userId, name == null ? null : identity(name.toString()));
        Set<String> roles = new HashSet<>(authentication.getRoles());
        List<String> named = MunicipalityClaims.named(authentication.getAttributes());

        if (roles.contains(PlatformOperator.ROLE)) {
            return named.isEmpty()
                    ? Resolution.of(new PlatformOperator(actor))
                    : Resolution.refused("A platform operator acts for no municipality, but this token names "
                    + shown(named) + ". Take the user out of the organization or the role out of the user.");
        }
        if (named.isEmpty()) {
            return Resolution.refused("The token names no municipality (claim " + TokenClaims.TENANT + " or "
                    + TokenClaims.ORGANIZATION + "). A member of several municipalities chooses one when signing in "
                    + "(scope organization:<地方公共団体コード>).");
        }
        if (named.size() > 1) {
            return Resolution.refused("The token names " + named.size() + " municipalities (" + shown(named)
                    + "); a request acts for exactly one. Sign in for one of them (scope organization:<地方公共団体コード>).");
        }
        Optional<MunicipalityCode> tenant = MunicipalityCode.parse(named.get(0));
        if (tenant.isEmpty()) {
            return Resolution.refused("The token names " + shown(named) + ", which is not a valid 地方公共団体コード.");
        }
        if (tenants.name(tenant.get()).isEmpty()) {
            return Resolution.refused("Municipality " + tenant.get() + " is not registered on Hyoka.");
        }
        return Resolution.of(new Caller(tenant.get(), actor, roles));
    }

    /**
     * Whose request budget a request spends (RequestQuota): the municipality its verified token names, else (a
     * platform operator, or a token refused later anyway) its user. Read from the token alone, no database.
     */
    public static String quotaKey(Authentication authentication) {
        List<String> named = MunicipalityClaims.named(authentication.getAttributes());
        return named.isEmpty() ? "user:" + identity(authentication.getName()) : "municipality:" + named.get(0);
    }

    private static String shown(List<String> named) {
        return named.stream().limit(NAMES_SHOWN).map(CallerResolver::identity).collect(Collectors.joining(", "))
                + (named.size() > NAMES_SHOWN ? ", …" : "");
    }

    /**
     * Claims go into every event and read-model row the user causes, so they get the same cleaning as typed text:
     * a control character (a NUL, say) that PostgreSQL refuses would otherwise stop the read models for everyone.
     */
    private static String identity(String claim) {
        String cleaned = claim == null ? "" : PlainText.clean(claim);
        return cleaned.length() > MAX_IDENTITY_LENGTH ? cleaned.substring(0, MAX_IDENTITY_LENGTH) : cleaned;
    }

    /** A caller acting for a municipality, a platform operator, or the reason there is neither. */
    public record Resolution(Caller caller, PlatformOperator operator, String problem) {

        public static Resolution of(Caller caller) {
            return new Resolution(caller, null, null);
        }

        public static Resolution of(PlatformOperator operator) {
            return new Resolution(null, operator, null);
        }

        public static Resolution refused(String problem) {
            return new Resolution(null, null, problem);
        }

        public Optional<Caller> asCaller() {
            return Optional.ofNullable(caller);
        }

        public Optional<PlatformOperator> asPlatformOperator() {
            return Optional.ofNullable(operator);
        }
    }
}
