package jp.hyoka.server.platform;

import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import jp.hyoka.domain.platform.FirstAdministrator;
import jp.hyoka.domain.platform.MunicipalityDecider;
import jp.hyoka.domain.platform.MunicipalityOnboarded;
import jp.hyoka.domain.platform.OnboardMunicipality;
import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.MunicipalityAlreadyOnboarded;
import jp.hyoka.domain.rejection.Rejection;
import jp.hyoka.server.security.PlatformOperator;
import jp.hyoka.server.security.Tenants;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.time.Clock;

/**
 * A platform operator onboards a municipality: the domain decides (check digit, not yet onboarded, a valid first
 * administrator); the identity provider gets the Organization and the invitation; then the fact is stored as an
 * event and the municipality registered, so that its tokens are accepted from then on. The identity provider comes
 * first because it is the step that can fail for reasons outside Hyoka; it is idempotent, so a retry after a
 * failure there (nothing stored yet) or after a lost race (the winner's Organization is reused) is safe.
 */
@Singleton
public class MunicipalityOnboarding {

    /** Onboarded, with the first administrator's invitation; or refused with a typed reason. */
    public sealed interface Outcome permits Onboarded, Refused {
    }

    public record Onboarded(MunicipalityOnboarded event, MunicipalityDirectory.Invitation invitation) implements Outcome {
    }

    public record Refused(Rejection rejection) implements Outcome {
    }

    private final CommandGateway commands;
    private final Tenants tenants;
    private final BeanProvider<MunicipalityDirectory> directory;
    private final Clock clock = Clock.systemUTC();

    public MunicipalityOnboarding(CommandGateway commands, Tenants tenants, BeanProvider<MunicipalityDirectory> directory) {
        this.commands = commands;
        this.tenants = tenants;
        this.directory = directory;
    }

    public Outcome onboard(PlatformOperator operator, String code, String name, FirstAdministrator administrator) {
        OnboardMunicipality command = new OnboardMunicipality(code, name, administrator, operator.actor(),
                clock.instant());
        MunicipalityOnboarded decided;
        try {
            decided = MunicipalityDecider.onboard(tenants::municipality, command);
        } catch (CommandRejected rejected) {
            return new Refused(rejected.rejection());
        }
        if (!directory.isPresent()) {
            throw new DirectoryUnavailable("no identity provider is configured (environment keycloak, or the "
                    + "development issuer)", null);
        }
        MunicipalityDirectory.Invitation invitation = directory.get().invite(decided.municipality(), decided.name(),
                decided.administrator());
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof CommandRejected rejected) {
                    return new Refused(rejected.rejection());
                }
                // another operator onboarded it a moment ago (on any node)
                if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
                    return new Refused(new MunicipalityAlreadyOnboarded(decided.municipality().value(), decided.name()));
                }
            }
            throw e;
        }
        tenants.register(decided.municipality(), decided.name());
        return new Onboarded(decided, invitation);
    }
}
