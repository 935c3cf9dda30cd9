package jp.hyoka.server.assessment;

import com.fasterxml.jackson.databind.Module;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentDecider;
import jp.hyoka.domain.assessment.event.DocumentContentImported;
import jp.hyoka.domain.assessment.event.PersonalDataRedacted;
import jp.hyoka.server.axon.AggregateCache;
import jp.hyoka.server.axon.AggregateSnapshots;
import jp.hyoka.server.axon.AxonModule;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;

import java.util.List;
import java.util.function.Predicate;

/**
 * The assessment aggregate, routed without annotations on the commands, and the decider its handlers take. It is
 * snapshotted every {@code hyoka.axon.snapshot-every} events, right after a redaction (whose earlier snapshots
 * {@link RedactedSnapshots} deletes) and right after an import's content (one event that folds like the hundreds of
 * per-answer events it stands for, which passed the count at once when each was stored), in the shape
 * {@link AssessmentAggregate#SNAPSHOT_SHAPE}; the assessments this node edited last are kept between commands and read
 * forward ({@link AggregateCache}).
 */
@Singleton
public class AssessmentAxonModule implements AxonModule {

    /** The events after which an assessment is snapshotted at once (see above). */
    public static final Predicate<Object> SNAPSHOT_AT_ONCE = event -> event instanceof PersonalDataRedacted
            || event instanceof DocumentContentImported;

    private final AssessmentDecider decider;
    private final AggregateSnapshots snapshots;
    private final AggregateCache cache;

    public AssessmentAxonModule(AssessmentDecider decider, AggregateSnapshots snapshots, AggregateCache cache) {
        this.decider = decider;
        this.snapshots = snapshots;
        this.cache = cache;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.registerComponent(AssessmentDecider.class, c -> decider)
                .configureAggregate(AggregateConfigurer.defaultConfiguration(AssessmentAggregate.class)
                        .configureCommandTargetResolver(c -> new AssessmentCommandTargetResolver())
                        .configureRepository(c -> cache.repository(AssessmentAggregate.class, c,
                                snapshots.trigger(c, SNAPSHOT_AT_ONCE))));
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
