package jp.hyoka.server.assessment;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.domain.assessment.Assessment;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.server.axon.AggregateCache;
import jp.hyoka.server.axon.AggregateSnapshots;
import jp.hyoka.server.editing.Editing;
import jp.hyoka.server.importing.DocumentImport;
import jp.hyoka.server.publication.Publishing;
import jp.hyoka.server.security.Caller;
import jp.hyoka.server.security.Tenants;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.HyokaServerTest;
import jp.hyoka.server.support.Samples;
import jp.hyoka.server.support.StoredSnapshots;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.LockAwareAggregate;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A load from the store folds the events without Axon's per-event dispatch (BENCHMARKS.md row 5): the aggregate it
 * gives is the one Axon's own event-sourcing repository replays from the same stream (state, version, identifier, the
 * snapshot trigger's count), over a history with an import of a published document (answers, repeat entries, past
 * changes), its next version, later answers, an entry, a cleared answer, a snapshot and events after it; and without the snapshot.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectReplayIT extends HyokaServerTest {

    private static final Caller EDITOR = new Caller(Callers.KAWASAKI, new Actor("u-1", "山田 太郎"),
            Set.of(Caller.EDITOR));
    private static final int EVERY = 20;

    @Inject
    Editing editing;
    @Inject
    DocumentImport imports;
    @Inject
    Publishing publishing;
    @Inject
    Configuration axon;
    @Inject
    AggregateCache cache;
    @Inject
    AggregateSnapshots snapshots;
    @Inject
    DataSource dataSource;
    @Inject
    Tenants tenants;

    @Override
    public Map<String, String> getProperties() {
        return baseProperties(Map.of("hyoka.axon.snapshot-every", Integer.toString(EVERY)));
    }

    @BeforeAll
    void register() {
        tenants.register(Callers.KAWASAKI, "川崎市");
    }

    @Test
    void givenAnImportedHistoryEditedAfterItsSnapshot_whenLoadedFromTheStore_thenTheAggregateAxonsReplayGives()
            throws SQLException {
        History history = importedAndEdited(Samples.ALL_ITEMS_000);
        long snapshot = new StoredSnapshots(dataSource::getConnection).revision(history.id());
        assertThat(snapshot).as("snapshotted, with events after the snapshot").isPositive()
                .isLessThan(history.revision());

        Loaded direct = load(axon.repository(AssessmentAggregate.class), history.id());
        Loaded axonsReplay = load(axonsRepository(), history.id());

        assertThat(direct).isEqualTo(axonsReplay);
        assertThat(direct.version()).isEqualTo(history.revision() - 1);
        assertThat(direct.state().revision()).isEqualTo(history.revision());
        assertThat(direct.state().answers()).as("the import's answers").hasSizeGreaterThan(100);
        assertThat(direct.state().entries()).as("the import's repeat entries and the added one").isNotEmpty();
    }

    @Test
    void givenTheSameHistoryWithoutSnapshot_whenLoadedFromTheStore_thenTheAggregateAxonsReplayGives()
            throws SQLException {
        History history = importedAndEdited(Samples.KEY_ITEMS_004);

        withoutSnapshots(history.id());
        Loaded direct = load(axon.repository(AssessmentAggregate.class), history.id());
        withoutSnapshots(history.id());     // none landing late
        Loaded axonsReplay = load(axonsRepository(), history.id());

        assertThat(direct).isEqualTo(axonsReplay);
        assertThat(direct.state().revision()).isEqualTo(history.revision());
    }

    /**
     * A published sample imported (its answers, entries and past) and snapshotted (asked of the snapshotter: an
     * import takes no snapshot itself, AssessmentAxonModule), its next version started, then answered, given an entry
     * and an answer cleared: fewer events after the snapshot than the count's.
     */
    private History importedAndEdited(String sample) throws SQLException {
        EditOutcome imported = imports.importDocument(EDITOR, sample, Samples.bytes(sample), null, null,
                "direct replay").outcome();
        String id = ((EditOutcome.Edited) imported).assessmentId().toString();
        long revision = ((EditOutcome.Edited) imported).revision();
        axon.snapshotter().scheduleSnapshot(AssessmentAggregate.class, id);
        new StoredSnapshots(dataSource::getConnection).awaitAtLeast(id, revision);
        revision = edited(publishing.startNextVersion(EDITOR, id, revision, "次の版"), revision);
        revision = edited(editing.answer(EDITOR, id, revision, "affair.name", List.of(), new TextAnswer("改名後の事務"),
                null), revision);
        revision = edited(editing.addEntry(EDITOR, id, revision, "file", List.of(), null, "ファイルの追加"), revision);
        revision = edited(editing.answer(EDITOR, id, revision, "department.name", List.of(), new TextAnswer("総務課"),
                null), revision);
        revision = edited(editing.clear(EDITOR, id, revision, "department.name", List.of(), "所管の見直し"), revision);
        revision = edited(editing.answer(EDITOR, id, revision, "affair.name", List.of(), new TextAnswer("最終の事務"),
                null), revision);
        return new History(id, revision);
    }

    private static long edited(EditOutcome outcome, long revision) {
        assertThat(outcome).isInstanceOf(EditOutcome.Edited.class);
        assertThat(((EditOutcome.Edited) outcome).revision()).isEqualTo(revision + 1);
        return revision + 1;
    }

    /**
     * Loaded in a unit of work that writes nothing, as a command begins (nothing kept: a miss). The trigger as it
     * describes itself (its count since the last snapshot).
     */
    private Loaded load(Repository<AssessmentAggregate> repository, String id) {
        cache.removeAll();
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            Aggregate<AssessmentAggregate> loaded = repository.load(id);
            EventSourcedAggregate<?> aggregate = (EventSourcedAggregate<?>)
                    ((LockAwareAggregate<?, ?>) loaded).getWrappedAggregate();
            return new Loaded(loaded.invoke(AssessmentAggregate::snapshot), loaded.version(),
                    loaded.identifierAsString(), aggregate.getSnapshotTrigger().toString());
        } finally {
            unitOfWork.rollback();
        }
    }

    /** Axon's own event-sourcing repository for assessments, as AggregateConfigurer builds it: its dispatch. */
    private Repository<AssessmentAggregate> axonsRepository() {
        AggregateModel<AssessmentAggregate> model = new AnnotatedAggregateMetaModelFactory(
                axon.parameterResolverFactory(), axon.handlerDefinition(AssessmentAggregate.class))
                .createModel(AssessmentAggregate.class);
        return EventSourcingRepository.builder(AssessmentAggregate.class)
                .aggregateModel(model)
                .eventStore(axon.eventStore())
                .snapshotTriggerDefinition(snapshots.trigger(axon, AssessmentAxonModule.SNAPSHOT_AT_ONCE))
                .aggregateFactory(new GenericAggregateFactory<>(model))
                .repositoryProvider(axon::repository)
                .build();
    }

    private void withoutSnapshots(String id) throws SQLException {
        StoredSnapshots stored = new StoredSnapshots(dataSource::getConnection);
        do {            // a snapshot still being taken in the background may land after a delete: until none does
            try (Connection connection = dataSource.getConnection(); PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM snapshotevententry WHERE aggregateidentifier = ?")) {
                delete.setString(1, id);
                delete.executeUpdate();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(300));
        } while (stored.revision(id) > 0);
    }

    private record History(String id, long revision) {
    }

    private record Loaded(Assessment state, Long version, String identifier, String trigger) {
    }
}
