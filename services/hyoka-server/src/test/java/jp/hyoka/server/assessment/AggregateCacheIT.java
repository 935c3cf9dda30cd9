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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assessments a node edited last are kept between commands ({@link AggregateCache}) and read forward: a cached
 * edit reads only the events after the cached version, and two nodes editing one assessment in turn, each with a
 * cached and by then stale copy, lose no edit, fork nothing and refuse a stale revision with the current one.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AggregateCacheIT extends SignedInServerTest {

    private static final Caller EDITOR = new Caller(Callers.KAWASAKI, new Actor("k-editor", "川崎 一郎"),
            Set.of(Caller.EDITOR));

    @Inject
    ApplicationContext context;
    @Inject
    DataSource dataSource;
    @Inject
    Editing editing;

    private SecondNode secondNode;

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
    void givenAnAssessmentThisNodeEditedLast_whenEditedAgain_thenItsLoadIsOneReadOfTheEventsAfterTheCachedVersion() {
        String id = started(editing);
        long revision = answered(editing, id, 1, "一回目");

        int mark = CountingDriver.mark();
        answered(editing, id, revision, "二回目");
        List<String> statements = CountingDriver.since(mark).stream()
                .filter(trip -> trip.thread().equals(Thread.currentThread().getName()))
                .map(trip -> trip.sql().toLowerCase(Locale.ROOT)).toList();

        assertThat(statements).as("no snapshot looked up").noneMatch(sql -> sql.contains("snapshotevententry"));
        assertThat(statements.stream().filter(sql -> sql.contains("from domainevententry")
                && sql.contains("sequencenumber >=")).count()).as("the read forward, once: " + statements).isEqualTo(1);
    }

    @Test
    void givenTwoNodesEditingOneAssessmentInTurn_whenEachExpectsTheRevisionTheOtherAnswered_thenNoEditIsLostOrForked()
            throws SQLException {
        Editing[] nodes = {editing, secondNode.context().getBean(Editing.class)};
        String id = started(nodes[0]);
        long revision = 1;
        List<String> texts = new ArrayList<>();

        for (int turn = 0; turn < 12; turn++) {                   // both nodes hold a stale copy from turn 2 on
            String text = "担当 " + turn;
            revision = answered(nodes[turn % 2], id, revision, text);
            texts.add(text);
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
                "SELECT sequencenumber FROM domainevententry WHERE aggregateidentifier = ? ORDER BY globalindex")) {
            query.setString(1, id);
            List<Long> sequence = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sequence.add(rows.getLong(1));
                }
            }
            return sequence;
        }
    }
}
