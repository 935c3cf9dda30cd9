package jp.hyoka.server.procedure;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.Editing;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.Samples;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static jp.hyoka.server.support.ProcedureOperations.CLOSE;
import static jp.hyoka.server.support.ProcedureOperations.OPEN;
import static jp.hyoka.server.support.ProcedureOperations.REVIEW;
import static jp.hyoka.server.support.ProcedureOperations.SUBMIT;
import static jp.hyoka.server.support.ProcedureOperations.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of the field end to end, on the demo 全項目評価書 (川崎市's published sample, imported as the demo does):
 * its next version changes a ※ item (a re-assessment), marks another 非公表, is reviewed in a thread, goes through a
 * 30-day 意見聴取, 第三者点検 and 提出 — publishing before them refused, naming the missing step — and is published;
 * then its deadlines run from that re-assessment and the public reads （非公表） for the marked item. Every day is
 * given to the API, never waited for.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllItemsLifecycleIT extends SignedInServerTest {

    private static final String IMPORT = """
            mutation($content: String!) {
              importDocument(input: {fileName: "000.txt", contentBase64: $content}) {
                __typename ... on DocumentImported { assessment { id revision } }
              }
            }""";
    private static final String PENDING = """
            query($id: ID!) { assessment(id: $id) { revision reassessment { required steps }
                pendingChanges { item { itemId } entryIds } } }""";
    private static final String PUBLISH = """
            mutation($id: ID!, $rev: Int!, $explanations: [ChangeExplanationInput!]) {
              publishVersion(input: {assessmentId: $id, expectedRevision: $rev, publishedOn: "2026-03-02",
                                     explanations: $explanations}) {
                __typename ... on AssessmentEdited { revision } ... on ProcedureStepMissing { step }
                ... on Problem { code message }
              }
            }""";
    private static final String WITHHOLD = """
            mutation($id: ID!, $rev: Int!) {
              withholdItemFromPublication(input: {assessmentId: $id, expectedRevision: $rev,
                  itemId: "personal-number-use.legal-basis", reason: "審査のため非公表とする確認"}) {
                __typename ... on AssessmentEdited { revision }
              }
            }""";
    private static final String THREAD = """
            mutation($id: ID!) { startReviewThread(input: {assessmentId: $id, itemId: "affair.description",
                text: "事務の内容の変更点を明確に"}) { __typename ... on ReviewThreadChanged { threadId } } }""";
    private static final String RESOLVE = """
            mutation($thread: ID!) { resolveReviewThread(input: {threadId: $thread}) {
                __typename ... on ReviewThreadChanged { thread { status } } } }""";

    @Test
    void givenTheDemoAllItemsAssessment_whenItsNextVersionIsReassessedThroughTheProcedure_thenPublishedWithItsRules() {
        String content = Base64.getEncoder().encodeToString(Samples.bytes(Samples.ALL_ITEMS_000));
        JsonNode imported = callers.kawasakiEditor.data("importDocument", IMPORT, Map.of("content", content))
                .path("assessment");
        String id = imported.path("id").asText();
        long revision = callers.kawasakiEditor.data("startNextVersion", Operations.NEXT_VERSION,
                Map.of("id", id, "rev", imported.path("revision").asLong())).path("revision").asLong();

        // a ※ item changed: publishing this draft is a re-assessment, so the 全項目 procedure comes first
        revision = Editing.answer(callers.kawasakiEditor, id, revision, "affair.description",
                Map.of("richText", "<p>住民基本台帳に関する事務(ガバメントクラウドへの移行を含む)</p>"));
        revision = callers.kawasakiEditor.data("withholdItemFromPublication", WITHHOLD, Map.of("id", id,
                "rev", revision)).path("revision").asLong();
        JsonNode pending = callers.kawasakiEditor.data("assessment", PENDING, Map.of("id", id));
        assertThat(pending.path("reassessment").path("required").asBoolean()).isTrue();
        assertThat(pending.path("reassessment").path("steps").toString()).contains("PUBLIC_COMMENT");
        assertThat(publish(id, revision).path("step").asText()).isEqualTo("PUBLIC_COMMENT_OPENED");

        // the auditor raises a point on the changed item; the approver resolves it once answered
        GraphQlClient auditor = callers.kawasakiReader;
        String thread = auditor.data("startReviewThread", THREAD, Map.of("id", id)).path("threadId").asText();
        assertThat(callers.kawasakiApprover.data("resolveReviewThread", RESOLVE, Map.of("thread", thread))
                .path("thread").path("status").asText()).isEqualTo("RESOLVED");

        long opened = step(callers.kawasakiEditor, "openPublicComment", OPEN, id, revision,
                Map.of("from", "2026-01-05", "to", "2026-02-03"));          // 30 days, both counted
        assertThat(publish(id, opened).path("step").asText()).isEqualTo("PUBLIC_COMMENT_CLOSED");
        long closed = step(callers.kawasakiEditor, "closePublicComment", CLOSE, id, opened, Map.of("on", "2026-02-04"));
        long reviewed = step(callers.kawasakiEditor, "recordThirdPartyReview", REVIEW, id, closed,
                Map.of("on", "2026-02-16"));
        assertThat(publish(id, reviewed).path("step").asText()).isEqualTo("SUBMITTED_TO_COMMISSION");
        long submitted = step(callers.kawasakiApprover, "submitToCommission", SUBMIT, id, reviewed,
                Map.of("on", "2026-02-20"));

        JsonNode published = publish(id, submitted);
        assertThat(published.path("__typename").asText()).as(published.toString()).isEqualTo("AssessmentEdited");

        // the five years run from this re-assessment; the review from this publication
        JsonNode deadlines = callers.kawasakiEditor.data("assessment", """
                query($id: ID!) { assessment(id: $id) { deadlines(asOf: "2026-03-03") { kind dueOn status } } }""",
                Map.of("id", id)).path("deadlines");
        assertThat(StreamSupport.stream(deadlines.spliterator(), false)
                .map(d -> d.path("kind").asText() + " " + d.path("dueOn").asText() + " " + d.path("status").asText()))
                .containsExactly("ANNUAL_REVIEW 2027-03-02 UPCOMING", "FIVE_YEAR_REASSESSMENT 2031-03-02 UPCOMING");
        // the public reads the marked item as （非公表）, the changed one as published
        JsonNode shown = GraphQlClient.ofPublicEndpoint(server.getURI(), null).data("publicAssessment", """
                query($id: ID!) { publicAssessment(municipalityCode: "141305", assessmentId: $id) {
                    version answers { item { itemId } text withheld } } }""", Map.of("id", id));
        assertThat(shown.path("version").asInt()).isEqualTo(2);
        assertThat(answer(shown, "personal-number-use.legal-basis").path("text").asText()).isEqualTo("（非公表）");
        assertThat(answer(shown, "affair.description").path("text").asText()).contains("ガバメントクラウドへの移行");
        // the thread is in the review history, not in the 変更箇所
        assertThat(callers.kawasakiReader.data("assessment", """
                query($id: ID!) { assessment(id: $id) { reviewActivity { edges { node { kind } } } } }""",
                Map.of("id", id)).path("reviewActivity").path("edges").findValuesAsText("kind"))
                .containsExactly("STARTED", "RESOLVED");
    }

    /** Publishes on 2026-03-02 with an explanation for every pending change (their default timing). */
    private JsonNode publish(String id, long revision) {
        List<Map<String, Object>> explanations = new ArrayList<>();
        for (JsonNode change : callers.kawasakiEditor.data("assessment", PENDING, Map.of("id", id))
                .path("pendingChanges")) {
            List<String> entries = new ArrayList<>();
            change.path("entryIds").forEach(entry -> entries.add(entry.asText()));
            explanations.add(Map.of("itemId", change.path("item").path("itemId").asText(), "entryIds", entries,
                    "explanation", "ガバメントクラウドへの移行に伴う再評価"));
        }
        return callers.kawasakiApprover.data("publishVersion", PUBLISH, Map.of("id", id, "rev", revision,
                "explanations", explanations));
    }

    private static JsonNode answer(JsonNode document, String itemId) {
        for (JsonNode answer : document.path("answers")) {
            if (answer.path("item").path("itemId").asText().equals(itemId)) {
                return answer;
            }
        }
        throw new AssertionError("no public answer of " + itemId + " in " + document);
    }
}
