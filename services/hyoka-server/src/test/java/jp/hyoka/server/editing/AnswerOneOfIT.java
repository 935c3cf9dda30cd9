package jp.hyoka.server.editing;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.server.support.GraphQlClient;
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

import static jp.hyoka.server.support.FormOperations.ADD_ENTRY;
import static jp.hyoka.server.support.FormOperations.ANSWER_IN;
import static jp.hyoka.server.support.FormOperations.DOCUMENT;
import static jp.hyoka.server.support.FormOperations.START_ON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * AnswerInput is {@code @oneOf}: a SINGLE_CHOICE answer is one {@code selection} (code, text, count), a
 * MULTIPLE_CHOICE answer is {@code choices}; two members set, or one set to null, is a request error that graphql-java
 * raises before the mutation runs, so nothing is stored.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnswerOneOfIT extends SignedInServerTest {

    /** The same mutation with the value written in the document instead of passed as a variable. */
    private static final String LITERAL = """
            mutation($id: ID!, $rev: Int!, $entry: ID!) {
              answerItem(input: {assessmentId: $id, expectedRevision: $rev, itemId: "file.consigning",
                                 entryIds: [$entry], value: %s}) {
                __typename
              }
            }""";

    @Inject
    DataSource dataSource;

    private String id;
    private String file;
    private int revision;
    private long eventsBefore;

    @BeforeEach
    void startKeyItemsAssessmentWithAFile() throws SQLException {
        JsonNode started = client().data("startAssessment", START_ON, Map.of("kind", "KEY_ITEMS", "name", "介護保険関係事務"));
        id = started.path("assessment").path("id").asText();
        JsonNode added = client().data("addRepeatEntry", ADD_ENTRY,
                new HashMap<>(Map.of("id", id, "rev", 1, "group", "file", "parents", List.of())));
        file = added.path("addedEntryId").asText();
        revision = added.path("revision").asInt();
        eventsBefore = events();
    }

    @Test
    void givenSingleChoiceWithCount_whenAnsweredAsSelection_thenTheOptionAndCountAreStored() {
        JsonNode result = answer("file.consigning", Map.of("selection", Map.of("code", "consigning", "count", 3)));

        assertThat(result.path("__typename").asText()).as(result.toString()).isEqualTo("AssessmentEdited");
        JsonNode value = answerOf("file.consigning").path("value");
        assertThat(value.path("__typename").asText()).isEqualTo("ChoiceValue");
        assertThat(value.path("code").asText()).isEqualTo("consigning");
        assertThat(value.path("count").asInt()).isEqualTo(3);
    }

    @Test
    void givenSelectionTextForAnOptionWithoutFreeText_whenAnswered_thenInvalidInputAndNothingStored()
            throws SQLException {
        JsonNode result = answer("file.consigning",
                Map.of("selection", Map.of("code", "not-consigning", "text", "理由")));

        assertThat(result.path("__typename").asText()).as(result.toString()).isEqualTo("InvalidInput");
        assertThat(result.path("message").asText()).contains("takes no free text");
        assertThat(events()).isEqualTo(eventsBefore);
    }

    @Test
    void givenMultipleChoiceWithFreeText_whenAnsweredAsChoices_thenEverySelectionIsStored() {
        JsonNode result = answer("file.acquisition.sources", Map.of("choices", List.of(
                Map.of("code", "self-or-agent"), Map.of("code", "other-department", "text", "税務課"))));

        assertThat(result.path("__typename").asText()).as(result.toString()).isEqualTo("AssessmentEdited");
        JsonNode selections = answerOf("file.acquisition.sources").path("value").path("selections");
        assertThat(selections.findValuesAsText("code")).containsExactly("self-or-agent", "other-department");
        assertThat(selections.get(1).path("detail").asText()).isEqualTo("税務課");
    }

    @Test
    void givenTwoMembersInVariables_whenAnswer_thenRequestErrorAndNothingStored() throws SQLException {
        assertRefused(client().execute(ANSWER_IN, variables("file.consigning",
                Map.of("text", "委託する", "selection", Map.of("code", "consigning")))));
    }

    @Test
    void givenTwoMembersInTheDocument_whenAnswer_thenRequestErrorAndNothingStored() throws SQLException {
        assertRefused(literal("{text: \"委託する\", selection: {code: \"consigning\"}}"));
    }

    @Test
    void givenExplicitNullMemberInVariables_whenAnswer_thenRequestErrorAndNothingStored() throws SQLException {
        Map<String, Object> value = new HashMap<>();
        value.put("selection", null);
        assertRefused(client().execute(ANSWER_IN, variables("file.consigning", value)));
    }

    @Test
    void givenExplicitNullMemberInTheDocument_whenAnswer_thenRequestErrorAndNothingStored() throws SQLException {
        assertRefused(literal("{selection: null}"));
    }

    @Test
    void givenNoMember_whenAnswer_thenRequestErrorAndNothingStored() throws SQLException {
        assertRefused(literal("{}"));
    }

    private void assertRefused(GraphQlClient.Response response) throws SQLException {
        assertThat(response.data().path("answerItem").isMissingNode() || response.data().path("answerItem").isNull())
                .as(response.body().toString()).isTrue();
        assertThat(response.errors().path(0).path("extensions").path("classification").asText())
                .as(response.body().toString()).isEqualTo("ValidationError");
        assertThat(response.errors().path(0).path("message").asText()).contains("AnswerInput");
        assertThat(events()).as("events stored").isEqualTo(eventsBefore);
        assertThat(document().path("revision").asInt()).isEqualTo(revision);
        assertThat(answerOf("file.consigning").isMissingNode()).isTrue();
    }

    private GraphQlClient.Response literal(String value) {
        return client().execute(LITERAL.formatted(value), Map.of("id", id, "rev", revision, "entry", file));
    }

    private JsonNode answer(String item, Map<String, Object> value) {
        return client().data("answerItem", ANSWER_IN, variables(item, value));
    }

    private Map<String, Object> variables(String item, Map<String, Object> value) {
        Map<String, Object> variables = new HashMap<>(Map.of("id", id, "rev", revision, "item", item,
                "entries", List.of(file)));
        variables.put("value", value);
        return variables;
    }

    private GraphQlClient client() {
        return callers.kawasakiEditor;
    }

    private JsonNode document() {
        return client().data("assessment", DOCUMENT, Map.of("id", id));
    }

    private JsonNode answerOf(String itemId) {
        for (JsonNode answer : document().path("answers")) {
            if (answer.path("item").path("itemId").asText().equals(itemId)) {
                return answer;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private long events() throws SQLException {
        return ReadModelSnapshot.count(dataSource, "SELECT count(*) FROM domainevententry");
    }
}
