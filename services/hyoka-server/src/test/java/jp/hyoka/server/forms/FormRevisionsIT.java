package jp.hyoka.server.forms;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static jp.hyoka.server.support.FormOperations.ADD_ENTRY;
import static jp.hyoka.server.support.FormOperations.ANSWER_IN;
import static jp.hyoka.server.support.FormOperations.DOCUMENT;
import static jp.hyoka.server.support.FormOperations.MIGRATE;
import static jp.hyoka.server.support.FormOperations.START_ON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Form revisions and typed values through the API: an assessment stays on its revision until it is migrated (4情報
 * → 5情報), and dates, counts and choices are checked against the item before anything is stored.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormRevisionsIT extends SignedInServerTest {

    @Test
    void givenAnAssessmentOnThe4JohoRevision_whenMigrated_thenItsAnswerIsMappedTo5JohoAndTheChangesAreReported() {
        String id = start("KEY_ITEMS", "2024");
        String file = callers.kawasakiEditor.data("addRepeatEntry", ADD_ENTRY,
                new HashMap<>(Map.of("id", id, "rev", 1, "group", "file"))).path("addedEntryId").asText();
        answer(id, 2, "file.basics.main-record-items", List.of(file),
                Map.of("choices", List.of(Map.of("code", "personal-number"), Map.of("code", "basic-4-info"))));

        JsonNode migrated = callers.kawasakiEditor.data("migrateFormRevision", MIGRATE,
                Map.of("id", id, "rev", 3, "version", "2025"));

        assertThat(migrated.path("__typename").asText()).as(migrated.toString()).isEqualTo("AssessmentEdited");
        assertThat(migrated.path("assessment").path("form").path("version").asText()).isEqualTo("2025");
        JsonNode mapped = migrated.path("formChanges").get(0);
        assertThat(mapped.path("kind").asText()).isEqualTo("ANSWER_MAPPED");
        assertThat(mapped.path("entryIds").get(0).asText()).isEqualTo(file);
        assertThat(mapped.path("after").path("selections").findValuesAsText("code"))
                .containsExactly("personal-number", "basic-5-info");
        assertThat(mapped.path("after").path("selections").get(1).path("label").asText()).startsWith("5情報");
        assertThat(answer(id, 4, "file.basics.main-record-items", List.of(file),
                Map.of("choices", List.of(Map.of("code", "basic-4-info")))).path("__typename").asText())
                .isEqualTo("OptionNotAllowed");
    }

    @Test
    void givenADateIn和暦_whenAnswered_thenStoredAsIsoAndPrintedIn和暦With元年() {
        String id = start("KEY_ITEMS", null);
        answer(id, 1, "cover.published-on", List.of(), Map.of("date", "令和元年5月1日"));

        JsonNode date = callers.kawasakiEditor.data("assessment", DOCUMENT, Map.of("id", id)).path("answers").get(0)
                .path("value");

        assertThat(date.path("date").asText()).isEqualTo("2019-05-01");
        assertThat(date.path("wareki").asText()).isEqualTo("令和元年5月1日");
    }

    @Test
    void givenBadValuesOfTheNewItemTypes_whenAnswered_thenEachGetsItsTypedProblemAndNothingIsStored() {
        String id = start("KEY_ITEMS", null);
        String file = callers.kawasakiEditor.data("addRepeatEntry", ADD_ENTRY,
                new HashMap<>(Map.of("id", id, "rev", 1, "group", "file"))).path("addedEntryId").asText();

        assertThat(answer(id, 2, "cover.published-on", List.of(), Map.of("date", "令和7年2月29日"))
                .path("__typename").asText()).isEqualTo("InvalidDate");
        assertThat(answer(id, 2, "cover.published-on", List.of(), Map.of("date", "1025-03-27"))
                .path("__typename").asText()).as("a typo for 2025, before 和暦 can print").isEqualTo("InvalidDate");
        assertThat(answer(id, 2, "file.consigning", List.of(file), Map.of("selection", Map.of("code", "consigning", "count", -1)))
                .path("__typename").asText()).isEqualTo("NumberOutOfRange");
        assertThat(answer(id, 2, "file.consigning", List.of(file), Map.of("selection", Map.of("code", "not-consigning", "count", 2)))
                .path("code").asText()).isEqualTo("INVALID_INPUT");
        assertThat(answer(id, 2, "file.basics.main-record-items", List.of(file),
                Map.of("choices", List.of(Map.of("code", "personal-number", "text", "自由記述"))))
                .path("code").asText()).isEqualTo("INVALID_INPUT");
        assertThat(callers.kawasakiEditor.data("assessment", DOCUMENT, Map.of("id", id)).path("revision").asInt())
                .isEqualTo(2);
    }

    @Test
    void givenAnAllItemsAssessment_whenAnItemOnlyTheKeyItemsFormHasIsAnswered_thenUnknownItem() {
        String id = start("ALL_ITEMS", null);
        String file = callers.kawasakiEditor.data("addRepeatEntry", ADD_ENTRY,
                new HashMap<>(Map.of("id", id, "rev", 1, "group", "file"))).path("addedEntryId").asText();

        assertThat(answer(id, 2, "file.risk.audit.kinds", List.of(file),
                Map.of("choices", List.of(Map.of("code", "self-inspection")))).path("__typename").asText())
                .isEqualTo("UnknownItem");
    }

    @Test
    void givenAnUnknownRevision_whenStartedOnIt_thenUnknownForm() {
        Map<String, Object> variables = new HashMap<>(Map.of("kind", "KEY_ITEMS", "name", "事務"));
        variables.put("version", "1999");
        assertThat(callers.kawasakiEditor.data("startAssessment", START_ON, variables).path("__typename").asText())
                .isEqualTo("UnknownForm");
    }

    private String start(String kind, String version) {
        Map<String, Object> variables = new HashMap<>(Map.of("kind", kind, "name", "介護保険関係事務"));
        variables.put("version", version);
        return callers.kawasakiEditor.data("startAssessment", START_ON, variables).path("assessment").path("id").asText();
    }

    private JsonNode answer(String id, int revision, String item, List<String> entries, Map<String, Object> value) {
        return callers.kawasakiEditor.data("answerItem", ANSWER_IN,
                new HashMap<>(Map.of("id", id, "rev", revision, "item", item, "entries", entries, "value", value)));
    }
}
