package jp.hyoka.server.publication;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.ClockTicks;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A name written into an answer is redacted: the document, its history, the document as of a moment before the
 * redaction, the diff, the audit trail and the export no longer show it, the redaction itself is in the history with
 * who and why (not what), and the municipality's event hash chain still verifies.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedactionIT extends SignedInServerTest {

    private static final String NAME = "山田花子";
    private static final String REDACT = """
            mutation($id: ID!, $rev: Int!) {
              redactPersonalData(input: {assessmentId: $id, expectedRevision: $rev, text: "山田花子",
                                         reason: "本人からの削除請求"}) {
                __typename ... on AssessmentEdited { revision } ... on Problem { code message }
              }
            }""";

    private String id;
    private Instant beforeRedaction;
    private GraphQlClient approver;
    private GraphQlClient auditor;

    @BeforeAll
    void aNameIsWrittenIntoAnAnswerAndRedacted() {
        approver = new GraphQlClient(server.getURI(), issuer.issue("k-approver", "川崎 承認", Callers.KAWASAKI,
                List.of("approver")));
        auditor = callers.kawasakiReader;
        id = callers.kawasakiEditor.data("startAssessment", Operations.START, Map.of("kind", "KEY_ITEMS",
                "name", "削除請求の対象")).path("assessment").path("id").asText();
        JsonNode answered = callers.kawasakiEditor.data("answerItem", Operations.ANSWER, Map.of("id", id, "rev", 1,
                "item", "affair.description", "value", Map.of("richText", "<p>担当: " + NAME + " (内線123)</p>"),
                "reason", NAME + "の記載"));
        assertThat(answered.path("revision").asInt()).isEqualTo(2);
        beforeRedaction = ClockTicks.nextMillisecond();
        ClockTicks.nextMillisecond();
        JsonNode redacted = approver.data("redactPersonalData", REDACT, Map.of("id", id, "rev", 2));
        assertThat(redacted.path("revision").asInt()).as(redacted.toString()).isEqualTo(3);
    }

    @Test
    void givenARedaction_whenTheDocumentHistoryAndPastAreRead_thenTheNameIsNowhere() {
        String document = callers.kawasakiEditor.data("assessment", Operations.DOCUMENT, Map.of("id", id)).toString();
        String history = auditor.data("assessment", Operations.HISTORY, Map.of("id", id, "first", 50)).toString();
        String asOfBefore = auditor.data("assessmentAt", "query($id: ID!, $at: DateTime) { assessmentAt(id: $id, "
                + "asOf: $at) { answers { text value { ... on RichTextValue { html } } } } }",
                Map.of("id", id, "at", beforeRedaction.toString())).toString();
        String diff = auditor.data("assessmentDiff", "query($id: ID!) { assessmentDiff(id: $id, fromRevision: 1, "
                + "toRevision: 2) { changes { beforeText afterText } } }", Map.of("id", id)).toString();
        String trail = auditor.data("auditTrail", "{ auditTrail(first: 100) { edges { node { reason event "
                + "after { ... on RichTextValue { html } } } } } }", Map.of()).toString();
        String export = callers.kawasakiEditor.data("exportDocument", "query($id: ID!) { exportDocument("
                + "assessmentId: $id, format: HTML) { content } }", Map.of("id", id)).toString();

        for (String shown : List.of(document, history, asOfBefore, diff, trail, export)) {
            assertThat(shown).doesNotContain(NAME);
        }
        assertThat(document).contains("［個人情報削除］").contains("内線123");
        assertThat(asOfBefore).contains("［個人情報削除］");
        assertThat(history).contains("PersonalDataRedacted");
        for (String shown : List.of(diff, trail, export)) {
            assertThat(shown).as("the text is there, without the name").contains("［個人情報削除］");
        }
    }

    @Test
    void givenARedaction_whenTheAuditorVerifiesTheChain_thenItIsStillIntact() {
        JsonNode verification = auditor.data("verifyEventChain", "{ verifyEventChain { intact eventsVerified } }",
                Map.of());

        assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
    }

    @Test
    void givenAnEditor_whenRedacting_thenForbidden() {
        assertThat(callers.kawasakiEditor.execute(REDACT, Map.of("id", id, "rev", 3)).errors()
                .findValuesAsText("code")).contains("FORBIDDEN");
    }
}
