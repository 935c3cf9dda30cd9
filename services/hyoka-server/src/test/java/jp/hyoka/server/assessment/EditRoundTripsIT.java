package jp.hyoka.server.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.server.assessment.Nodes.EditedNode;
import jp.hyoka.server.axon.ReadModelCatchUp;
import jp.hyoka.server.axon.ReadModelProjection;
import jp.hyoka.server.editing.Editing;
import jp.hyoka.server.graphql.GraphQlWorkers;
import jp.hyoka.server.security.Caller;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.CountingDriver;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one edit costs the database beyond its command (infra/docs/edit-path.md): the read-model batch that projects
 * it commits durably like the command's own commit (a stored token that went back is projected again), this node is
 * not woken again by its own
 * notification, and an answer that selects only the revision is not read back from the read models.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditRoundTripsIT extends SignedInServerTest {

    private static final String ANSWER_REVISION_ONLY = """
            mutation($id: ID!, $rev: Int!, $text: String!) {
              answerItem(input: {assessmentId: $id, expectedRevision: $rev, itemId: "department.name",
                                 value: {text: $text}}) {
                __typename ... on AssessmentEdited { revision } ... on Problem { code } } }""";
    private static final String ANSWER_WITH_ASSESSMENT = """
            mutation($id: ID!, $rev: Int!, $text: String!) {
              answerItem(input: {assessmentId: $id, expectedRevision: $rev, itemId: "department.name",
                                 value: {text: $text}}) {
                __typename ... on AssessmentEdited { revision assessment { id revision } } ... on Problem { code } } }""";
    private static final String ANSWER_WITH_ASSESSMENT_OR_NOT_YET = """
            mutation($id: ID!, $rev: Int!, $text: String!) {
              answerItem(input: {assessmentId: $id, expectedRevision: $rev, itemId: "department.name",
                                 value: {text: $text}}) {
                __typename ... on AssessmentEdited { revision assessment { id revision } }
                ... on EditNotYetVisible { revision } } }""";
    private static final String READ = """
            query($id: ID!) { assessment(id: $id) { revision } }""";
    private static final String PROCESSOR_THREAD = "EventProcessor[";

    private static final Caller EDITOR = new Caller(Callers.KAWASAKI, new Actor("k-editor", "川崎 一郎"),
            Set.of(Caller.EDITOR));

    @Inject
    ReadModelCatchUp catchUp;
    @Inject
    DataSource dataSource;
    @Inject
    Editing editing;
    @Inject
    AssessmentMutations mutations;

    @Override
    public Map<String, String> getProperties() {
        return CountingDriver.counting(super.getProperties());
    }

    @Test
    void givenAnEditTheReadModelsWereSeenShowing_whenItsNodeIsMade_thenTheAssessmentIsReadOnlyWhenAFieldAsksForIt() {
        String id = started();
        EditOutcome outcome = editing.answer(EDITOR, id, 1, "department.name", List.of(), new TextAnswer("回答"), null);
        assertThat(outcome).isInstanceOfSatisfying(EditOutcome.Edited.class, edited -> assertThat(edited.visible())
                .as("read-your-writes saw the revision").isTrue());

        int mark = CountingDriver.mark();
        EditedNode node = (EditedNode) mutations.node(EDITOR, outcome, false);
        List<CountingDriver.RoundTrip> making = onThreads(mark, Thread.currentThread().getName());
        AssessmentView assessment = node.assessment();
        List<CountingDriver.RoundTrip> asking = onThreads(mark, Thread.currentThread().getName());

        assertThat(making).as("round trips to make the node of a seen edit").isEmpty();
        assertThat(assessment.revision()).isEqualTo(2);
        assertThat(asking).as("round trips once the assessment is asked for")
                .anyMatch(trip -> trip.sql().contains("FROM rm_assessment"));
    }

    @Test
    void givenAnEditNotSeenInTheReadModels_whenItsNodeIsMade_thenTheAssessmentIsReadAtOnce() {
        String id = started();
        EditOutcome.Edited edited = (EditOutcome.Edited) editing.answer(EDITOR, id, 1, "department.name", List.of(),
                new TextAnswer("回答"), null);

        int mark = CountingDriver.mark();
        Object node = mutations.node(EDITOR, new EditOutcome.Edited(edited.assessmentId(), edited.revision()), false);

        assertThat(node).isInstanceOf(EditedNode.class);
        assertThat(onThreads(mark, Thread.currentThread().getName())).as("read at once, to tell whether it is visible")
                .anyMatch(trip -> trip.sql().contains("FROM rm_assessment"));
    }

    @Test
    void givenAnswersSelectingOnlyTheRevision_whenSent_thenReadsShowTheirRevision() {
        String id = started();
        long revision = 1;

        for (int i = 0; i < 3; i++) {
            JsonNode edited = answer(ANSWER_REVISION_ONLY, id, revision);
            assertThat(edited.path("__typename").asText()).isEqualTo("AssessmentEdited");
            assertThat(edited.path("revision").asLong()).isEqualTo(++revision);
            assertThat(callers.kawasakiEditor.data("assessment", READ, Map.of("id", id)).path("revision").asLong())
                    .as("read-your-writes").isEqualTo(revision);
        }
    }

    @Test
    void givenAnAnswerSelectingTheAssessment_whenSent_thenTheAssessmentIsReadAtTheNewRevision() {
        String id = started();

        JsonNode edited = answer(ANSWER_WITH_ASSESSMENT, id, 1);

        assertThat(edited.path("revision").asLong()).isEqualTo(2);
        assertThat(edited.path("assessment").path("id").asText()).isEqualTo(id);
        assertThat(edited.path("assessment").path("revision").asLong()).isEqualTo(2);
    }

    @Test
    void givenAnEditReadYourWritesSaw_whenTheAnswerSelectsTheAssessmentAndReadsCannotShowIt_thenEditNotYetVisible()
            throws SQLException {
        String id = started();
        String uuid = AssessmentIds.parse(id).orElseThrow().value().toString();
        // The processor projects revision 2 (read-your-writes hears it from the batch), but the row it writes is
        // moved out of the editor's municipality: reads after the edit cannot show it.
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE FUNCTION test_hide_revision() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "IF NEW.assessment_id = '" + uuid + "' AND NEW.revision = 2 THEN NEW.tenant_code := '999999'; "
                    + "END IF; RETURN NEW; END $$");
            statement.execute("CREATE TRIGGER test_hide_revision BEFORE UPDATE ON rm_assessment FOR EACH ROW "
                    + "EXECUTE FUNCTION test_hide_revision()");
        }
        GraphQlClient.Response response;
        try {
            response = callers.kawasakiEditor.execute(ANSWER_WITH_ASSESSMENT_OR_NOT_YET,
                    Map.of("id", id, "rev", 1, "text", "隠れる回答"));
        } finally {
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP TRIGGER test_hide_revision ON rm_assessment");
                statement.execute("DROP FUNCTION test_hide_revision()");
                statement.execute("UPDATE rm_assessment SET tenant_code = '141305' WHERE assessment_id = '" + uuid
                        + "'");
            }
        }

        assertThat(response.errors().size()).as("errors: %s", response.errors()).isZero();
        JsonNode answer = response.data().path("answerItem");
        assertThat(answer.path("__typename").asText()).isEqualTo("EditNotYetVisible");
        assertThat(answer.path("revision").asLong()).isEqualTo(2);
    }

    @Test
    void givenAnEdit_whenItsReadModelsAreCommitted_thenBothTheCommandAndTheBatchCommitDurably() {
        String id = started();

        int mark = CountingDriver.mark();
        answer(ANSWER_REVISION_ONLY, id, 1);
        List<CountingDriver.RoundTrip> processor = onThreads(mark, PROCESSOR_THREAD);
        List<CountingDriver.RoundTrip> request = onThreads(mark, GraphQlWorkers.THREAD_PREFIX);

        assertThat(lastIndexOf(processor, "COMMIT")).as("the read-model batch that projected the edit was committed "
                + "before the answer").isGreaterThanOrEqualTo(0);
        assertThat(processor).as("the read-model batch's transaction").noneMatch(trip -> trip.sql().contains(
                "synchronous_commit"));
        assertThat(request).as("the command's transaction").noneMatch(trip -> trip.sql().contains(
                "synchronous_commit"));
    }

    @Test
    void givenAnEdit_whenItsReadModelBatchIsCommitted_thenThisNodeIsToldOnceAndNotAgainByItsOwnNotification()
            throws InterruptedException {
        String id = started();
        AtomicInteger told = new AtomicInteger();
        catchUp.watchCommits(told::incrementAndGet);

        int mark = CountingDriver.mark();
        answer(ANSWER_REVISION_ONLY, id, 1);
        Thread.sleep(500);                                  // time for a notification to come back, if one would

        long batches = onThreads(mark, PROCESSOR_THREAD).stream().filter(trip -> trip.sql().equals("COMMIT")).count();
        assertThat(batches).as("read-model batches committed").isPositive();
        assertThat(told.get()).as("times this node was told of a committed batch").isEqualTo((int) batches);
    }

    @Test
    void givenTheDatabaseLostTheReadModelBatchOfAnEdit_whenTheProcessorNextExtendsItsClaim_thenItProjectsItAgain()
            throws Exception {
        String id = started();
        long revision = answer(ANSWER_REVISION_ONLY, id, 1).path("revision").asLong();
        byte[] tokenBefore = storedToken();
        long lost = answer(ANSWER_REVISION_ONLY, id, revision).path("revision").asLong();

        String uuid = AssessmentIds.parse(id).orElseThrow().value().toString();
        // What a database restored under the running server leaves of the last batch: neither its rows nor its token.
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            execute(connection, "UPDATE tokenentry SET token = ? WHERE processorname = ?", tokenBefore,
                    ReadModelProjection.PROCESSING_GROUP);
            execute(connection, "DELETE FROM rm_edit_history WHERE assessment_id = ?::uuid AND revision = ?", uuid,
                    lost);
            execute(connection, "UPDATE rm_assessment SET revision = ? WHERE assessment_id = ?::uuid", revision, uuid);
            connection.commit();
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long shown;
        do {
            Thread.sleep(100);
            shown = callers.kawasakiEditor.data("assessment", READ, Map.of("id", id)).path("revision").asLong();
        } while (shown != lost && System.nanoTime() < deadline);
        assertThat(shown).as("the read models show the edit whose batch was lost, projected again").isEqualTo(lost);
    }

    private byte[] storedToken() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT token FROM tokenentry WHERE processorname = ?")) {
            query.setString(1, ReadModelProjection.PROCESSING_GROUP);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getBytes(1);
            }
        }
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            assertThat(statement.executeUpdate()).as(sql).isEqualTo(1);
        }
    }

    private String started() {
        return callers.kawasakiEditor.data("startAssessment", Operations.START,
                Map.of("kind", "KEY_ITEMS", "name", "往復の数")).path("assessment").path("id").asText();
    }

    private JsonNode answer(String mutation, String id, long revision) {
        return callers.kawasakiEditor.data("answerItem", mutation, Map.of("id", id, "rev", revision,
                "text", "回答 " + revision));
    }

    private static List<CountingDriver.RoundTrip> onThreads(int mark, String prefix) {
        return CountingDriver.since(mark).stream().filter(trip -> trip.thread().startsWith(prefix)).toList();
    }

    private static int lastIndexOf(List<CountingDriver.RoundTrip> trips, String sql) {
        for (int i = trips.size() - 1; i >= 0; i--) {
            if (trips.get(i).sql().equals(sql)) {
                return i;
            }
        }
        return -1;
    }
}
