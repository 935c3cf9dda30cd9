package jp.hyoka.server.assessment;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.editing.Editing;
import jp.hyoka.server.security.Caller;
import jp.hyoka.server.security.Tenants;
import jp.hyoka.server.support.CountingDriver;
import jp.hyoka.server.support.HyokaServerTest;
import jp.hyoka.server.support.StoredSnapshots;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
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
 * Loading an assessment on a cache miss (BENCHMARKS.md row 5) reads its newest snapshot and the events after it in
 * one statement, whether or not it has a snapshot, and opens no transaction (so none is rolled back); more events
 * after the snapshot than one batch are read on. One this node found without a snapshot is read by its events alone
 * (no snapshot lookup); SnapshotsOfOtherNodesIT shows that a snapshot stored meanwhile by another node changes no state.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AggregateLoadRoundTripsIT extends HyokaServerTest {

    private static final MunicipalityCode KAWASAKI = new MunicipalityCode("141305");
    private static final Caller EDITOR = new Caller(KAWASAKI, new Actor("u-1", "山田 太郎"), Set.of(Caller.EDITOR));
    private static final int EVERY = 10;
    /** Events per read: AxonFactory's, for snapshots every {@link #EVERY}. */
    private static final int BATCH = 100;

    @Inject
    Editing editing;
    @Inject
    Configuration axon;
    @Inject
    DataSource dataSource;
    @Inject
    Tenants tenants;

    @Override
    public Map<String, String> getProperties() {
        return CountingDriver.counting(baseProperties(Map.of("hyoka.axon.snapshot-every", Integer.toString(EVERY),
                "hyoka.axon.aggregate-cache-size", "0")));           // every load a miss, as this test is about
    }

    @BeforeAll
    void register() {
        tenants.register(KAWASAKI, "川崎市");
    }

    @Test
    void givenAnAssessmentWithoutSnapshot_whenLoaded_thenOneStatementReadsItsEvents() {
        String id = editedTo(5);

        List<CountingDriver.RoundTrip> trips = statementsOfLoad(id, 5);

        assertThat(trips).hasSize(1);
    }

    @Test
    void givenAnAssessmentFoundWithoutSnapshot_whenLoadedAgain_thenOneStatementReadsItsEventsWithoutTheLookup() {
        String id = editedTo(5);                // each edit loaded it: the first found no snapshot

        List<CountingDriver.RoundTrip> trips = statementsOfLoad(id, 5);

        assertThat(trips).hasSize(1);
        assertThat(trips.get(0).sql()).containsIgnoringCase("domainevententry")
                .doesNotContainIgnoringCase("snapshotevententry");
    }

    @Test
    void givenASnapshottedAssessment_whenLoaded_thenOneStatementReadsTheSnapshotAndTheEventsAfterIt()
            throws SQLException {
        long revision = 3 * EVERY + 5;
        String id = editedTo(revision);
        new StoredSnapshots(dataSource::getConnection).awaitAtLeast(id, revision - EVERY);

        List<CountingDriver.RoundTrip> trips = statementsOfLoad(id, revision);

        assertThat(trips).hasSize(1);
        assertThat(trips.get(0).sql()).containsIgnoringCase("snapshotevententry")
                .containsIgnoringCase("domainevententry");
    }

    @Test
    void givenMoreEventsAfterTheSnapshotThanOneBatch_whenLoaded_thenTheRestIsReadOnAndTheStateIsWhole()
            throws SQLException {
        long revision = BATCH + 20;
        String id = editedTo(revision);
        StoredSnapshots snapshots = new StoredSnapshots(dataSource::getConnection);
        snapshots.awaitAtLeast(id, revision - EVERY);
        do {            // a snapshot still being taken in the background may land after a delete: until none does
            execute("DELETE FROM snapshotevententry WHERE aggregateidentifier = ?", id);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(300));
        } while (snapshots.revision(id) > 0);

        List<CountingDriver.RoundTrip> trips = statementsOfLoad(id, revision);

        assertThat(trips).as("the first batch with the snapshot lookup, then the rest").hasSize(2);
        assertThat(editing.answer(EDITOR, id, revision, "affair.name", List.of(), new TextAnswer("続き"), null))
                .as("a command decides on the whole state: the revision it expects is the newest")
                .isInstanceOfSatisfying(EditOutcome.Edited.class, edited -> assertThat(edited.revision())
                        .isEqualTo(revision + 1));
    }

    /**
     * The round trips (statements, commits, rollbacks) the calling thread makes to load {@code id} in a unit of work
     * that writes nothing, asserting the state it folds to.
     */
    private List<CountingDriver.RoundTrip> statementsOfLoad(String id, long revision) {
        int mark = CountingDriver.mark();
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            assertThat(axon.repository(AssessmentAggregate.class).load(id)
                    .invoke(AssessmentAggregate::snapshot).revision()).isEqualTo(revision);
        } finally {
            unitOfWork.rollback();
        }
        return CountingDriver.sinceOnThisThread(mark);
    }

    /** A new assessment edited to {@code revision}. */
    private String editedTo(long revision) {
        String id = ((EditOutcome.Edited) editing.start(EDITOR, FormKind.KEY_ITEMS, "住民基本台帳に関する事務", null))
                .assessmentId().toString();
        for (long at = 1; at < revision; at++) {
            assertThat(editing.answer(EDITOR, id, at, "affair.name", List.of(), new TextAnswer("事務 " + at), null))
                    .isInstanceOf(EditOutcome.Edited.class);
        }
        return id;
    }

    private void execute(String sql, String id) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement =
                connection.prepareStatement(sql)) {
            statement.setString(1, id);
            statement.executeUpdate();
        }
    }
}
