package jp.hyoka.server.editing;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static jp.hyoka.server.support.FormOperations.ADD_ENTRY;
import static jp.hyoka.server.support.FormOperations.ANSWER_IN;
import static jp.hyoka.server.support.FormOperations.DOCUMENT;
import static jp.hyoka.server.support.FormOperations.MOVE_ENTRY;
import static jp.hyoka.server.support.FormOperations.REMOVE_ENTRY;
import static jp.hyoka.server.support.FormOperations.START_ON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * システムN, 特定個人情報ファイル and 委託事項N through the API: entries are added, answered, reordered and removed,
 * and the document lists answers in print order with the entries they sit in.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepeatingGroupsIT extends SignedInServerTest {

    private String id;
    private int revision;

    @BeforeEach
    void startKeyItemsAssessment() {
        id = callers.kawasakiEditor.data("startAssessment", START_ON, Map.of("kind", "KEY_ITEMS", "name", "介護保険関係事務"))
                .path("assessment").path("id").asText();
        revision = 1;
    }

    @Test
    void givenTwoSystems_whenAnsweredAndReordered_thenTheDocumentPrintsThemInTheNewOrder() {
        String first = add("system", List.of(), null);
        String second = add("system", List.of(), null);
        answer("system.name", List.of(first), Map.of("text", "GPRIME介護保険システム"));
        answer("system.name", List.of(second), Map.of("text", "中間サーバー"));
        answer("system.connections", List.of(second), Map.of("choices", List.of(
                Map.of("code", "other", "text", "団体内統合宛名システム"), Map.of("code", "network-system"))));

        edit("moveRepeatEntry", MOVE_ENTRY, Map.of("group", "system", "entry", second, "to", 0));
        JsonNode answers = document().path("answers");

        JsonNode systemNames = filter(answers, "system.name");
        assertThat(systemNames.get(0).path("value").path("text").asText()).isEqualTo("中間サーバー");
        assertThat(systemNames.get(0).path("entries").get(0).path("label").asText()).isEqualTo("システム1");
        assertThat(systemNames.get(1).path("entries").get(0).path("label").asText()).isEqualTo("システム2");
        JsonNode connections = filter(answers, "system.connections").get(0).path("value").path("selections");
        assertThat(connections.findValuesAsText("code")).containsExactly("network-system", "other");
        assertThat(connections.get(1).path("detail").asText()).isEqualTo("団体内統合宛名システム");
    }

    @Test
    void givenAFileWithAConsignment_whenTheFileIsRemoved_thenItsAnswersAndNestedEntriesAreGone() {
        String file = add("file", List.of(), null);
        String consignment = add("file.consignment", List.of(file), null);
        answer("file.name", List.of(file), Map.of("text", "介護保険関係情報ファイル"));
        answer("file.consignment.content", List.of(file, consignment), Map.of("richText", "<p>運用業務</p>"));
        answer("file.consigning", List.of(file), Map.of("selection", Map.of("code", "consigning", "count", 1)));

        assertThat(filter(document().path("answers"), "file.consignment.content").get(0).path("entries")
                .findValuesAsText("label")).containsExactly("特定個人情報ファイル1", "委託事項1");
        edit("removeRepeatEntry", REMOVE_ENTRY, Map.of("group", "file", "entry", file));

        JsonNode document = document();
        assertThat(document.path("repeatEntries").size()).isZero();
        assertThat(document.path("answers").findValuesAsText("itemId")).containsExactly("affair.name");
    }

    @Test
    void givenMissingOrWrongEntries_whenAnswered_thenUnknownRepeatEntryAndNothingStored() {
        String file = add("file", List.of(), null);

        assertThat(answerRaw("system.name", List.of(), Map.of("text", "x")).path("__typename").asText())
                .isEqualTo("UnknownRepeatEntry");
        assertThat(answerRaw("file.name", List.of("no-such-entry"), Map.of("text", "x")).path("__typename").asText())
                .isEqualTo("UnknownRepeatEntry");
        assertThat(answerRaw("affair.description", List.of(file), Map.of("richText", "<p>x</p>")).path("code").asText())
                .isEqualTo("INVALID_INPUT");
        assertThat(document().path("revision").asInt()).isEqualTo(revision);
    }

    @Test
    void givenTwentySystems_whenATwentyFirstIsAdded_thenRepeatLimitReached() {
        for (int i = 0; i < 20; i++) {
            add("system", List.of(), null);
        }
        JsonNode refused = callers.kawasakiEditor.data("addRepeatEntry", ADD_ENTRY,
                new HashMap<>(Map.of("id", id, "rev", revision, "group", "system")));

        assertThat(refused.path("__typename").asText()).isEqualTo("RepeatLimitReached");
        assertThat(refused.path("max").asInt()).isEqualTo(20);
        assertThat(callers.kawasakiEditor.data("addRepeatEntry", ADD_ENTRY,
                new HashMap<>(Map.of("id", id, "rev", revision, "group", "no-such-group"))).path("__typename").asText())
                .isEqualTo("UnknownRepeatGroup");
    }

    private String add(String group, List<String> parents, Integer position) {
        Map<String, Object> variables = new HashMap<>(Map.of("id", id, "rev", revision, "group", group, "parents", parents));
        variables.put("position", position);
        JsonNode added = callers.kawasakiEditor.data("addRepeatEntry", ADD_ENTRY, variables);
        assertThat(added.path("__typename").asText()).as(added.toString()).isEqualTo("AssessmentEdited");
        revision = added.path("revision").asInt();
        return added.path("addedEntryId").asText();
    }

    private void answer(String item, List<String> entries, Map<String, Object> value) {
        JsonNode result = answerRaw(item, entries, value);
        assertThat(result.path("__typename").asText()).as(result.toString()).isEqualTo("AssessmentEdited");
        revision = result.path("revision").asInt();
    }

    private JsonNode answerRaw(String item, List<String> entries, Map<String, Object> value) {
        return callers.kawasakiEditor.data("answerItem", ANSWER_IN,
                new HashMap<>(Map.of("id", id, "rev", revision, "item", item, "entries", entries, "value", value)));
    }

    private void edit(String mutation, String operation, Map<String, Object> arguments) {
        Map<String, Object> variables = new HashMap<>(arguments);
        variables.put("id", id);
        variables.put("rev", revision);
        JsonNode result = callers.kawasakiEditor.data(mutation, operation, variables);
        assertThat(result.path("__typename").asText()).as(result.toString()).isEqualTo("AssessmentEdited");
        revision = result.path("revision").asInt();
    }

    private JsonNode document() {
        return callers.kawasakiEditor.data("assessment", DOCUMENT, Map.of("id", id));
    }

    private static JsonNode filter(JsonNode answers, String itemId) {
        var matches = new com.fasterxml.jackson.databind.node.ArrayNode(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance);
        answers.forEach(answer -> {
            if (answer.path("item").path("itemId").asText().equals(itemId)) {
                matches.add(answer);
            }
        });
        return matches;
    }
}
