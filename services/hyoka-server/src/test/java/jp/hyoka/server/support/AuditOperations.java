package jp.hyoka.server.support;

import jp.hyoka.server.support.GraphQlClient;

import java.util.HashMap;
import java.util.Map;

import static jp.hyoka.server.support.Operations.ANSWER;
import static jp.hyoka.server.support.Operations.START;
import static org.assertj.core.api.Assertions.assertThat;

/** The auditors' operations, and a quick way to put a few events into a municipality's chain. */
public final class AuditOperations {

    public static final String VERIFY = """
            { verifyEventChain { municipalityCode intact eventsVerified headHash verifiedAt
                                 firstBrokenLink { position eventId reason expectedHash storedHash } } }""";

    public static final String BUNDLE = """
            { exportAuditBundle { fileName mediaType exportedAt events headHash content } }""";

    private AuditOperations() {
    }

    /** Starts an assessment and answers one text item {@code answers} times: 1 + answers events. */
    public static String startAndAnswer(GraphQlClient editor, String affair, String... answers) {
        String id = editor.data("startAssessment", START, Map.of("kind", "KEY_ITEMS", "name", affair))
                .path("assessment").path("id").asText();
        int revision = 1;
        for (String text : answers) {
            String outcome = editor.data("answerItem", ANSWER, new HashMap<>(Map.of("id", id, "rev", revision,
                    "item", "department.name", "value", Map.of("text", text)))).path("__typename").asText();
            assertThat(outcome).isEqualTo("AssessmentEdited");
            revision++;
        }
        return id;
    }
}
