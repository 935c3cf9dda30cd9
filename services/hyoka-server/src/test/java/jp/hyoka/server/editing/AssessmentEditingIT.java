package jp.hyoka.server.editing;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

import static jp.hyoka.server.support.Operations.ANSWER;
import static jp.hyoka.server.support.Operations.CLEAR;
import static jp.hyoka.server.support.Operations.DOCUMENT;
import static jp.hyoka.server.support.Operations.HISTORY;
import static jp.hyoka.server.support.Operations.START;
import static org.assertj.core.api.Assertions.assertThat;

/** A municipality's editor writes a 評価書 through the real server: HTTP, GraphQL, Axon, PostgreSQL. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessmentEditingIT extends SignedInServerTest {


    @Test
    void givenEditor_whenStartAssessment_thenTheDocumentIsReadableRightAway() {
        JsonNode started = start("後期高齢者医療に関する事務");
        String id = started.path("assessment").path("id").asText();

        JsonNode document = callers.kawasakiEditor.data("assessment", DOCUMENT, Map.of("id", id));

        assertThat(started.path("__typename").asText()).isEqualTo("AssessmentEdited");
        assertThat(started.path("assessment").path("form").path("kind").asText()).isEqualTo("KEY_ITEMS");
        assertThat(document.path("revision").asInt()).isEqualTo(1);
        assertThat(document.path("affairName").asText()).isEqualTo("後期高齢者医療に関する事務");
        assertThat(document.path("createdBy").path("displayName").asText()).isEqualTo("川崎 一郎");
        assertThat(document.path("answers").get(0).path("item").path("itemId").asText()).isEqualTo("affair.name");
    }

    @Test
    void givenAssessment_whenAnswerItems_thenDocumentShowsThemInFormOrderWithLabels() {
        String id = start("国民健康保険に関する事務").path("assessment").path("id").asText();
        answer(id, 1, "department.name", Map.of("text", "健康福祉局 保険年金課"), null);
        answer(id, 2, "affair.target-population", Map.of("selection", Map.of("code", "100k-to-300k")), null);
        answer(id, 3, "cover.published-on", Map.of("date", "2025-03-27"), null);

        JsonNode answers = callers.kawasakiEditor.data("assessment", DOCUMENT, Map.of("id", id)).path("answers");

        assertThat(answers.findValuesAsText("itemId")).containsExactly(
                "cover.published-on", "affair.name", "affair.target-population", "department.name");
        assertThat(answers.get(2).path("value").path("label").asText()).isEqualTo("10万人以上30万人未満");
        assertThat(answers.get(2).path("item").path("number").asText()).isEqualTo("I 1 ③");
        assertThat(answers.get(0).path("value").path("date").asText()).isEqualTo("2025-03-27");
    }

    @Test
    void givenAnswers_whenHistoryIsRead_thenEveryEventHasActorTimeItemAndOldAndNewValue() {
        String id = start("児童手当に関する事務").path("assessment").path("id").asText();
        answer(id, 1, "department.name", Map.of("text", "こども未来局"), "組織改正");
        answer(id, 2, "department.name", Map.of("text", "こども家庭局"), "名称変更");
        callers.kawasakiEditor.data("clearAnswer", CLEAR, Map.of("id", id, "rev", 3, "item", "department.name"));

        JsonNode edges = callers.kawasakiEditor.data("assessment", HISTORY, Map.of("id", id, "first", 10))
                .path("history").path("edges");

        assertThat(edges.findValuesAsText("event")).containsExactly(
                "AssessmentStarted", "ItemAnswered", "ItemAnswered", "ItemAnswerCleared");
        JsonNode renamed = edges.get(2).path("node");
        assertThat(renamed.path("before").path("text").asText()).isEqualTo("こども未来局");
        assertThat(renamed.path("after").path("text").asText()).isEqualTo("こども家庭局");
        assertThat(renamed.path("reason").asText()).isEqualTo("名称変更");
        assertThat(renamed.path("actor").path("userId").asText()).isEqualTo("k-editor");
        assertThat(renamed.path("at").asText()).isNotBlank();
        assertThat(edges.get(3).path("node").path("after").isNull()).isTrue();
    }

    @Test
    void givenHistory_whenPagedTwoAtATime_thenEveryEntryComesOnceInOrder() {
        String id = start("生活保護に関する事務").path("assessment").path("id").asText();
        for (int revision = 1; revision <= 4; revision++) {
            answer(id, revision, "department.head-title", Map.of("text", "課長" + revision), null);
        }
        JsonNode first = callers.kawasakiEditor.data("assessment", HISTORY, Map.of("id", id, "first", 2)).path("history");
        Map<String, Object> next = new HashMap<>(Map.of("id", id, "first", 2));
        next.put("after", first.path("pageInfo").path("endCursor").asText());
        JsonNode second = callers.kawasakiEditor.data("assessment", HISTORY, next).path("history");
        next.put("after", second.path("pageInfo").path("endCursor").asText());
        JsonNode third = callers.kawasakiEditor.data("assessment", HISTORY, next).path("history");

        assertThat(first.path("edges").findValuesAsText("revision")).containsExactly("1", "2");
        assertThat(second.path("edges").findValuesAsText("revision")).containsExactly("3", "4");
        assertThat(third.path("edges").findValuesAsText("revision")).containsExactly("5");
        assertThat(third.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
    }

    @Test
    void givenRichTextWithScriptAndHandlers_whenAnswered_thenOnlyTheSafeSubsetIsStored() {
        String id = start("住民基本台帳に関する事務").path("assessment").path("id").asText();
        answer(id, 1, "affair.description", Map.of("richText",
                "<p onclick=\"steal()\">窓口で<script>alert(1)</script>受付</p><a href=\"javascript:x()\">リンク</a>"
                        + "<table><tr><td>表</td></tr></table>"), null);

        JsonNode value = callers.kawasakiEditor.data("assessment", DOCUMENT, Map.of("id", id))
                .path("answers").get(1).path("value");

        assertThat(value.path("html").asText())
                .isEqualTo("<p>窓口で受付</p>リンク<table><tbody><tr><td>表</td></tr></tbody></table>");
        assertThat(value.path("plainText").asText()).isEqualTo("窓口で受付 リンク 表");
    }

    private JsonNode start(String affairName) {
        return callers.kawasakiEditor.data("startAssessment", START, Map.of("kind", "KEY_ITEMS", "name", affairName));
    }

    private JsonNode answer(String id, int revision, String item, Map<String, Object> value, String reason) {
        Map<String, Object> variables = new HashMap<>(Map.of("id", id, "rev", revision, "item", item, "value", value));
        variables.put("reason", reason);
        JsonNode result = callers.kawasakiEditor.data("answerItem", ANSWER, variables);
        assertThat(result.path("__typename").asText()).as(result.toString()).isEqualTo("AssessmentEdited");
        return result;
    }
}
