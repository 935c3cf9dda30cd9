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
                "item", "affair.target-population", "value", Map.of("choice", choice))).path("revision").asLong())
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
