package jp.hyoka.server.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.GraphQL;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.CountingDriver;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.ReviewThreadCalls;
import jp.hyoka.server.support.SecondNode;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kept answers of a document read by id (ResponseCache) are never stale and never anyone else's: after an edit
 * (on this node or another), after a rewrite of the row at the same revision, for another municipality, for a caller
 * without the role, and for fields that do not follow from the document's revision.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponseCacheIT extends SignedInServerTest {

    private static final String WHOLE = Operations.READ_WHOLE;
    private static final String FEW = "query($id: ID!) { assessment(id: $id) { id revision affairName updatedAt } }";

    @Inject
    GraphQL graphQL;
    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        return CountingDriver.counting(super.getProperties());
    }

    private int kept() {
        return ((ResponseCache) graphQL.getQueryStrategy()).kept();
    }

    /** A new document of 川崎市 with one item answered; returns its id. */
    private String kawasakiDocument(String name) {
        return KeptAnswerDocuments.answered(callers.kawasakiEditor, name);
    }

    private long answer(String id, long revision, String text) {
        return KeptAnswerDocuments.answer(callers.kawasakiEditor, id, revision, text);
    }

    private static String department(JsonNode document) {
        for (JsonNode answer : document.path("answers")) {
            if (answer.path("item").path("itemId").asText().equals("department.name")) {
                return answer.path("value").path("text").asText();
            }
        }
        return null;
    }

    @Test
    void givenAWholeDocumentReadTwice_whenTheSecondIsServedFromTheKeptAnswer_thenBothResponsesAreTheSameBytes() {
        String id = kawasakiDocument("同じ答え");
        int before = kept();

        GraphQlClient.Response first = callers.kawasakiEditor.execute(WHOLE, Map.of("id", id));
        GraphQlClient.Response second = callers.kawasakiEditor.execute(WHOLE, Map.of("id", id));

        assertThat(kept()).isEqualTo(before + 1);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().toString()).isEqualTo(first.body().toString());
        assertThat(second.body().path("extensions").path("cost").path("actualQueryCost").asInt())
                .isGreaterThan(1).isEqualTo(first.body().path("extensions").path("cost").path("actualQueryCost").asInt());
        assertThat(department(second.data().path("assessment"))).isEqualTo("最初の部署");
    }

    @Test
    void givenAKeptAnswer_whenReadAgain_thenTheReadIsOneRoundTripAndAfterAnEditTheFirstReadIsTwo() {
        String id = kawasakiDocument("往復");
        long revision = callers.kawasakiEditor.data("assessment", WHOLE, Map.of("id", id)).path("revision").asLong();

        List<CountingDriver.RoundTrip> hit = roundTripsOfWholeRead(id);
        answer(id, revision, "往復の後");
        List<CountingDriver.RoundTrip> afterEdit = roundTripsOfWholeRead(id);
        List<CountingDriver.RoundTrip> hitAgain = roundTripsOfWholeRead(id);

        assertThat(hit).as("the version alone").hasSize(1);
        assertThat(hit.get(0).sql()).startsWith("BEGIN").contains("set_config('hyoka.tenant'")
                .contains("xmin").doesNotContain("rm_answer").endsWith("ROLLBACK");
        assertThat(afterEdit).as("the version, then the document in one snapshot").hasSize(2);
        assertThat(afterEdit.get(1).sql()).startsWith("BEGIN ISOLATION LEVEL REPEATABLE READ").contains("rm_answer");
        assertThat(hitAgain).hasSize(1);
    }

    private List<CountingDriver.RoundTrip> roundTripsOfWholeRead(String id) {
        int mark = CountingDriver.mark();
        callers.kawasakiEditor.data("assessment", WHOLE, Map.of("id", id));
        return CountingDriver.since(mark).stream()
                .filter(trip -> trip.thread().startsWith(GraphQlWorkers.THREAD_PREFIX)).toList();
    }

    @Test
    void givenAKeptAnswer_whenTheDocumentIsEdited_thenTheNextReadShowsTheEditAtItsRevision() {
        String id = kawasakiDocument("編集後");
        JsonNode kept = callers.kawasakiEditor.data("assessment", WHOLE, Map.of("id", id));
        callers.kawasakiEditor.data("assessment", FEW, Map.of("id", id));

        long revision = answer(id, kept.path("revision").asLong(), "二番目の部署");

        JsonNode whole = callers.kawasakiEditor.data("assessment", WHOLE, Map.of("id", id));
        assertThat(whole.path("revision").asLong()).isEqualTo(revision);
        assertThat(department(whole)).isEqualTo("二番目の部署");
        assertThat(callers.kawasakiEditor.data("assessment", FEW, Map.of("id", id)).path("revision").asLong())
                .isEqualTo(revision);
    }

    @Test
    void givenAKeptAnswer_whenTheDocumentIsEditedOnAnotherNode_thenThisNodeServesTheEdit() {
        String id = kawasakiDocument("二台目");
        JsonNode kept = callers.kawasakiEditor.data("assessment", WHOLE, Map.of("id", id));
        try (SecondNode other = SecondNode.on(server.getApplicationContext())) {
            GraphQlClient otherEditor = other.client("k-editor", "川崎 一郎", Callers.KAWASAKI, List.of("editor"));
            JsonNode edited = otherEditor.data("answerItem", Operations.ANSWER, new HashMap<>(Map.of("id", id,
                    "rev", kept.path("revision").asLong(), "item", "department.name",
                    "value", Map.of("text", "別の台で"))));
            assertThat(edited.path("__typename").asText()).as(edited.toString()).isEqualTo("AssessmentEdited");

            JsonNode whole = callers.kawasakiEditor.data("assessment", WHOLE, Map.of("id", id));
            assertThat(whole.path("revision").asLong()).isEqualTo(edited.path("revision").asLong());
            assertThat(department(whole)).isEqualTo("別の台で");
        }
    }

    @Test
    void givenAKeptAnswer_whenTheRowIsRewrittenAtTheSameRevision_thenTheRewriteIsServed() throws Exception {
        String id = kawasakiDocument("書き直し前");
        JsonNode kept = callers.kawasakiEditor.data("assessment", FEW, Map.of("id", id));
        // What a read-model rebuild does: the same revision, rows written anew.
        try (Connection owner = dataSource.getConnection();
             PreparedStatement rewrite = owner.prepareStatement(
                     "UPDATE rm_assessment SET affair_name = ? WHERE assessment_id = ? AND revision = ?")) {
            rewrite.setString(1, "書き直し後");
            rewrite.setObject(2, UUID.fromString(callers.kawasakiEditor.data("assessment",
                    "query($id: ID!) { assessment(id: $id) { uuid } }", Map.of("id", id)).path("uuid").asText()));
            rewrite.setLong(3, kept.path("revision").asLong());
            assertThat(rewrite.executeUpdate()).isEqualTo(1);
        }

        JsonNode read = callers.kawasakiEditor.data("assessment", FEW, Map.of("id", id));
        assertThat(read.path("revision").asLong()).isEqualTo(kept.path("revision").asLong());
        assertThat(read.path("affairName").asText()).isEqualTo("書き直し後");
    }

    @Test
    void givenKawasakisAnswerKept_whenAsahikawaAsksForTheSameId_thenNothingIsReturned() {
        String id = kawasakiDocument("他の団体");
        callers.kawasakiEditor.data("assessment", WHOLE, Map.of("id", id));
        callers.kawasakiEditor.data("assessment", FEW, Map.of("id", id));

        for (String query : List.of(WHOLE, FEW)) {
            GraphQlClient.Response theirs = callers.asahikawaEditor.execute(query, Map.of("id", id));
            assertThat(theirs.data().path("assessment").isNull()).as(theirs.body().toString()).isTrue();
            assertThat(theirs.body().toString()).doesNotContain("他の団体");
        }
    }

    @Test
    void givenAnEditorsAnswerKept_whenACallerWithoutAReadingRoleAsks_thenItIsRefusedAndAnAuditorReadsItAsItsOwn() {
        String id = kawasakiDocument("役割");
        JsonNode editors = callers.kawasakiEditor.data("assessment", WHOLE, Map.of("id", id));
        GraphQlClient noRole = new GraphQlClient(server.getURI(),
                issuer.issue("k-nobody", "川崎 無役", Callers.KAWASAKI, List.of()));

        GraphQlClient.Response refused = noRole.execute(WHOLE, Map.of("id", id));
        assertThat(refused.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(refused.body().toString()).doesNotContain("最初の部署");
        JsonNode auditors = callers.kawasakiReader.data("assessment", WHOLE, Map.of("id", id));
        assertThat(auditors).isEqualTo(editors);
        assertThat(noRole.execute(WHOLE, Map.of("id", id)).errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void givenAReadWithReviewThreads_whenAThreadIsStartedWithoutAnEdit_thenTheNextReadShowsIt() {
        String id = kawasakiDocument("検討");
        String query = "query($id: ID!) { assessment(id: $id) { revision reviewThreads { id } } }";
        JsonNode before = callers.kawasakiEditor.data("assessment", query, Map.of("id", id));
        int kept = kept();

        ReviewThreadCalls.start(callers.kawasakiEditor, id, null, null, "<p>確認してください</p>");

        JsonNode after = callers.kawasakiEditor.data("assessment", query, Map.of("id", id));
        assertThat(after.path("revision")).isEqualTo(before.path("revision"));
        assertThat(after.path("reviewThreads").size()).isEqualTo(before.path("reviewThreads").size() + 1);
        assertThat(kept()).isEqualTo(kept);
    }
}
