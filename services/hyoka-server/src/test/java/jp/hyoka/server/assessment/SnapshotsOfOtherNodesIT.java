package jp.hyoka.server.assessment;

import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.editing.Editing;
import jp.hyoka.server.publication.Publishing;
import jp.hyoka.server.security.Caller;
import jp.hyoka.server.support.CountingDriver;
import jp.hyoka.server.support.ServerNodes;
import jp.hyoka.server.support.StoredSnapshots;
import jp.hyoka.server.support.TestDatabase;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node that found an assessment without a snapshot loads it from its events alone, without looking a snapshot up
 * (BENCHMARKS.md row 5, {@code axon/SnapshotlessAggregates}); another node sharing the database snapshots it
 * meanwhile. The snapshot is then passed over, and that changes only what is read: the state, version and decisions
 * are those of the other node's load from its snapshot, after plain edits and after a redaction (whose fold withholds
 * the text). Once the first node has snapshotted the assessment itself, it looks snapshots up again.
 */
class SnapshotsOfOtherNodesIT {

    private static final MunicipalityCode KAWASAKI = new MunicipalityCode("141305");
    private static final Caller EDITOR = new Caller(KAWASAKI, new Actor("u-1", "山田 太郎"), Set.of(Caller.EDITOR));
    private static final int EVERY = 10;
    private static final int FIRST = 0;
    private static final int OTHER = 1;

    private final String url = TestDatabase.newDatabase();
    private ServerNodes nodes;

    @BeforeEach
    void start() {
        nodes = new ServerNodes(2, url, Map.of("hyoka.database.url", CountingDriver.url(url),
                "hyoka.axon.snapshot-every", Integer.toString(EVERY),
                "hyoka.axon.aggregate-cache-size", "0"));        // every command a load from the store
        nodes.register(KAWASAKI, "川崎市");
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    @Test
    void givenAnAssessmentOneNodeFoundWithoutSnapshot_whenTheOtherSnapshotsIt_thenItsLoadsFoldTheSnapshotsStateAndEditsGoOn()
            throws Exception {
        String id = started(FIRST, "総務課");
        assertThat(load(FIRST, id).lookedUpSnapshot()).as("found without a snapshot: not looked up again").isFalse();

        long revision = editAffairName(OTHER, id, 2, 25);
        new StoredSnapshots(this::connect).awaitAtLeast(id, revision - EVERY);
        Load eventsAlone = load(FIRST, id);
        Load fromSnapshot = load(OTHER, id);

        assertThat(eventsAlone.lookedUpSnapshot()).as("the other node's snapshot passed over").isFalse();
        assertThat(fromSnapshot.lookedUpSnapshot()).isTrue();
        assertThat(eventsAlone.loaded()).isEqualTo(fromSnapshot.loaded());
        assertThat(eventsAlone.loaded().state().revision()).isEqualTo(revision);
        assertThat(answer(FIRST, id, revision - 1, "affair.name", "事務 " + (revision - 2)))
                .as("a stale revision is refused").isInstanceOf(EditOutcome.Refused.class);
        assertThat(answer(FIRST, id, revision, "department.name", "企画課"))
                .isInstanceOfSatisfying(EditOutcome.Edited.class, edited -> assertThat(edited.revision())
                        .isEqualTo(revision + 1));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!load(FIRST, id).lookedUpSnapshot()) {   // its own trigger counted the whole stream: it snapshots
            assertThat(System.nanoTime()).as("the first node looks snapshots up again").isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        assertThat(load(FIRST, id).loaded()).isEqualTo(load(OTHER, id).loaded());
    }

    @Test
    void givenAnAssessmentOneNodeFoundWithoutSnapshot_whenTheOtherRedactsIt_thenItsLoadsFoldTheRedactedState()
            throws Exception {
        String id = started(FIRST, "担当 佐藤花子");
        assertThat(load(FIRST, id).lookedUpSnapshot()).isFalse();

        EditOutcome redacted = nodes.context(OTHER).getBean(Publishing.class).redact(EDITOR, id, 2, "佐藤花子", "本人の申出");
        assertThat(redacted).isInstanceOf(EditOutcome.Edited.class);
        new StoredSnapshots(this::connect).awaitAtLeast(id, 3);        // taken at once after the redaction
        Load eventsAlone = load(FIRST, id);

        assertThat(eventsAlone.lookedUpSnapshot()).isFalse();
        assertThat(eventsAlone.loaded()).isEqualTo(load(OTHER, id).loaded());
        assertThat(answer(FIRST, id, 3, "department.name", "担当 佐藤花子"))
                .as("the state withholds the text, so answering the original is a change")
                .isInstanceOfSatisfying(EditOutcome.Edited.class, edited -> assertThat(edited.revision())
                        .isEqualTo(4));
    }

    /** A new assessment (at revision 2, its department answered), started and answered on {@code node}. */
    private String started(int node, String department) {
        String id = ((EditOutcome.Edited) editing(node).start(EDITOR, FormKind.KEY_ITEMS, "住民基本台帳に関する事務",
                null)).assessmentId().toString();
        assertThat(answer(node, id, 1, "department.name", department)).isInstanceOf(EditOutcome.Edited.class);
        return id;
    }

    /** Renames the affair on {@code node} from revision {@code from} until the assessment is at {@code to}. */
    private long editAffairName(int node, String id, long from, long to) {
        for (long revision = from; revision < to; revision++) {
            assertThat(answer(node, id, revision, "affair.name", "事務 " + revision))
                    .isInstanceOf(EditOutcome.Edited.class);
        }
        return to;
    }

    private EditOutcome answer(int node, String id, long revision, String item, String text) {
        return editing(node).answer(EDITOR, id, revision, item, List.of(), new TextAnswer(text), null);
    }

    /**
     * Loaded by {@code node}'s repository in a unit of work that writes nothing (a miss: nothing is kept), and
     * whether its statement looked a snapshot up.
     */
    private Load load(int node, String id) {
        int mark = CountingDriver.mark();
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        Loaded loaded;
        try {
            Aggregate<AssessmentAggregate> aggregate = nodes.context(node).getBean(Configuration.class)
                    .repository(AssessmentAggregate.class).load(id);
            loaded = new Loaded(aggregate.invoke(AssessmentAggregate::snapshot), aggregate.version(),
                    aggregate.identifierAsString());
        } finally {
            unitOfWork.rollback();
        }
        List<CountingDriver.RoundTrip> trips = CountingDriver.sinceOnThisThread(mark);
        assertThat(trips).as("one statement per load").hasSize(1);
        return new Load(loaded, trips.get(0).sql().toLowerCase().contains("snapshotevententry"));
    }

    private Editing editing(int node) {
        return nodes.context(node).getBean(Editing.class);
    }

    private java.sql.Connection connect() throws java.sql.SQLException {
        return DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
    }

    private record Loaded(jp.hyoka.domain.assessment.Assessment state, Long version, String identifier) {
    }

    private record Load(Loaded loaded, boolean lookedUpSnapshot) {
    }
}
