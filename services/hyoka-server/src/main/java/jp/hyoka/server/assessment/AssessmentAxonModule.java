package jp.hyoka.server.assessment;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentDecider;
import jp.hyoka.server.axon.AxonModule;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;

/** The assessment aggregate, routed without annotations on the commands, and the decider its handlers take. */
@Singleton
public class AssessmentAxonModule implements AxonModule {

    private final AssessmentDecider decider;

    public AssessmentAxonModule(AssessmentDecider decider) {
        this.decider = decider;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.registerComponent(AssessmentDecider.class, c -> decider)
                .configureAggregate(AggregateConfigurer.defaultConfiguration(AssessmentAggregate.class)
                        .configureCommandTargetResolver(c -> new AssessmentCommandTargetResolver()));
    }
}
