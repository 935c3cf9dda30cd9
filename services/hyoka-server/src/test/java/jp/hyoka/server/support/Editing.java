package jp.hyoka.server.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The two edits most tests begin with, failing loudly when refused. */
public final class Editing {

    private Editing() {
    }

    /** A new assessment of {@code kind}; its id. */
    public static String start(GraphQlClient editor, String kind, String name) {
        return editor.data("startAssessment", Operations.START, Map.of("kind", kind, "name", name))
                .path("assessment").path("id").asText();
    }

    /** Answers {@code item} at {@code revision}; the new revision. */
    public static long answer(GraphQlClient editor, String id, long revision, String item, Map<String, Object> value) {
        JsonNode answered = editor.data("answerItem", Operations.ANSWER,
                Map.of("id", id, "rev", revision, "item", item, "value", value));
        assertThat(answered.path("__typename").asText()).as(answered.toString()).isEqualTo("AssessmentEdited");
        return answered.path("revision").asLong();
    }
}
