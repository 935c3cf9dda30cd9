package jp.hyoka.server.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.Editing;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relay cursor connections: first/after forward, last/before backward, the pageInfo flags at both ends and
 * totalCount, on an assessment's history, the municipality's assessments and the audit trail.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionsIT extends SignedInServerTest {

    private static final String PAGE_INFO = "pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount";
    private static final String HISTORY = """
            query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
              assessment(id: $id) { history(first: $first, after: $after, last: $last, before: $before) {
                edges { cursor node { revision } } %s } } }""".formatted(PAGE_INFO);
    private static final String ASSESSMENTS = """
            query($first: Int, $after: String, $last: Int, $before: String) {
              assessments(first: $first, after: $after, last: $last, before: $before) {
                edges { cursor node { id } } %s } }""".formatted(PAGE_INFO);
    private static final String TRAIL = """
            query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
              auditTrail(first: $first, after: $after, last: $last, before: $before, filter: {assessmentId: $id}) {
                edges { cursor node { revision assessmentId } } %s } }""".formatted(PAGE_INFO);

    private String assessment;

    /** Revisions 1..5: started, then four answers. */
    @BeforeAll
    void anAssessmentWithFiveRevisions() {
        GraphQlClient editor = callers.kawasakiEditor;
        assessment = Editing.start(editor, "KEY_ITEMS", "頁送りの確認");
        long revision = 1;
        for (String name : List.of("一", "二", "三", "四")) {
            revision = Editing.answer(editor, assessment, revision, "affair.name", Map.of("text", "頁送り" + name));
        }
    }

    private static Map<String, Object> page(String id, Integer first, String after, Integer last, String before) {
        Map<String, Object> variables = new HashMap<>();
        if (id != null) {
            variables.put("id", id);
        }
        variables.put("first", first);
        variables.put("after", after);
        variables.put("last", last);
        variables.put("before", before);
        return variables;
    }

    private JsonNode history(Integer first, String after, Integer last, String before) {
        return callers.kawasakiReader.data("assessment", HISTORY, page(assessment, first, after, last, before))
                .path("history");
    }

    private static List<Integer> revisions(JsonNode connection) {
        List<Integer> revisions = new ArrayList<>();
        connection.path("edges").forEach(edge -> revisions.add(edge.path("node").path("revision").asInt()));
        return revisions;
    }

    private static void flags(JsonNode connection, boolean previous, boolean next) {
        JsonNode info = connection.path("pageInfo");
        assertThat(info.path("hasPreviousPage").asBoolean()).as("hasPreviousPage " + info).isEqualTo(previous);
        assertThat(info.path("hasNextPage").asBoolean()).as("hasNextPage " + info).isEqualTo(next);
        JsonNode edges = connection.path("edges");
        assertThat(info.path("startCursor").asText()).isEqualTo(edges.get(0).path("cursor").asText());
        assertThat(info.path("endCursor").asText()).isEqualTo(edges.get(edges.size() - 1).path("cursor").asText());
    }

    @Test
    void givenAHistory_whenPagedBackwardFromTheEnd_thenPagesComeInListOrderUntilTheStart() {
        JsonNode newest = history(null, null, 2, null);
        JsonNode middle = history(null, null, 2, newest.path("pageInfo").path("startCursor").asText());
        JsonNode oldest = history(null, null, 2, middle.path("pageInfo").path("startCursor").asText());

        assertThat(revisions(newest)).containsExactly(4, 5);
        flags(newest, true, false);
        assertThat(revisions(middle)).containsExactly(2, 3);
        flags(middle, true, true);
        assertThat(revisions(oldest)).containsExactly(1);
        flags(oldest, false, true);
        assertThat(List.of(newest, middle, oldest)).allSatisfy(page ->
                assertThat(page.path("totalCount").asInt()).isEqualTo(5));
    }

    @Test
    void givenAHistory_whenPagedForward_thenTheFlagsMarkBothEnds() {
        JsonNode first = history(3, null, null, null);
        JsonNode rest = history(3, first.path("pageInfo").path("endCursor").asText(), null, null);
        JsonNode back = history(null, null, 3, rest.path("pageInfo").path("startCursor").asText());

        assertThat(revisions(first)).containsExactly(1, 2, 3);
        flags(first, false, true);
        assertThat(revisions(rest)).containsExactly(4, 5);
        flags(rest, true, false);
        assertThat(revisions(back)).as("back from the second page: the first again").containsExactly(1, 2, 3);
        flags(back, false, true);
        assertThat(history(null, null, null, null).path("edges").size()).as("the default size").isEqualTo(5);
    }

    @Test
    void givenTheAssessmentsList_whenPagedBackward_thenItEndsWithTheOldestAndCountsThemAll() {
        JsonNode all = callers.kawasakiReader.data("assessments", ASSESSMENTS, page(null, 100, null, null, null));
        List<String> ids = new ArrayList<>();
        all.path("edges").forEach(edge -> ids.add(edge.path("node").path("id").asText()));
        assertThat(ids).contains(assessment).hasSizeLessThan(100);

        JsonNode oldest = callers.kawasakiReader.data("assessments", ASSESSMENTS, page(null, null, null, 1, null));
        JsonNode before = callers.kawasakiReader.data("assessments", ASSESSMENTS,
                page(null, null, null, 100, oldest.path("pageInfo").path("startCursor").asText()));

        assertThat(all.path("totalCount").asInt()).isEqualTo(ids.size());
        flags(all, false, false);
        assertThat(oldest.path("edges").get(0).path("node").path("id").asText()).isEqualTo(ids.get(ids.size() - 1));
        flags(oldest, ids.size() > 1, false);
        List<String> earlier = new ArrayList<>();
        before.path("edges").forEach(edge -> earlier.add(edge.path("node").path("id").asText()));
        assertThat(earlier).containsExactlyElementsOf(ids.subList(0, ids.size() - 1));
        assertThat(before.path("pageInfo").path("hasPreviousPage").asBoolean()).isFalse();
    }

    @Test
    void givenTheAuditTrailOfOneAssessment_whenPagedBackward_thenItCountsTheFilteredLines() {
        JsonNode last = callers.kawasakiReader.execute(TRAIL, page(assessment, null, null, 2, null)).data()
                .path("auditTrail");

        assertThat(last.path("totalCount").asInt()).as(last.toString()).isEqualTo(5);
        assertThat(revisions(last)).containsExactly(4, 5);
        assertThat(last.path("edges").findValuesAsText("assessmentId")).containsOnly(assessment);
    }

    @Test
    void givenBothDirectionsOrASizeOutOfRange_whenAsked_thenBadUserInputAndNoData() {
        for (Map<String, Object> variables : List.of(page(assessment, 2, null, 2, null),
                page(assessment, null, "x", 2, null), page(assessment, null, null, 0, null),
                page(assessment, null, null, 101, null), page(assessment, null, null, 2, "not a cursor"))) {
            GraphQlClient.Response response = callers.kawasakiReader.execute(HISTORY, variables);

            assertThat(response.errors().get(0).path("extensions").path("code").asText()).as(variables.toString())
                    .isEqualTo("BAD_USER_INPUT");
        }
    }
}
