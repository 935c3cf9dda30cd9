package jp.hyoka.server.assessment;

import com.fasterxml.jackson.databind.Module;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentDecider;
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
 * snapshotted every {@code hyoka.axon.snapshot-every} events and right after a redaction (whose earlier snapshots
 * {@link RedactedSnapshots} deletes), in the shape {@link AssessmentAggregate#SNAPSHOT_SHAPE}; the assessments this
 * node edited last are kept between commands and read forward ({@link AggregateCache}).
 *
 * <p>Not at once after an import's content ({@code DocumentContentImported}, one event that stands for hundreds of
 * per-answer ones), as it was until 2026-12-07: measured (BENCHMARKS.md row 4, infra/docs/import-benchmark.md,
 * seventh pass), that snapshot cost every import a second load, fold and serialisation on the snapshot thread (~14 ms
 * CPU per set of the four samples, a third of what the read-model processor spends) and PostgreSQL the insert of a
 * ~160 KB payload, and a load from it was slower than from the events it stands for (sample 000: 7.2 ms CPU against
 * 2.8 ms, the snapshot being the larger JSON): it made the loads it was for dearer.
 */
@Singleton
public class AssessmentAxonModule implements AxonModule {

    /** The events after which an assessment is snapshotted at once (see above). */
    public static final Predicate<Object> SNAPSHOT_AT_ONCE = PersonalDataRedacted.class::isInstance;

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
