package jp.hyoka.server.forms;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static jp.hyoka.server.support.FormOperations.ADD_ENTRY;
import static jp.hyoka.server.support.FormOperations.ANSWER_IN;
import static jp.hyoka.server.support.FormOperations.COMPLETENESS;
import static jp.hyoka.server.support.FormOperations.START_ON;
import static org.assertj.core.api.Assertions.assertThat;

/** A front end renders any form from the API alone, and asks what is still unanswered. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormDefinitionsIT extends SignedInServerTest {

    private static final String FORM = """
            query($kind: FormKind!, $version: String) {
              form(kind: $kind, version: $version) {
                kind version title current
                repeatGroups { groupId label min max parent { groupId } }
                sections { sectionId number label repeat { groupId }
                  blocks { blockId number label headings repeat { groupId }
                    items { itemId number label type importantChange maxLength heading help repeatGroup { groupId }
                            options { code label freeText count } } } }
              }
            }""";

    @Test
    void givenTheKeyItemsForm_whenQueried_thenItCarriesEverythingAGenericRendererNeeds() {
        JsonNode form = callers.kawasakiEditor.data("form", FORM, Map.of("kind", "KEY_ITEMS"));

        assertThat(form.path("version").asText()).isEqualTo("2025");
        assertThat(form.path("current").asBoolean()).isTrue();
        JsonNode consignment = group(form, "file.consignment");
        assertThat(consignment.path("max").asInt()).isEqualTo(20);
        assertThat(consignment.path("parent").path("groupId").asText()).isEqualTo("file");
        JsonNode sources = item(form, "file.acquisition.sources");
        assertThat(sources.path("type").asText()).isEqualTo("MULTIPLE_CHOICE");
        assertThat(sources.path("importantChange").asBoolean()).isTrue();
        assertThat(sources.path("repeatGroup").path("groupId").asText()).isEqualTo("file");
        assertThat(sources.path("options").findValuesAsText("code")).contains("other-department", "other");
        assertThat(item(form, "file.consigning").path("options").get(0).path("count").asBoolean()).isTrue();
        assertThat(item(form, "file.usage.departments").path("heading").asText()).isEqualTo("④使用の主体");
        assertThat(item(form, "affair.target-population").path("importantChange").asBoolean()).isFalse();
    }

    @Test
    void givenThePreviousRevision_whenQueried_thenItIsNotCurrentAndHas4Joho() {
        JsonNode form = callers.kawasakiEditor.data("form", FORM, Map.of("kind", "KEY_ITEMS", "version", "2024"));

        assertThat(form.path("current").asBoolean()).isFalse();
        assertThat(item(form, "file.basics.main-record-items").path("options").findValuesAsText("code"))
                .contains("basic-4-info").doesNotContain("basic-5-info");
    }

    @Test
    void givenOneItemIdInTwoRevisionsAndTwoKinds_whenQueried_thenItsGlobalIdsDifferAndItsItemIdIsTheSame() {
        String query = """
                query($kind: FormKind!, $version: String) { form(kind: $kind, version: $version) {
                  repeatGroups { id groupId } sections { id sectionId blocks { id blockId items { id itemId } } } } }""";
        List<JsonNode> forms = List.of(
                callers.kawasakiEditor.data("form", query, Map.of("kind", "KEY_ITEMS", "version", "2024")),
                callers.kawasakiEditor.data("form", query, Map.of("kind", "KEY_ITEMS", "version", "2025")),
                callers.kawasakiEditor.data("form", query, Map.of("kind", "ALL_ITEMS")));

        List<String> names = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (JsonNode form : forms) {
            JsonNode item = item(form, "affair.name");
            names.add(item.path("itemId").asText());
            ids.add(item.path("id").asText());
            ids.add(group(form, "file").path("id").asText());
            ids.add(form.path("sections").get(0).path("id").asText());
            ids.add(form.path("sections").get(0).path("blocks").get(0).path("id").asText());
        }

        assertThat(names).containsOnly("affair.name");
        assertThat(ids).doesNotHaveDuplicates().hasSize(12);
    }

    @Test
    void givenAFreshAssessment_whenCompletenessIsAsked_thenMissingSystemsAndFilesAndUnansweredItemsAreListed() {
        String id = callers.kawasakiEditor.data("startAssessment", START_ON, Map.of("kind", "KEY_ITEMS", "name", "事務"))
                .path("assessment").path("id").asText();
        JsonNode before = completeness(id);
        String file = callers.kawasakiEditor.data("addRepeatEntry", ADD_ENTRY,
                new HashMap<>(Map.of("id", id, "rev", 1, "group", "file"))).path("addedEntryId").asText();
        callers.kawasakiEditor.data("answerItem", ANSWER_IN, new HashMap<>(Map.of("id", id, "rev", 2,
                "item", "file.name", "entries", java.util.List.of(file), "value", Map.of("text", "介護保険関係情報ファイル"))));
        JsonNode after = completeness(id);

        assertThat(before.path("complete").asBoolean()).isFalse();
        assertThat(missingGroups(before)).contains("system", "file");
        assertThat(missingGroups(after)).contains("system").doesNotContain("file");
        JsonNode fileGaps = after.path("gaps").findParents("entries").stream()
                .filter(gap -> gap.path("entries").size() == 1 && gap.path("group").isNull()).findFirst().orElseThrow();
        assertThat(fileGaps.path("entries").get(0).path("label").asText()).isEqualTo("特定個人情報ファイル1");
        assertThat(after.toString()).doesNotContain("\"id\":\"file.name\"");
        assertThat(after.path("unansweredCount").asInt()).isGreaterThan(before.path("unansweredCount").asInt());
    }

    private JsonNode completeness(String id) {
        return callers.kawasakiEditor.data("assessment", COMPLETENESS, Map.of("id", id)).path("completeness");
    }

    private static java.util.List<String> missingGroups(JsonNode completeness) {
        java.util.List<String> groups = new java.util.ArrayList<>();
        completeness.path("gaps").forEach(gap -> {
            if (!gap.path("group").isNull()) {
                groups.add(gap.path("group").path("groupId").asText());
            }
        });
        return groups;
    }

    private static JsonNode group(JsonNode form, String id) {
        for (JsonNode group : form.path("repeatGroups")) {
            if (group.path("groupId").asText().equals(id)) {
                return group;
            }
        }
        throw new AssertionError("no group " + id);
    }

    private static JsonNode item(JsonNode form, String id) {
        for (JsonNode section : form.path("sections")) {
            for (JsonNode block : section.path("blocks")) {
                for (JsonNode item : block.path("items")) {
                    if (item.path("itemId").asText().equals(id)) {
                        return item;
                    }
                }
            }
        }
        throw new AssertionError("no item " + id);
    }
}
