package jp.hyoka.server.publication;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publication cycle end to end: an editor drafts, an approver publishes, the published version is frozen, the
 * next version's net changes are listed, explained and published as 変更箇所 rows, in the annex and its export.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicationIT extends SignedInServerTest {

    private static final String PUBLISH = """
            mutation($id: ID!, $rev: Int!, $on: Date!, $explanations: [ChangeExplanationInput!]) {
              publishVersion(input: {assessmentId: $id, expectedRevision: $rev, publishedOn: $on,
                                     explanations: $explanations}) {
                __typename
                ... on AssessmentEdited { revision assessment { version status publishedOn } }
                ... on Problem { code message }
                ... on ExplanationRequired { changes }
              }
            }""";
    private static final String NEXT = """
            mutation($id: ID!, $rev: Int!) {
              startNextVersion(input: {assessmentId: $id, expectedRevision: $rev}) {
                __typename ... on AssessmentEdited { revision assessment { version status } } ... on Problem { code }
              }
            }""";
    private static final String STATE = """
            query($id: ID!) {
              assessment(id: $id) {
                revision version status publishedOn
                pendingChanges { item { itemId } itemPath before after defaultTiming }
                pastChanges { sourceName changedOn itemId itemPath before { kind text } after { kind text }
                              timing explanation reasonCode }
                history(first: 100) { edges { node { event actor { userId } } } }
              }
            }""";

    private GraphQlClient approver;
    private String id;

    @BeforeAll
    void anApproverOfKawasaki() {
        approver = new GraphQlClient(server.getURI(), issuer.issue("k-approver", "川崎 承認", Callers.KAWASAKI,
                List.of("approver")));
        JsonNode started = callers.kawasakiEditor.data("startAssessment", Operations.START,
                Map.of("kind", "KEY_ITEMS", "name", "公表の流れ"));
        id = started.path("assessment").path("id").asText();
        assertThat(answer(1, "affair.target-population", Map.of("selection", Map.of("code", "under-1k"))).path("revision").asInt())
                .isEqualTo(2);
    }

    @Test
    void givenADraft_whenPublishedEditedAndPublishedAgain_thenTheNetChangeIsTheNewAnnexRow() {
        JsonNode first = approver.data("publishVersion", PUBLISH, Map.of("id", id, "rev", 2, "on", "2025-04-01"));
        assertThat(first.path("assessment").path("status").asText()).as(first.toString()).isEqualTo("PUBLISHED");
        assertThat(first.path("assessment").path("publishedOn").asText()).isEqualTo("2025-04-01");
        long revision = first.path("revision").asLong();

        JsonNode frozen = answer(revision, "affair.target-population", Map.of("selection", Map.of("code", "10k-to-100k")));
        assertThat(frozen.path("code").asText()).isEqualTo("VERSION_PUBLISHED");

        JsonNode next = callers.kawasakiEditor.data("startNextVersion", NEXT, Map.of("id", id, "rev", revision));
        assertThat(next.path("assessment").path("version").asInt()).isEqualTo(2);
        revision = next.path("revision").asLong();
        revision = answer(revision, "affair.target-population", Map.of("selection", Map.of("code", "10k-to-100k"))).path("revision").asLong();
        revision = answer(revision, "affair.description", Map.of("richText", "<p>一時的な記載</p>")).path("revision").asLong();
        revision = callers.kawasakiEditor.data("clearAnswer", Operations.CLEAR,
                Map.of("id", id, "rev", revision, "item", "affair.description")).path("revision").asLong();

        JsonNode pending = callers.kawasakiEditor.data("assessment", STATE, Map.of("id", id)).path("pendingChanges");
        assertThat(pending.findValuesAsText("itemId")).containsExactly("affair.target-population");
        assertThat(pending.get(0).path("before").asText()).isEqualTo("1,000人未満");
        assertThat(pending.get(0).path("after").asText()).isEqualTo("1万人以上10万人未満");

        JsonNode unexplained = approver.data("publishVersion", PUBLISH, Map.of("id", id, "rev", revision,
                "on", "2025-10-01"));
        assertThat(unexplained.path("code").asText()).isEqualTo("EXPLANATION_REQUIRED");
        assertThat(unexplained.path("changes").toString()).contains("affair.target-population");

        JsonNode second = approver.data("publishVersion", PUBLISH, Map.of("id", id, "rev", revision, "on", "2025-10-01",
                "explanations", List.of(Map.of("itemId", "affair.target-population",
                        "explanation", "対象者の増加に伴う変更"))));
        assertThat(second.path("assessment").path("version").asInt()).as(second.toString()).isEqualTo(2);

        JsonNode state = callers.kawasakiReader.data("assessment", STATE, Map.of("id", id));
        JsonNode row = state.path("pastChanges").get(0);
        assertThat(state.path("pastChanges").size()).isEqualTo(1);
        assertThat(row.path("changedOn").asText()).isEqualTo("2025-10-01");
        assertThat(row.path("itemId").asText()).isEqualTo("affair.target-population");
        assertThat(row.path("itemPath").asText()).contains("対象人数");
        assertThat(row.path("before").path("text").asText()).isEqualTo("1,000人未満");
        assertThat(row.path("after").path("text").asText()).isEqualTo("1万人以上10万人未満");
        assertThat(row.path("timing").asText()).isEqualTo("AFTER");
        assertThat(row.path("explanation").asText()).isEqualTo("対象者の増加に伴う変更");
        assertThat(state.path("history").findValuesAsText("event"))
                .contains("VersionPublished", "NextVersionStarted");
        assertThat(state.path("pendingChanges")).isEmpty();

        JsonNode export = callers.kawasakiEditor.data("exportDocument", """
                query($id: ID!) { exportDocument(assessmentId: $id, format: TSV) { contentBase64 mediaType } }""",
                Map.of("id", id));
        String tsv = new String(Base64.getDecoder().decode(export.path("contentBase64").asText()),
                export.path("mediaType").asText().contains("UTF-8") ? StandardCharsets.UTF_8
                        : java.nio.charset.Charset.forName("windows-31j"));
        assertThat(tsv).contains("対象者の増加に伴う変更").contains("1万人以上10万人未満");
    }

    @Test
    void givenAnEditor_whenPublishing_thenForbidden() {
        JsonNode errors = callers.kawasakiEditor.execute(PUBLISH, Map.of("id", id, "rev", 1, "on", "2025-04-01"))
                .errors();

        assertThat(errors.findValuesAsText("code")).contains("FORBIDDEN");
    }

    private JsonNode answer(long revision, String item, Map<String, Object> value) {
        return callers.kawasakiEditor.data("answerItem", Operations.ANSWER,
                Map.of("id", id, "rev", revision, "item", item, "value", value));
    }
}
