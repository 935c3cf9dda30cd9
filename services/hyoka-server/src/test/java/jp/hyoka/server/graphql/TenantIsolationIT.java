package jp.hyoka.server.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.Samples;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed in for 川崎市, try to reach 旭川市's assessment by every query and mutation of the API, with its real ids
 * (copied, as if leaked) and with guessed ones: nothing of 旭川市 is returned, every refusal looks exactly like the
 * refusal for an id that exists nowhere, and 旭川市's document, entries and history are unchanged afterwards.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIT extends SignedInServerTest {

    private static final String NOWHERE = "01927a3c-5b1e-7000-8000-00000000dead";
    private static final String SNAPSHOT = """
            query($id: ID!) {
              assessment(id: $id) {
                id revision affairName
                answers { item { itemId } entries { entryId } value { __typename ... on TextValue { text } } }
                repeatEntries { entryId label }
                pastChanges { sourceLine }
                unmappedContent { sourceLine }
                importedFrom { contentHash }
                history(first: 100) { edges { node { revision event } } }
              }
            }""";

    private String theirs;
    private String theirEntry;
    private long theirRevision;
    private JsonNode before;

    @BeforeAll
    void asahikawaHasAnImportedAssessment() {
        JsonNode imported = callers.asahikawaEditor.data("importDocument", """
                mutation($content: String!) {
                  importDocument(input: {fileName: "004.txt", contentBase64: $content}) {
                    ... on DocumentImported { revision assessment { id } }
                  }
                }""", Map.of("content", Base64.getEncoder().encodeToString(Samples.bytes(Samples.KEY_ITEMS_004))));
        theirs = imported.path("assessment").path("id").asText();
        theirRevision = imported.path("revision").asLong();
        before = callers.asahikawaEditor.data("assessment", SNAPSHOT, Map.of("id", theirs));
        theirEntry = before.path("repeatEntries").get(0).path("entryId").asText();
        assertThat(before.path("answers").size()).isGreaterThan(50);
    }

    @Test
    void givenTheirIdCopied_whenEveryQueryIsTried_thenNothingIsReturnedAndTheAnswerIsTheSameAsForNoSuchId() {
        for (String id : List.of(theirs, NOWHERE)) {
            assertThat(nullData(callers.kawasakiEditor, SNAPSHOT, id, "assessment")).as("assessment " + id).isTrue();
            assertThat(nullData(callers.kawasakiReader, SNAPSHOT, id, "assessment")).as("as auditor " + id).isTrue();
            for (String format : List.of("TSV", "HTML")) {
                String export = "query($id: ID!) { exportDocument(assessmentId: $id, format: " + format
                        + ", asOf: \"2099-01-01T00:00:00Z\") { content } }";
                assertThat(nullData(callers.kawasakiEditor, export, id, "exportDocument")).as(format + " " + id).isTrue();
            }
        }
        for (String id : List.of(theirs, NOWHERE)) {
            assertThat(nullData(callers.kawasakiReader, "query($id: ID!) { assessmentAt(id: $id, revision: 2) "
                    + "{ answers { text } } }", id, "assessmentAt")).as("assessmentAt " + id).isTrue();
            assertThat(nullData(callers.kawasakiReader, "query($id: ID!) { assessmentDiff(id: $id, fromRevision: 1, "
                    + "toRevision: 3) { changes { afterText } } }", id, "assessmentDiff")).as("diff " + id).isTrue();
        }
        String trailOf = "query($id: ID!) { auditTrail(first: 100, filter: {assessmentId: $id}) "
                + "{ edges { node { revision } } } }";
        JsonNode trail = callers.kawasakiReader.data("auditTrail", trailOf, Map.of("id", theirs));
        assertThat(trail.path("edges")).as("their audit trail").isEmpty();
        GraphQlClient theirAuditor = new GraphQlClient(server.getURI(), issuer.issue("a-auditor", "旭川 監査",
                Callers.ASAHIKAWA, List.of("auditor")));
        assertThat(theirAuditor.data("auditTrail", trailOf, Map.of("id", theirs)).path("edges"))
                .as("the same query, from their municipality").isNotEmpty();
        JsonNode list = callers.kawasakiEditor.data("assessments", Operations.LIST, Map.of("first", 100));
        assertThat(list.toString()).doesNotContain(theirs);
        assertThat(callers.asahikawaEditor.data("assessments", Operations.LIST, Map.of("first", 100)).toString())
                .as("the same list, from their municipality").contains(theirs);
    }

    @Test
    void givenTheirIdsCopied_whenEveryMutationIsTried_thenEachIsRefusedAsNotFoundAndNothingChanges() {
        String target = "assessmentId: \"%s\", expectedRevision: " + theirRevision;
        List<String> mutations = List.of(
                "answerItem(input: {" + target + ", itemId: \"affair.name\", value: {text: \"乗っ取り\"}})",
                "clearAnswer(input: {" + target + ", itemId: \"affair.name\"})",
                "addRepeatEntry(input: {" + target + ", groupId: \"system\"})",
                "moveRepeatEntry(input: {" + target + ", groupId: \"system\", entryId: \"" + theirEntry
                        + "\", toPosition: 1})",
                "removeRepeatEntry(input: {" + target + ", groupId: \"system\", entryId: \"" + theirEntry + "\"})",
                "migrateFormRevision(input: {" + target + ", version: \"2024\"})",
                "importChangeAnnex(input: {" + target + ", contentBase64: \""
                        + Base64.getEncoder().encodeToString(Samples.bytes(Samples.ANNEX_ONLY_001)) + "\"})",
                "startNextVersion(input: {" + target + "})",
                "publishVersion(input: {" + target + ", publishedOn: \"2026-04-01\"})",
                "redactPersonalData(input: {" + target + ", text: \"旭川市長\", reason: \"乗っ取り\"})");
        // every role of 川崎市 at once, so that no refusal is only a missing role
        GraphQlClient kawasaki = new GraphQlClient(server.getURI(), issuer.issue("k-all", "川崎 全権", Callers.KAWASAKI,
                List.of("editor", "approver", "auditor")));
        List<String> codes = new ArrayList<>();
        for (String mutation : mutations) {
            for (String id : List.of(theirs, NOWHERE)) {
                JsonNode result = kawasaki.data("result",
                        "mutation { result: " + mutation.formatted(id) + " { __typename ... on Problem { code } } }",
                        Map.of());
                codes.add(mutation.substring(0, mutation.indexOf('(')) + " " + (id.equals(theirs) ? "theirs" : "nowhere")
                        + ": " + result.path("code").asText());
            }
        }

        assertThat(codes).allSatisfy(code -> assertThat(code).endsWith(": ASSESSMENT_NOT_FOUND"));
        assertThat(callers.asahikawaEditor.data("assessment", SNAPSHOT, Map.of("id", theirs))).isEqualTo(before);
    }

    @Test
    void givenTheirFileImportedHere_whenImported_thenItIsANewAssessmentOfOursAndTheirsIsUntouched() {
        JsonNode ours = callers.kawasakiEditor.data("importDocument", """
                mutation($content: String!) {
                  importDocument(input: {fileName: "004.txt", contentBase64: $content}) {
                    ... on DocumentImported { assessment { id } report { alreadyImported } }
                  }
                }""", Map.of("content", Base64.getEncoder().encodeToString(Samples.bytes(Samples.KEY_ITEMS_004))));

        assertThat(ours.path("assessment").path("id").asText()).isNotEqualTo(theirs);
        assertThat(ours.path("report").path("alreadyImported").asBoolean()).isFalse();
        assertThat(callers.asahikawaEditor.data("assessment", SNAPSHOT, Map.of("id", theirs))).isEqualTo(before);
    }

    private static boolean nullData(GraphQlClient client, String query, String id, String field) {
        GraphQlClient.Response response = client.execute(query, Map.of("id", id));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.errors().size()).as(response.body().toString()).isZero();
        return response.data().path(field).isNull();
    }
}
