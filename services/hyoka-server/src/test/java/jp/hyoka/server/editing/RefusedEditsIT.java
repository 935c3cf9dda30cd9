package jp.hyoka.server.editing;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.Paging;
import jp.hyoka.server.support.ReadModelSnapshot;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static jp.hyoka.server.support.Operations.ANSWER;
import static jp.hyoka.server.support.Operations.HISTORY;
import static jp.hyoka.server.support.Operations.START;
import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad edit gets its own typed Problem, and the assessment stays exactly as it was. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusedEditsIT extends SignedInServerTest {

    @Inject
    DataSource dataSource;

    private String id;
    private long eventsBefore;

    @BeforeEach
    void startAssessmentAtRevisionTwo() throws SQLException {
        id = callers.kawasakiEditor.data("startAssessment", START, Map.of("kind", "ALL_ITEMS", "name", "後期高齢者医療給付"))
                .path("assessment").path("id").asText();
        assertThat(answer(1, "department.name", Map.of("text", "市民文化局")).path("__typename").asText())
                .isEqualTo("AssessmentEdited");
        eventsBefore = ReadModelSnapshot.count(dataSource, "SELECT count(*) FROM domainevententry");
    }

    @Test
    void givenStaleRevision_whenAnswer_thenStaleRevisionListsWhatChangedSinceAndNothingIsStored() {
        JsonNode problem = answer(1, "department.name", Map.of("text", "健康福祉局"));

        assertThat(problem.path("__typename").asText()).isEqualTo("StaleRevision");
        assertThat(problem.path("code").asText()).isEqualTo("STALE_REVISION");
        assertThat(problem.path("expectedRevision").asInt()).isEqualTo(1);
        assertThat(problem.path("currentRevision").asInt()).isEqualTo(2);
        assertThat(problem.path("changesSince").get(0).path("after").path("text").asText()).isEqualTo("市民文化局");
        assertUnchanged();
    }

    @Test
    void givenClientFarBehind_whenStaleAnswer_thenChangesSinceConnectionPagesForwardAndBackwardAndNothingIsStored()
            throws SQLException {
        for (int revision = 2; revision < 7; revision++) {
            answer(revision, "department.name", Map.of("text", "局" + revision));
        }
        eventsBefore = ReadModelSnapshot.count(dataSource, "SELECT count(*) FROM domainevententry");

        JsonNode firstPage = changesSince(Map.of("first", 2));
        List<String> forward = Paging.forward(this::changesSince, 2, node -> node.path("revision").asText());
        List<String> backward = Paging.backward(this::changesSince, 4, node -> node.path("revision").asText());

        assertThat(firstPage.path("totalCount").asInt()).isEqualTo(6);
        assertThat(firstPage.path("edges")).hasSize(2);
        assertThat(firstPage.path("pageInfo").path("hasPreviousPage").asBoolean()).isFalse();
        assertThat(forward).containsExactly("2", "3", "4", "5", "6", "7");
        assertThat(backward).containsExactly("2", "3", "4", "5", "6", "7");
        assertThat(ReadModelSnapshot.count(dataSource, "SELECT count(*) FROM domainevententry")).as("events stored")
                .isEqualTo(eventsBefore);
    }

    @Test
    void givenCursorOfAnotherList_whenChangesSinceConnection_thenBadUserInput() {
        Map<String, Object> variables = new HashMap<>(Map.of("id", id, "first", 2, "after", "bm90LWEtcmV2aXNpb24"));
        assertThat(callers.kawasakiEditor.execute(STALE_PAGE, variables).errorCode()).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void givenUnknownItemId_whenAnswer_thenUnknownItem() {
        JsonNode problem = answer(2, "no-such.item", Map.of("text", "x"));

        assertThat(problem.path("__typename").asText()).isEqualTo("UnknownItem");
        assertThat(problem.path("form").asText()).isEqualTo("ALL_ITEMS@2025");
        assertUnchanged();
    }

    @Test
    void givenMalformedItemId_whenAnswer_thenUnknownItem() {
        assertThat(answer(2, "<script>", Map.of("text", "x")).path("__typename").asText()).isEqualTo("UnknownItem");
        assertUnchanged();
    }

    @Test
    void givenValueOfWrongType_whenAnswer_thenWrongAnswerType() {
        JsonNode problem = answer(2, "affair.target-population", Map.of("date", "2025-04-01"));

        assertThat(problem.path("__typename").asText()).isEqualTo("WrongAnswerType");
        assertThat(problem.path("expectedType").asText()).isEqualTo("SINGLE_CHOICE");
        assertThat(problem.path("givenType").asText()).isEqualTo("DATE");
        assertUnchanged();
    }

    @Test
    void givenOptionOutsideTheList_whenAnswer_thenOptionNotAllowedWithTheAllowedOptions() {
        JsonNode problem = answer(2, "affair.target-population", Map.of("selection", Map.of("code", "1,000人未満")));

        assertThat(problem.path("__typename").asText()).isEqualTo("OptionNotAllowed");
        assertThat(problem.path("allowedOptions").toString()).contains("under-1k", "300k-or-more");
        assertUnchanged();
    }

    @Test
    void givenOversizeText_whenAnswer_thenTextTooLongStatesTheLimit() {
        JsonNode problem = answer(2, "department.name", Map.of("text", "課".repeat(201)));

        assertThat(problem.path("__typename").asText()).isEqualTo("TextTooLong");
        assertThat(problem.path("maxLength").asInt()).isEqualTo(200);
        assertThat(problem.path("actualLength").asInt()).isEqualTo(201);
        assertThat(problem.path("message").asText()).contains("200");
        assertUnchanged();
    }

    @Test
    void givenAnotherMunicipalitysAssessment_whenAnswer_thenItLooksExactlyLikeAnUnknownOne() {
        JsonNode foreign = answerAs(callers.asahikawaEditor, id, 2);
        JsonNode unknown = answerAs(callers.asahikawaEditor, "01890000-0000-7000-8000-000000000000", 2);

        assertThat(foreign.path("__typename").asText()).isEqualTo("AssessmentNotFound");
        assertThat(foreign.path("code")).isEqualTo(unknown.path("code"));
        assertThat(callers.asahikawaEditor.data("assessment", Operations.DOCUMENT, Map.of("id", id)).isNull()).isTrue();
        assertThat(callers.asahikawaEditor.data("assessments", Operations.LIST, Map.of("first", 100))
                .path("edges").size()).isZero();
        assertUnchanged();
    }

    @Test
    void givenGarbageAssessmentId_whenAnswer_thenAssessmentNotFound() {
        assertThat(answerAs(callers.kawasakiEditor, "not-a-uuid", 2).path("__typename").asText())
                .isEqualTo("AssessmentNotFound");
    }

    private JsonNode answerAs(jp.hyoka.server.support.GraphQlClient client, String assessmentId, int revision) {
        return client.data("answerItem", ANSWER, new HashMap<>(Map.of("id", assessmentId, "rev", revision,
                "item", "department.name", "value", Map.of("text", "乗っ取り"))));
    }

    private static final String STALE_PAGE = """
            mutation($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
              answerItem(input: {assessmentId: $id, expectedRevision: 1, itemId: "department.name",
                                 value: {text: "古い版の入力"}}) {
                __typename
                ... on StaleRevision {
                  changesSinceConnection(first: $first, after: $after, last: $last, before: $before) {
                    totalCount
                    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                    edges { cursor node { revision } }
                  }
                }
              }
            }""";

    /** The stale edit of revision 1 sent again: its changesSinceConnection page for these paging variables. */
    private JsonNode changesSince(Map<String, Object> paging) {
        Map<String, Object> variables = new HashMap<>(paging);
        variables.put("id", id);
        JsonNode problem = callers.kawasakiEditor.data("answerItem", STALE_PAGE, variables);
        assertThat(problem.path("__typename").asText()).isEqualTo("StaleRevision");
        return problem.path("changesSinceConnection");
    }

    private JsonNode answer(int revision, String item, Map<String, Object> value) {
        return callers.kawasakiEditor.data("answerItem", ANSWER,
                new HashMap<>(Map.of("id", id, "rev", revision, "item", item, "value", value)));
    }

    /**
     * Still at revision 2, with exactly the two events it had; and no event stored anywhere, asked of the event store
     * (a stored event need not have reached the read models yet).
     */
    private void assertUnchanged() {
        try {
            assertThat(ReadModelSnapshot.count(dataSource, "SELECT count(*) FROM domainevententry")).as("events stored")
                    .isEqualTo(eventsBefore);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        JsonNode history = callers.kawasakiEditor.data("assessment", HISTORY, Map.of("id", id, "first", 100))
                .path("history").path("edges");
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(1).path("node").path("after").path("text").asText()).isEqualTo("市民文化局");
    }
}
