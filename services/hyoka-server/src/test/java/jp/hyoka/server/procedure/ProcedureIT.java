package jp.hyoka.server.procedure;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.Editing;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

import static jp.hyoka.server.support.ProcedureOperations.CLOSE;
import static jp.hyoka.server.support.ProcedureOperations.OPEN;
import static jp.hyoka.server.support.ProcedureOperations.REVIEW;
import static jp.hyoka.server.support.ProcedureOperations.SUBMIT;
import static jp.hyoka.server.support.ProcedureOperations.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 全項目 draft from draft to 公表 through every step of its procedure, the VI 2 / VI 3 items answered as the steps
 * say; publishing before a step names it; a 重点 draft publishes without any. Dates are given, never waited for.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcedureIT extends SignedInServerTest {

    private static final String PROCEDURE = """
            query($id: ID!) {
              assessment(id: $id) { procedure { steps { step required done doneOn } nextStep } }
            }""";

    @Test
    void givenAnAllItemsDraft_whenTakenThroughEveryStep_thenItIsPublishedWithVI2AndVI3Answered() {
        String id = Editing.start(callers.kawasakiEditor, "ALL_ITEMS", "手続の流れ");
        assertThat(publish(id, 1).path("step").asText()).isEqualTo("PUBLIC_COMMENT_OPENED");
        assertThat(procedure(id).path("nextStep").asText()).isEqualTo("PUBLIC_COMMENT_OPENED");

        JsonNode tooShort = attempt(callers.kawasakiEditor, "openPublicComment", OPEN, id, 1,
                Map.of("from", "2025-01-06", "to", "2025-02-03"));
        assertThat(tooShort.path("code").asText()).isEqualTo("INVALID_INPUT");
        assertThat(tooShort.path("message").asText()).contains("29 days");
        JsonNode closedFirst = attempt(callers.kawasakiEditor, "closePublicComment", CLOSE, id, 1,
                Map.of("on", "2025-02-05"));
        assertThat(closedFirst.path("step").asText()).isEqualTo("PUBLIC_COMMENT_OPENED");

        long opened = step(callers.kawasakiEditor, "openPublicComment", OPEN, id, 1,
                Map.of("from", "2025-01-06", "to", "2025-02-04"));
        long closed = step(callers.kawasakiEditor, "closePublicComment", CLOSE, id, opened, Map.of("on", "2025-02-05"));
        assertThat(publish(id, closed).path("step").asText()).isEqualTo("THIRD_PARTY_REVIEW");
        long reviewed = step(callers.kawasakiEditor, "recordThirdPartyReview", REVIEW, id, closed,
                Map.of("on", "2025-02-20"));
        JsonNode editorSubmits = callers.kawasakiEditor.execute(SUBMIT, Map.of("id", id, "rev", reviewed,
                "on", "2025-03-01")).errors();
        assertThat(editorSubmits.toString()).as("only an approver submits").contains("FORBIDDEN");
        long submitted = step(callers.kawasakiApprover, "submitToCommission", SUBMIT, id, reviewed,
                Map.of("on", "2025-03-01"));

        JsonNode steps = procedure(id);
        assertThat(steps.path("nextStep").isNull()).isTrue();
        assertThat(steps.path("steps").findValuesAsText("doneOn"))
                .containsExactly("2025-01-06", "2025-02-05", "2025-02-20", "2025-03-01");
        assertThat(answers(id)).containsEntry("procedure.public-comment.period", "令和7年1月6日から令和7年2月4日までの30日間")
                .containsEntry("procedure.public-comment.main-opinions", "個人番号の利用範囲についての質問")
                .containsEntry("procedure.public-comment.reflection", "II 3 に記載を追加")
                .containsEntry("procedure.third-party-review.performed-on", "2025-02-20")
                .containsEntry("procedure.third-party-review.method", "川崎市情報公開運営審議会 評価書の記載内容について審議")
                .containsEntry("procedure.third-party-review.result", "適合している")
                .doesNotContainKey("procedure.public-comment.shortening-reason");
        assertThat(publish(id, submitted).path("__typename").asText()).isEqualTo("AssessmentEdited");
    }

    @Test
    void givenAShorterCommentPeriodWithAReason_whenOpened_thenTheReasonIsPrintedInVI2Three() {
        String id = Editing.start(callers.kawasakiEditor, "ALL_ITEMS", "短縮した意見聴取");

        step(callers.kawasakiEditor, "openPublicComment", OPEN, id, 1, Map.of("from", "2025-01-06",
                "to", "2025-01-19", "shortening", "法改正の施行日が迫っているため"));

        assertThat(answers(id)).containsEntry("procedure.public-comment.shortening-reason", "法改正の施行日が迫っているため")
                .containsEntry("procedure.public-comment.period", "令和7年1月6日から令和7年1月19日までの14日間");
    }

    @Test
    void givenAKeyItemsDraftWithNoStep_whenPublished_thenItIsPublished() {
        String id = Editing.start(callers.kawasakiEditor, "KEY_ITEMS", "重点の手続");

        assertThat(procedure(id).path("steps").findValuesAsText("required")).containsOnly("false");
        assertThat(publish(id, 1).path("__typename").asText()).isEqualTo("AssessmentEdited");
    }

    private JsonNode publish(String id, long revision) {
        return callers.kawasakiApprover.data("publishVersion", Operations.PUBLISH.replace("on Problem { code message }",
                "on Problem { code message } ... on ProcedureStepMissing { step }"), Map.of("id", id, "rev", revision));
    }

    private JsonNode procedure(String id) {
        return callers.kawasakiReader.data("assessment", PROCEDURE, Map.of("id", id)).path("procedure");
    }

    private static JsonNode attempt(GraphQlClient caller, String field, String mutation, String id, long revision,
                                    Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put("id", id);
        all.put("rev", revision);
        return caller.data(field, mutation, all);
    }

    /** Item id → the answer as text (plain text of rich text, the date of a date). */
    private Map<String, String> answers(String id) {
        Map<String, String> answers = new HashMap<>();
        for (JsonNode answer : callers.kawasakiReader.data("assessment", Operations.DOCUMENT, Map.of("id", id))
                .path("answers")) {
            JsonNode value = answer.path("value");
            String text = value.has("plainText") ? value.path("plainText").asText()
                    : value.has("date") ? value.path("date").asText() : value.path("text").asText();
            answers.put(answer.path("item").path("itemId").asText(), text);
        }
        return answers;
    }
}
