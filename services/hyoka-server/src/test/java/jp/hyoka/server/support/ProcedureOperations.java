package jp.hyoka.server.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The 評価実施手続 mutations, and taking a 全項目 draft through every step with fixed dates. */
public final class ProcedureOperations {

    private static final String RESULT = "{ __typename ... on AssessmentEdited { revision } "
            + "... on Problem { code message } ... on ProcedureStepMissing { step } }";

    public static final String OPEN = """
            mutation($id: ID!, $rev: Int!, $from: Date!, $to: Date!, $shortening: String) {
              openPublicComment(input: {assessmentId: $id, expectedRevision: $rev, from: $from, to: $to,
                                        shorteningReason: $shortening}) %s
            }""".formatted(RESULT);

    public static final String CLOSE = """
            mutation($id: ID!, $rev: Int!, $on: Date!) {
              closePublicComment(input: {assessmentId: $id, expectedRevision: $rev, closedOn: $on,
                  opinions: "個人番号の利用範囲についての質問", reflection: "II 3 に記載を追加"}) %s
            }""".formatted(RESULT);

    public static final String REVIEW = """
            mutation($id: ID!, $rev: Int!, $on: Date!) {
              recordThirdPartyReview(input: {assessmentId: $id, expectedRevision: $rev, performedOn: $on,
                  body: "川崎市情報公開運営審議会", method: "評価書の記載内容について審議", result: "適合している"}) %s
            }""".formatted(RESULT);

    public static final String SUBMIT = """
            mutation($id: ID!, $rev: Int!, $on: Date!) {
              submitToCommission(input: {assessmentId: $id, expectedRevision: $rev, submittedOn: $on}) %s
            }""".formatted(RESULT);

    private ProcedureOperations() {
    }

    /** A step that must succeed; the new revision. */
    public static long step(GraphQlClient caller, String field, String mutation, String id, long revision,
                            Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put("id", id);
        all.put("rev", revision);
        JsonNode result = caller.data(field, mutation, all);
        assertThat(result.path("__typename").asText()).as(result.toString()).isEqualTo("AssessmentEdited");
        return result.path("revision").asLong();
    }

    /** Comment 2025-01-06 to 02-04 (30 days), closed 02-05, reviewed 02-20, submitted 03-01; the new revision. */
    public static long everyStep(GraphQlClient editor, GraphQlClient approver, String id, long revision) {
        long opened = step(editor, "openPublicComment", OPEN, id, revision, Map.of("from", "2025-01-06",
                "to", "2025-02-04"));
        long closed = step(editor, "closePublicComment", CLOSE, id, opened, Map.of("on", "2025-02-05"));
        long reviewed = step(editor, "recordThirdPartyReview", REVIEW, id, closed, Map.of("on", "2025-02-20"));
        return step(approver, "submitToCommission", SUBMIT, id, reviewed, Map.of("on", "2025-03-01"));
    }
}
