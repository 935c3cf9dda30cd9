package jp.hyoka.server.assessment;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.domain.assessment.Assessment;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.rejection.StaleRevision;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.server.axon.AggregateCache;
import jp.hyoka.server.editing.Editing;
import jp.hyoka.server.security.Caller;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.CountingDriver;
import jp.hyoka.server.support.SecondNode;
import jp.hyoka.server.support.SignedInServerTest;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assessments a node edited last are kept between commands ({@link AggregateCache}): an edit of a kept one reads
 * nothing, or only the events after the kept version once another node announced an append; two nodes editing one
 * assessment in turn, each with a kept and by then stale copy, lose no edit, fork nothing and refuse a stale revision
 * with the current one; and a copy stale without announcement changes no outcome.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AggregateCacheIT extends SignedInServerTest {

    private static final Caller EDITOR = new Caller(Callers.KAWASAKI, new Actor("k-cache", "川崎 三郎"),
            Set.of(Caller.EDITOR));
    private SecondNode secondNode;

    @Inject
    ApplicationContext context;
    @Inject
    DataSource dataSource;
    @Inject
    Editing editing;

    @Override
    public Map<String, String> getProperties() {
        return CountingDriver.counting(super.getProperties());
    }

    @BeforeAll
    void startASecondNode() {
        secondNode = SecondNode.on(context);
    }

    @AfterAll
    void stopTheSecondNode() {
        secondNode.close();
    }

    @Test
    void givenAnAssessmentThisNodeEditedLast_whenEditedAgain_thenItIsNotLoaded_unlessAnotherNodeAnnouncedAnAppend() {
        String id = started(editing);
        long revision = answered(editing, id, 1, "一回目");

        List<String> alone = loadStatements(() -> answered(editing, id, 2, "二回目"));
        context.getBean(AggregateCache.class).appendedElsewhere();          // hyoka_events_appended from a node
        List<String> announced = loadStatements(() -> answered(editing, id, 3, "三回目"));

        assertThat(revision).isEqualTo(2);
        assertThat(alone).as("nothing read: the kept copy is used").isEmpty();
        assertThat(announced).as("the events after the kept version, read once")
                .singleElement().satisfies(sql -> assertThat(sql).contains("sequencenumber >="));
    }

    @Test
    void givenAKeptCopyStaleWithoutAnnouncement_whenEdited_thenTheEditIsStoredOrRefusedAsWithoutTheCopy()
            throws SQLException {
        String id = started(editing);
        long kept = answered(editing, id, 1, "一回目");                        // kept at revision 2, trusted
        appendedUnannounced(id);                                            // revision 3, this node not told

        long edited = answered(editing, id, kept + 1, "最新の版から");          // refused on the copy, sent again
        appendedUnannounced(id);                                            // revision 5, not told
        EditOutcome stale = editing.answer(EDITOR, id, edited, "department.name", List.of(),
                new TextAnswer("古い版から"), null);                             // decided on the copy, append taken

        assertThat(edited).isEqualTo(kept + 2);
        assertThat(stale).isInstanceOfSatisfying(EditOutcome.Refused.class, refused -> assertThat(refused.rejection())
                .isEqualTo(new StaleRevision(id, edited, edited + 1)));
        assertThat(storedSequence(id)).containsExactlyElementsOf(LongStream.range(0, edited + 1).boxed().toList());
        assertThat(loaded(context, id).revision()).isEqualTo(edited + 1);
    }

    @Test
    void givenAKeptCopyStaleWithoutAnnouncement_whenAnEditRepeatsTheValueItHas_thenItIsRefusedAsStaleAsWithoutTheCopy()
            throws SQLException {
        String id = started(editing);
        long kept = answered(editing, id, 1, "同じ値");                        // kept at revision 2, trusted
        appendedUnannounced(id);                                            // revision 3, this node not told

        EditOutcome repeated = editing.answer(EDITOR, id, kept, "department.name", List.of(),
                new TextAnswer("同じ値"), null);                                // no event on the copy: nothing to collide

        assertThat(repeated).isInstanceOfSatisfying(EditOutcome.Refused.class, refused -> assertThat(
                refused.rejection()).isEqualTo(new StaleRevision(id, kept, kept + 1)));
        assertThat(storedSequence(id)).containsExactlyElementsOf(LongStream.range(0, kept + 1).boxed().toList());
    }

    @Test
    void givenTwoNodesEditingOneAssessmentInTurn_whenEachExpectsTheRevisionTheOtherAnswered_thenNoEditIsLostOrForked()
            throws SQLException {
        Editing[] nodes = {editing, secondNode.context().getBean(Editing.class)};
        String id = started(nodes[0]);
        long revision = 1;

        for (int turn = 0; turn < 12; turn++) {                   // both nodes hold a stale copy from turn 2 on
            revision = answered(nodes[turn % 2], id, revision, "担当 " + turn);
        }
        long current = revision;
        EditOutcome stale = nodes[1].answer(EDITOR, id, current - 2, "department.name", List.of(),
                new TextAnswer("古い版から"), null);

        assertThat(revision).as("every edit stored, one revision each").isEqualTo(13);
        assertThat(stale).isInstanceOfSatisfying(EditOutcome.Refused.class, refused -> assertThat(refused.rejection())
                .isEqualTo(new StaleRevision(id, current - 2, current)));
        assertThat(storedSequence(id)).as("one stream, no gap, no fork")
                .containsExactlyElementsOf(LongStream.range(0, current).boxed().toList());
        Assessment onFirst = loaded(context, id);
        assertThat(loaded(secondNode.context(), id)).as("both nodes decide on the same state").isEqualTo(onFirst);
        context.getBean(AggregateCache.class).removeAll();
        assertThat(loaded(context, id)).as("the state a load from the store gives").isEqualTo(onFirst);
        assertThat(onFirst.revision()).isEqualTo(current);
    }

    /** What the calling thread reads of the assessment's stored events and snapshots while {@code edit} runs. */
    private static List<String> loadStatements(Runnable edit) {
        int mark = CountingDriver.mark();
        edit.run();
        return CountingDriver.sinceOnThisThread(mark).stream()
                .map(trip -> trip.sql().toLowerCase(Locale.ROOT))
                .filter(sql -> sql.startsWith("select") && sql.contains("domainevententry where aggregateidentifier")
                        || sql.contains("snapshotevententry")).toList();
    }

    /**
     * Another writer's append that this node is not told of (as when its notification is still on the way): the
     * assessment's last event once more, stored at the next sequence number.
     */
    private void appendedUnannounced(String id) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO domainevententry (eventidentifier, aggregateidentifier, sequencenumber, type, timestamp, "
                        + "payloadtype, payloadrevision, payload, metadata) SELECT gen_random_uuid()::text, "
                        + "aggregateidentifier, sequencenumber + 1, type, timestamp, payloadtype, payloadrevision, "
                        + "payload, metadata FROM domainevententry WHERE aggregateidentifier = ? "
                        + "ORDER BY sequencenumber DESC LIMIT 1")) {
            insert.setString(1, id);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    private static String started(Editing editing) {
        return ((EditOutcome.Edited) editing.start(EDITOR, FormKind.KEY_ITEMS, "キャッシュの事務", null))
                .assessmentId().toString();
    }

    private static long answered(Editing editing, String id, long revision, String text) {
        EditOutcome outcome = editing.answer(EDITOR, id, revision, "department.name", List.of(), new TextAnswer(text),
                null);
        assertThat(outcome).as("answer at revision " + revision).isInstanceOf(EditOutcome.Edited.class);
        return ((EditOutcome.Edited) outcome).revision();
    }

    /** The state a node's repository gives a command now (its cached copy read forward, or a load). */
    private static Assessment loaded(ApplicationContext node, String id) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return node.getBean(Configuration.class).repository(AssessmentAggregate.class).load(id)
                    .invoke(AssessmentAggregate::snapshot);
        } finally {
            unitOfWork.rollback();
        }
    }

    private List<Long> storedSequence(String id) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT array_agg(sequencenumber ORDER BY globalindex) FROM domainevententry "
                        + "WHERE aggregateidentifier = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return List.of((Long[]) row.getArray(1).getArray());
            }
        }
    }
}
