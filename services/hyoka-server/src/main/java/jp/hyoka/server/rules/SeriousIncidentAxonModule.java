package jp.hyoka.server.rules;

import jakarta.inject.Singleton;
import jp.hyoka.domain.rules.incidents.RecordSeriousIncident;
import jp.hyoka.server.axon.AxonModule;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/** The municipality's 重大事故 log, routed by the caller's municipality without annotations on the domain's command. */
@Singleton
public class SeriousIncidentAxonModule implements AxonModule {

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(SeriousIncidentLogAggregate.class)
                .configureCommandTargetResolver(c -> command -> new VersionedAggregateIdentifier(
                        SeriousIncidentLogAggregate.idOf(((RecordSeriousIncident) command.getPayload()).tenant()
                                .value()), null)));
    }
}
