package jp.hyoka.server.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.Paging;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An assessment's deadlines follow its publications: published 2025-04-01 (the assessment itself), corrected
 * 2025-10-01 (事後: the yearly review restarts, the five years do not), re-assessed 2026-02-02 (事前: the five years
 * restart). The municipality's list shows what falls due in a period; another municipality sees none of it. Days are
 * given as asOf, never waited for.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadlinesIT extends SignedInServerTest {

    private static final String PUBLISH = """
            mutation($id: ID!, $rev: Int!, $on: Date!, $explanations: [ChangeExplanationInput!]) {
              publishVersion(input: {assessmentId: $id, expectedRevision: $rev, publishedOn: $on,
                                     explanations: $explanations}) {
                __typename ... on AssessmentEdited { revision } ... on Problem { code message }
              }
            }""";
    private static final String DEADLINES = """
            query($id: ID!, $asOf: Date) {
              assessment(id: $id) { deadlines(asOf: $asOf) { kind label dueOn countedFrom basis status } }
            }""";
    private static final String DUE = """
            query($from: Date!, $to: Date!, $asOf: Date) {
              deadlinesDue(from: $from, to: $to, asOf: $asOf) {
                assessment { id affairName } deadline { kind dueOn status }
              }
            }""";

    private String id;
    private long revision;

    @BeforeAll
    void anAssessmentPublishedCorrectedAndReassessed() {
        id = callers.kawasakiEditor.data("startAssessment", Operations.START,
                Map.of("kind", "KEY_ITEMS", "name", "期限のある事務")).path("assessment").path("id").asText();
        revision = answer(1, "under-1k");
        publish("2025-04-01", null, null);
    }

    @Test
    void givenPublicationsOverTime_whenDeadlinesAreAsked_thenTheReviewFollowsEachAndTheFiveYearsOnlyReassessments() {
        assertThat(deadlines("2025-04-02")).containsExactly(
                "ANNUAL_REVIEW 2026-04-01 from 2025-04-01 UPCOMING",
                "FIVE_YEAR_REASSESSMENT 2030-04-01 from 2025-04-01 UPCOMING");

        nextVersionChangingTo("10k-to-100k");
        publish("2025-10-01", "AFTER", "対象者の増加に伴う修正");
        assertThat(deadlines("2026-08-01")).containsExactly(
                "ANNUAL_REVIEW 2026-10-01 from 2025-10-01 DUE_SOON",
                "FIVE_YEAR_REASSESSMENT 2030-04-01 from 2025-04-01 UPCOMING");

        nextVersionChangingTo("100k-to-300k");
        publish("2026-02-02", "BEFORE", "重要な変更に伴う再評価");
        assertThat(deadlines("2031-01-01")).containsExactly(
                "ANNUAL_REVIEW 2027-02-02 from 2026-02-02 OVERDUE",
                "FIVE_YEAR_REASSESSMENT 2031-02-02 from 2026-02-02 DUE_SOON");
        JsonNode first = callers.kawasakiReader.data("assessment", DEADLINES, Map.of("id", id, "asOf", "2026-03-01"))
                .path("deadlines").get(0);
        assertThat(first.path("label").asText()).contains("1年に1回");
        assertThat(first.path("basis").asText()).contains("最後の公表日");

        JsonNode due = callers.kawasakiEditor.data("deadlinesDue", DUE,
                Map.of("from", "2027-01-01", "to", "2027-12-31", "asOf", "2026-12-01"));
        assertThat(due).anySatisfy(row -> {
            assertThat(row.path("assessment").path("id").asText()).isEqualTo(id);
            assertThat(row.path("deadline").path("kind").asText()).isEqualTo("ANNUAL_REVIEW");
            assertThat(row.path("deadline").path("dueOn").asText()).isEqualTo("2027-02-02");
            assertThat(row.path("deadline").path("status").asText()).isEqualTo("DUE_SOON");
        });
        assertThat(due.findValuesAsText("dueOn")).allMatch(day -> day.startsWith("2027-"));
        assertThat(callers.asahikawaEditor.data("deadlinesDue", DUE, Map.of("from", "2020-01-01",
                "to", "2029-12-31")).findValuesAsText("id")).doesNotContain(id);
        assertConnectionsPageLikeTheLists();
    }

    /** deadlinesConnection and deadlinesDueConnection, paged one at a time both ways, give the lists' rows. */
    private void assertConnectionsPageLikeTheLists() {
        Map<String, Object> period = Map.of("from", "2026-01-01", "to", "2035-12-31", "asOf", "2026-12-01");
        List<String> due = new ArrayList<>();
        callers.kawasakiReader.data("deadlinesDue", DUE, period)
                .forEach(row -> due.add(dueLine(row)));
        Function<Map<String, Object>, JsonNode> duePage = paging -> {
            Map<String, Object> variables = new HashMap<>(paging);
            variables.putAll(period);
            return callers.kawasakiReader.data("deadlinesDueConnection", """
                    query($from: Date!, $to: Date!, $asOf: Date, $first: Int, $after: String, $last: Int, $before: String) {
                      deadlinesDueConnection(from: $from, to: $to, asOf: $asOf, first: $first, after: $after,
                                             last: $last, before: $before) {
                        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                        edges { node { assessment { id affairName } deadline { kind dueOn status } } }
                      }
                    }""", variables);
        };
        List<String> ofOne = deadlines("2026-12-01");
        Function<Map<String, Object>, JsonNode> onePage = paging -> {
            Map<String, Object> variables = new HashMap<>(paging);
            variables.putAll(Map.of("id", id, "asOf", "2026-12-01"));
            return callers.kawasakiReader.data("assessment", """
                    query($id: ID!, $asOf: Date, $first: Int, $after: String, $last: Int, $before: String) {
                      assessment(id: $id) {
                        deadlinesConnection(asOf: $asOf, first: $first, after: $after, last: $last, before: $before) {
                          totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                          edges { node { kind dueOn countedFrom status } }
                        }
                      }
                    }""", variables).path("deadlinesConnection");
        };

        Paging.assertPagesLike(due, duePage, DeadlinesIT::dueLine);
        Paging.assertPagesLike(ofOne, onePage, DeadlinesIT::line);
    }

    private static String dueLine(JsonNode row) {
        return row.path("assessment").path("id").asText() + " " + row.path("deadline").path("kind").asText() + " "
                + row.path("deadline").path("dueOn").asText() + " " + row.path("deadline").path("status").asText();
    }

    @Test
    void givenAnUnpublishedDraft_whenDeadlinesAreAsked_thenThereAreNone() {
        String draft = callers.kawasakiEditor.data("startAssessment", Operations.START,
                Map.of("kind", "KEY_ITEMS", "name", "未公表の事務")).path("assessment").path("id").asText();

        assertThat(callers.kawasakiEditor.data("assessment", DEADLINES, Map.of("id", draft)).path("deadlines"))
                .isEmpty();
    }

    @Test
    void givenAPeriodBackwardsOrTooLong_whenDeadlinesDueAreAsked_thenBadUserInput() {
        for (Map<String, Object> period : List.of(Map.<String, Object>of("from", "2027-01-01", "to", "2026-01-01"),
                Map.<String, Object>of("from", "2020-01-01", "to", "2031-01-02"))) {
            JsonNode errors = callers.kawasakiEditor.execute(DUE, period).errors();
            assertThat(errors.get(0).path("extensions").path("code").asText()).isEqualTo("BAD_USER_INPUT");
        }
    }

    private List<String> deadlines(String asOf) {
        JsonNode deadlines = callers.kawasakiEditor.data("assessment", DEADLINES, Map.of("id", id, "asOf", asOf))
                .path("deadlines");
        return java.util.stream.StreamSupport.stream(deadlines.spliterator(), false).map(DeadlinesIT::line).toList();
    }

    private static String line(JsonNode deadline) {
        return deadline.path("kind").asText() + " " + deadline.path("dueOn").asText() + " from "
                + deadline.path("countedFrom").asText() + " " + deadline.path("status").asText();
    }

    private void nextVersionChangingTo(String choice) {
        revision = callers.kawasakiEditor.data("startNextVersion", Operations.NEXT_VERSION,
                Map.of("id", id, "rev", revision))
                .path("revision").asLong();
        revision = answer(revision, choice);
    }

    private void publish(String on, String timing, String explanation) {
        Map<String, Object> variables = new java.util.HashMap<>(Map.of("id", id, "rev", revision, "on", on));
        if (timing != null) {
            variables.put("explanations", List.of(Map.of("itemId", "affair.target-population", "timing", timing,
                    "explanation", explanation)));
        }
        JsonNode published = callers.kawasakiApprover.data("publishVersion", PUBLISH, variables);
        assertThat(published.path("__typename").asText()).as(published.toString()).isEqualTo("AssessmentEdited");
        revision = published.path("revision").asLong();
    }

    private long answer(long at, String choice) {
        return callers.kawasakiEditor.data("answerItem", Operations.ANSWER, Map.of("id", id, "rev", at,
                "item", "affair.target-population", "value", Map.of("selection", Map.of("code", choice)))).path("revision").asLong();
    }
}
