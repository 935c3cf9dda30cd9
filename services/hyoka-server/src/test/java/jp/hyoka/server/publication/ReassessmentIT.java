package jp.hyoka.server.publication;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.Editing;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.ProcedureOperations;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A next version's draft says whether publishing it is a re-assessment (a change to an item the form marks 重要な変更:
 * 事前, for a 全項目 with 意見聴取 and 第三者点検 first) or a correction (事後); the first version is neither.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReassessmentIT extends SignedInServerTest {

    private static final String REASSESSMENT = """
            query($id: ID!) {
              assessment(id: $id) {
                reassessment { required importantItemIds steps explanation }
                pendingChanges { item { itemId } defaultTiming }
              }
            }""";

    @Test
    void givenAKeyItemsDraft_whenAnImportantItemChanges_thenItIsAReassessmentSubmittedBeforeTheChange() {
        String id = start("KEY_ITEMS", "重要な変更のある事務");
        assertThat(reassessment(id).path("required").asBoolean()).isFalse();
        assertThat(reassessment(id).path("explanation").asText()).contains("初めて公表");
        long revision = nextVersion(id, publish(id, 1));

        long afterMinor = answer(id, revision, "affair.target-population", Map.of("selection", Map.of("code", "10k-to-100k")));
        assertThat(reassessment(id).path("required").asBoolean()).isFalse();
        assertThat(reassessment(id).path("explanation").asText()).contains("事後");

        answer(id, afterMinor, "personal-number-use.legal-basis", Map.of("richText", "<p>番号法第9条第1項 別表 改正</p>"));
        JsonNode need = reassessment(id);
        assertThat(need.path("required").asBoolean()).isTrue();
        assertThat(need.path("importantItemIds").get(0).asText()).isEqualTo("personal-number-use.legal-basis");
        assertThat(need.path("importantItemIds").size()).isEqualTo(1);
        assertThat(need.path("steps").get(0).asText()).isEqualTo("SUBMISSION_BEFORE_CHANGE");
        assertThat(need.path("steps").size()).isEqualTo(1);
        assertThat(need.path("explanation").asText()).contains("事前").contains("規則第11条");
    }

    @Test
    void givenAnAllItemsDraft_whenAnImportantItemChanges_thenPublicCommentAndThirdPartyReviewComeFirst() {
        String id = start("ALL_ITEMS", "全項目の再評価");
        long revision = nextVersion(id, publish(id, ProcedureOperations.everyStep(callers.kawasakiEditor,
                callers.kawasakiApprover, id, 1)));

        answer(id, revision, "affair.description", Map.of("richText", "<p>事務の内容を大きく変更</p>"));
        JsonNode need = reassessment(id);

        assertThat(need.path("required").asBoolean()).isTrue();
        assertThat(need.path("steps").toString())
                .isEqualTo("[\"PUBLIC_COMMENT\",\"THIRD_PARTY_REVIEW\",\"SUBMISSION_BEFORE_CHANGE\"]");
        assertThat(need.path("explanation").asText()).contains("住民等の意見聴取及び第三者点検");
    }

    @Test
    void givenANextVersionWhoseAnswersRaiseTheThreshold_whenChecked_thenItIsAReassessmentThoughNoMarkedItemChanged() {
        String id = start("KEY_ITEMS", "対象人数の増えた事務");
        long revision = answer(id, 1, "affair.target-population", Map.of("selection", Map.of("code", "10k-to-100k")));
        revision = nextVersion(id, publish(id, revision));

        answer(id, revision, "affair.target-population", Map.of("selection", Map.of("code", "100k-to-300k")));
        JsonNode need = reassessment(id);

        assertThat(need.path("required").asBoolean()).as(need.toString()).isTrue();
        assertThat(need.path("importantItemIds")).isEmpty();
        assertThat(need.path("explanation").asText()).contains("しきい値判断結果が上がった").contains("規則第14条第3項");
    }

    private JsonNode reassessment(String id) {
        return callers.kawasakiReader.data("assessment", REASSESSMENT, Map.of("id", id)).path("reassessment");
    }

    private long publish(String id, long revision) {
        return callers.kawasakiApprover.data("publishVersion", Operations.PUBLISH, Map.of("id", id, "rev", revision))
                .path("revision").asLong();
    }

    private long nextVersion(String id, long revision) {
        return callers.kawasakiEditor.data("startNextVersion", Operations.NEXT_VERSION,
                Map.of("id", id, "rev", revision))
                .path("revision").asLong();
    }

    private String start(String kind, String name) {
        return Editing.start(callers.kawasakiEditor, kind, name);
    }

    private long answer(String id, long revision, String item, Map<String, Object> value) {
        return Editing.answer(callers.kawasakiEditor, id, revision, item, value);
    }
}
