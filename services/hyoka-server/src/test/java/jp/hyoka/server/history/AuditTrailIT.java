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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An auditor reads the municipality's whole trail, page by page, in the order things happened: who, which command,
 * which item, before and after, why; and narrows it by user, item, assessment and period.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailIT extends SignedInServerTest {

    private static final String TRAIL = """
            query($first: Int, $after: String, $filter: AuditFilter) {
              auditTrail(first: $first, after: $after, filter: $filter) {
                edges { cursor node { assessmentId assessment { id affairName } municipalityCode revision event command itemId reason
                                      actor { userId displayName } at item { label }
                                      after { ... on ChoiceValue { code } } } }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    private String first;
    private String second;
    private Instant afterFirst;

    @BeforeAll
    void twoEditorsWorkOnTwoAssessments() {
        first = start(callers.kawasakiEditor, "監査1");
        answer(callers.kawasakiEditor, first, 1, "under-1k", "初期入力");
        afterFirst = ClockTicks.nextMillisecond();
        ClockTicks.nextMillisecond();
        second = start(callers.kawasakiEditor2, "監査2");
        answer(callers.kawasakiEditor2, second, 1, "10k-to-100k", "人口の確認");
        answer(callers.kawasakiEditor, first, 2, "1k-to-10k", "再確認");
        String other = start(callers.asahikawaEditor, "他の市");
        answer(callers.asahikawaEditor, other, 1, "under-1k", null);
    }

    @Test
    void givenTheWholeTrail_whenPagedThroughThreeAtATime_thenEveryChangeAppearsOnceInOrderWithItsCommand() {
        List<JsonNode> lines = readAll(Map.of());

        assertThat(lines).hasSize(5);
        assertThat(lines).extracting(line -> line.path("at").asText()).isSorted();
        assertThat(lines).extracting(line -> line.path("municipalityCode").asText()).containsOnly("141305");
        assertThat(lines).extracting(line -> line.path("command").asText())
                .containsExactly("StartAssessment", "AnswerItem", "StartAssessment", "AnswerItem", "AnswerItem");
        assertThat(lines.get(4).path("reason").asText()).isEqualTo("再確認");
        assertThat(lines.get(4).path("item").path("label").asText()).isEqualTo("対象人数");
        assertThat(lines.get(4).path("after").path("code").asText()).isEqualTo("1k-to-10k");
    }

    @Test
    void givenTheTrail_whenEachEntrysAssessmentIsFollowed_thenItIsTheAssessmentItsIdNames() {
        List<JsonNode> lines = readAll(Map.of());

        assertThat(lines).allSatisfy(line -> assertThat(line.path("assessment").path("id").asText())
                .isEqualTo(line.path("assessmentId").asText()));
        assertThat(lines).extracting(line -> line.path("assessment").path("affairName").asText())
                .containsExactly("監査1", "監査1", "監査2", "監査2", "監査1");
    }

    @Test
    void givenFilters_whenRead_thenOnlyTheMatchingChangesAreListed() {
        assertThat(readAll(Map.of("userId", "k-editor-2"))).extracting(line -> line.path("assessmentId").asText())
                .containsOnly(second).hasSize(2);
        assertThat(readAll(Map.of("itemId", "affair.target-population"))).hasSize(3);
        assertThat(readAll(Map.of("assessmentId", first))).extracting(line -> line.path("revision").asInt())
                .containsExactly(1, 2, 3);
        assertThat(readAll(Map.of("from", afterFirst.toString()))).hasSize(3);
        assertThat(readAll(Map.of("to", afterFirst.toString()))).hasSize(2);
    }

    @Test
    void givenAForgedCursorOrAMalformedAssessmentId_whenRead_thenBadUserInput() {
        assertThat(callers.kawasakiReader.execute(TRAIL, Map.of("first", 3, "after", "bm90LWEtY3Vyc29y")).errors()
                .findValuesAsText("code")).contains("BAD_USER_INPUT");
        assertThat(callers.kawasakiReader.execute(TRAIL, Map.of("first", 3, "filter", Map.of("assessmentId", "x")))
                .errors().findValuesAsText("code")).contains("BAD_USER_INPUT");
    }

    private List<JsonNode> readAll(Map<String, Object> filter) {
        List<JsonNode> lines = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>(Map.of("first", 3, "filter", filter));
            variables.put("after", after);
            JsonNode page = callers.kawasakiReader.data("auditTrail", TRAIL, variables);
            page.path("edges").forEach(edge -> lines.add(edge.path("node")));
            after = page.path("pageInfo").path("hasNextPage").asBoolean()
                    ? page.path("pageInfo").path("endCursor").asText() : null;
        } while (after != null);
        return lines;
    }

    private static String start(jp.hyoka.server.support.GraphQlClient editor, String name) {
        return editor.data("startAssessment", Operations.START, Map.of("kind", "KEY_ITEMS", "name", name))
                .path("assessment").path("id").asText();
    }

    private static void answer(jp.hyoka.server.support.GraphQlClient editor, String id, long revision, String choice,
                               String reason) {
        Map<String, Object> variables = new HashMap<>(Map.of("id", id, "rev", revision,
                "item", "affair.target-population", "value", Map.of("selection", Map.of("code", choice))));
        variables.put("reason", reason);
        assertThat(editor.data("answerItem", Operations.ANSWER, variables).path("revision").asLong())
                .isEqualTo(revision + 1);
    }
}
