package jp.hyoka.server.assessment;

import com.fasterxml.jackson.databind.Module;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentDecider;
import jp.hyoka.domain.assessment.event.PersonalDataRedacted;
import jp.hyoka.server.axon.AggregateSnapshots;
import jp.hyoka.server.axon.AxonModule;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;

import java.util.List;

/**
 * The assessment aggregate, routed without annotations on the commands, and the decider its handlers take. It is
 * snapshotted every {@code hyoka.axon.snapshot-every} events and right after a redaction (whose earlier snapshots
 * {@link RedactedSnapshots} deletes), in the shape {@link AssessmentAggregate#SNAPSHOT_SHAPE}.
 */
@Singleton
public class AssessmentAxonModule implements AxonModule {

    private final AssessmentDecider decider;
    private final AggregateSnapshots snapshots;

    public AssessmentAxonModule(AssessmentDecider decider, AggregateSnapshots snapshots) {
        this.decider = decider;
        this.snapshots = snapshots;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.registerComponent(AssessmentDecider.class, c -> decider)
                .configureAggregate(AggregateConfigurer.defaultConfiguration(AssessmentAggregate.class)
                        .configureCommandTargetResolver(c -> new AssessmentCommandTargetResolver())
                        .configureSnapshotTrigger(c -> snapshots.trigger(c, PersonalDataRedacted.class::isInstance)));
    }

    @Override
    public List<Module> snapshotJson() {
        return List.of(AssessmentSnapshotJson.module());
    }

    @Override
    public SnapshotFilter snapshotFilter() {
        return AggregateSnapshots.currentShape(AssessmentAggregate.class, AssessmentAggregate.SNAPSHOT_SHAPE);
    }
}
