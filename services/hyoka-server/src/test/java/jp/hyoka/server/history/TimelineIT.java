package jp.hyoka.server.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.ClockTicks;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An auditor reads a document as it was at any revision or moment, and what changed between two revisions. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelineIT extends SignedInServerTest {

    private static final String AT = """
            query($id: ID!, $asOf: DateTime, $revision: Int) {
              assessmentAt(id: $id, asOf: $asOf, revision: $revision) {
                revision affairName version status form { kind version }
                answers { item { itemId } itemPath text value { __typename ... on ChoiceValue { code label } } }
              }
            }""";
    private static final String DIFF = """
            query($id: ID!, $from: Int!, $to: Int!) {
              assessmentDiff(id: $id, fromRevision: $from, toRevision: $to) {
                fromRevision toRevision
                changes { item { itemId label } itemPath beforeText afterText
                          before { ... on ChoiceValue { code } } after { ... on ChoiceValue { code } } }
              }
            }""";

    private static final String ANSWERS_PAGE = """
            query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
              assessmentAt(id: $id, revision: 3) {
                answersConnection(first: $first, after: $after, last: $last, before: $before) {
                  totalCount edges { cursor node { itemPath } }
                  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                } } }""";

    private String id;
    private Instant betweenEdits;

    @BeforeAll
    void anAssessmentEditedTwice() {
        id = callers.kawasakiEditor.data("startAssessment", Operations.START,
                Map.of("kind", "KEY_ITEMS", "name", "監査の対象")).path("assessment").path("id").asText();
        answer(1, "under-1k");
        betweenEdits = ClockTicks.nextMillisecond();
        ClockTicks.nextMillisecond();
        answer(2, "10k-to-100k");
    }

    @Test
    void givenARevision_whenReadAsOfIt_thenTheAnswerIsTheOneOfThatRevision() {
        JsonNode atTwo = callers.kawasakiReader.data("assessmentAt", AT, Map.of("id", id, "revision", 2));

        assertThat(atTwo.path("revision").asInt()).isEqualTo(2);
        assertThat(atTwo.path("affairName").asText()).isEqualTo("監査の対象");
        assertThat(population(atTwo).path("value").path("code").asText()).isEqualTo("under-1k");
        assertThat(population(atTwo).path("text").asText()).isEqualTo("1,000人未満");
        assertThat(population(atTwo).path("itemPath").asText()).contains("対象人数");
    }

    @Test
    void givenAMoment_whenReadAsOfIt_thenEventsAfterItAreLeftOut() {
        JsonNode then = callers.kawasakiReader.data("assessmentAt", AT, Map.of("id", id, "asOf", betweenEdits.toString()));
        JsonNode now = callers.kawasakiReader.data("assessmentAt", AT, Map.of("id", id, "asOf", Instant.now().toString()));

        assertThat(then.path("revision").asInt()).isEqualTo(2);
        assertThat(now.path("revision").asInt()).isEqualTo(3);
        assertThat(population(now).path("value").path("code").asText()).isEqualTo("10k-to-100k");
    }

    @Test
    void givenTwoRevisions_whenDiffed_thenTheChangedItemIsListedWithLabelsAndBothValues() {
        JsonNode diff = callers.kawasakiReader.data("assessmentDiff", DIFF, Map.of("id", id, "from", 1, "to", 3));

        assertThat(diff.path("changes")).hasSize(1);
        JsonNode change = diff.path("changes").get(0);
        assertThat(change.path("item").path("label").asText()).isEqualTo("対象人数");
        assertThat(change.path("beforeText").asText()).isEmpty();
        assertThat(change.path("afterText").asText()).isEqualTo("1万人以上10万人未満");
        assertThat(change.path("before").isNull()).isTrue();
        assertThat(change.path("after").path("code").asText()).isEqualTo("10k-to-100k");
        JsonNode none = callers.kawasakiReader.data("assessmentDiff", DIFF, Map.of("id", id, "from", 3, "to", 3));
        assertThat(none.path("changes").isArray()).as("a diff, not null: " + none).isTrue();
        assertThat(none.path("changes")).isEmpty();
    }

    @Test
    void givenAPastDocument_whenItsAnswersArePagedBothWays_thenThePagesJoinUpToTheWholeListAndFlagsAreExact() {
        JsonNode whole = callers.kawasakiReader.data("assessmentAt", AT, Map.of("id", id, "revision", 3))
                .path("answers");
        assertThat(whole.size()).as("affair name and population at least").isGreaterThanOrEqualTo(2);
        List<String> forward = new ArrayList<>();
        String after = null;
        JsonNode page;
        do {
            page = answersPage(Map.of("first", 1), after);
            assertThat(page.path("pageInfo").path("hasPreviousPage").asBoolean()).isEqualTo(after != null);
            page.path("edges").forEach(edge -> forward.add(edge.path("node").path("itemPath").asText()));
            after = page.path("pageInfo").path("endCursor").asText();
        } while (page.path("pageInfo").path("hasNextPage").asBoolean());
        List<String> expected = new ArrayList<>();
        whole.forEach(answer -> expected.add(answer.path("itemPath").asText()));
        assertThat(forward).isEqualTo(expected);
        assertThat(page.path("totalCount").asInt()).isEqualTo(whole.size());

        JsonNode last = answersPage(Map.of("last", 1), null);
        assertThat(last.path("edges").get(0).path("node").path("itemPath").asText())
                .isEqualTo(expected.get(expected.size() - 1));
        assertThat(last.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
        assertThat(last.path("pageInfo").path("hasPreviousPage").asBoolean()).isTrue();
        JsonNode before = answersPage(Map.of("last", 100, "before",
                last.path("pageInfo").path("startCursor").asText()), null);
        assertThat(before.path("edges")).hasSize(expected.size() - 1);
        assertThat(before.path("pageInfo").path("hasPreviousPage").asBoolean()).isFalse();

        JsonNode changes = callers.kawasakiReader.data("assessmentDiff", """
                query($id: ID!) { assessmentDiff(id: $id, fromRevision: 1, toRevision: 3) {
                  changesConnection(first: 10) { totalCount edges { node { item { itemId } } } } } }""",
                Map.of("id", id)).path("changesConnection");
        assertThat(changes.path("totalCount").asInt()).isEqualTo(1);
        assertThat(changes.path("edges").get(0).path("node").path("item").path("itemId").asText())
                .isEqualTo("affair.target-population");
        assertThat(callers.kawasakiReader.execute(ANSWERS_PAGE, Map.of("id", id, "after", "bm90LWEtY3Vyc29y"))
                .errors().findValuesAsText("code")).containsExactly("BAD_USER_INPUT");
    }

    private JsonNode answersPage(Map<String, Object> paging, String after) {
        Map<String, Object> variables = new java.util.HashMap<>(paging);
        variables.put("id", id);
        if (after != null) {
            variables.put("after", after);
        }
        return callers.kawasakiReader.data("assessmentAt", ANSWERS_PAGE, variables).path("answersConnection");
    }

    @Test
    void givenAnotherMunicipalityOrARevisionThatNeverWas_whenRead_thenNull() {
        assertThat(callers.asahikawaEditor.data("assessmentAt", AT, Map.of("id", id, "revision", 2)).isNull()).isTrue();
        assertThat(callers.asahikawaEditor.data("assessmentDiff", DIFF, Map.of("id", id, "from", 1, "to", 2)).isNull())
                .isTrue();
        assertThat(callers.kawasakiReader.data("assessmentAt", AT, Map.of("id", id, "revision", 99)).isNull()).isTrue();
    }

    @Test
    void givenBothAMomentAndARevision_whenRead_thenBadUserInput() {
        JsonNode errors = callers.kawasakiReader.execute(AT, Map.of("id", id, "revision", 2,
                "asOf", Instant.now().toString())).errors();

        assertThat(errors.findValuesAsText("code")).contains("BAD_USER_INPUT");
    }

    private void answer(long revision, String choice) {
        assertThat(callers.kawasakiEditor.data("answerItem", Operations.ANSWER, Map.of("id", id, "rev", revision,
                "item", "affair.target-population", "value", Map.of("selection", Map.of("code", choice)))).path("revision").asLong())
                .isEqualTo(revision + 1);
    }

    private static JsonNode population(JsonNode snapshot) {
        for (JsonNode answer : snapshot.path("answers")) {
            if (answer.path("item").path("itemId").asText().equals("affair.target-population")) {
                return answer;
            }
        }
        throw new AssertionError("no 対象人数 in " + snapshot);
    }
}
