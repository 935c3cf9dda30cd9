package jp.hyoka.server.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.Operations;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Documents the kept-answer tests read: started and edited over HTTP by a municipality's editor. */
final class KeptAnswerDocuments {

    private KeptAnswerDocuments() {
    }

    /** A new 重点項目 document named {@code name} with department.name answered "最初の部署"; returns its id. */
    static String answered(GraphQlClient editor, String name) {
        JsonNode started = editor.data("startAssessment", Operations.START, Map.of("kind", "KEY_ITEMS", "name", name));
        String id = started.path("assessment").path("id").asText();
        answer(editor, id, started.path("revision").asLong(), "最初の部署");
        return id;
    }

    /** Answers department.name with {@code text} at {@code revision}; returns the new revision. */
    static long answer(GraphQlClient editor, String id, long revision, String text) {
        JsonNode edited = editor.data("answerItem", Operations.ANSWER, new HashMap<>(Map.of("id", id,
                "rev", revision, "item", "department.name", "value", Map.of("text", text))));
        assertThat(edited.path("__typename").asText()).as(edited.toString()).isEqualTo("AssessmentEdited");
        return edited.path("revision").asLong();
    }
}
