package jp.hyoka.server.platform;

import jp.hyoka.domain.platform.MunicipalityDecider;
import jp.hyoka.domain.platform.MunicipalityOnboarded;
import jp.hyoka.domain.platform.OnboardMunicipality;
import jp.hyoka.server.security.Tenants;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * Axon's view of a municipality on the platform, identified by its 地方公共団体コード: onboarding it is its first
 * event. The rules are the domain's ({@link MunicipalityDecider}); a second onboarding of the same code is refused
 * there, and a racing one by the event store's unique (aggregate, sequence) key.
 */
public class MunicipalityAggregate {

    @AggregateIdentifier
    private String code;

    protected MunicipalityAggregate() {
        // for Axon: state is rebuilt from events
    }

    @CommandHandler
    public MunicipalityAggregate(OnboardMunicipality command, Tenants tenants) {
        AggregateLifecycle.apply(MunicipalityDecider.onboard(tenants::municipality, command));
    }

    @EventSourcingHandler
    void on(MunicipalityOnboarded event) {
        code = event.municipality().value();
    }
}
