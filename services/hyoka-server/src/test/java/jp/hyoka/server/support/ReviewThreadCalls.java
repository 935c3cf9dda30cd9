package jp.hyoka.server.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Review-thread mutations for tests that need threads in their tables (row-level security, rebuilds). */
public final class ReviewThreadCalls {

    private static final String START = """
            mutation($id: ID!, $item: ID, $entry: ID, $text: String!) {
              startReviewThread(input: {assessmentId: $id, itemId: $item, entryId: $entry, text: $text}) {
                __typename ... on ReviewThreadChanged { threadId } ... on Problem { code message }
              }
            }""";
    private static final String STEP = """
            mutation($thread: ID!) {
              %s(input: {threadId: $thread%s}) { __typename ... on Problem { code message } }
            }""";

    private ReviewThreadCalls() {
    }

    /** Starts a thread (item and entry may be null); returns its id. */
    public static String start(GraphQlClient client, String assessmentId, String item, String entry, String text) {
        Map<String, Object> variables = new HashMap<>(Map.of("id", assessmentId, "text", text));
        variables.put("item", item);
        variables.put("entry", entry);
        JsonNode started = client.data("startReviewThread", START, variables);
        assertThat(started.path("__typename").asText()).as(started.toString()).isEqualTo("ReviewThreadChanged");
        return started.path("threadId").asText();
    }

    /** Replies, then resolves and reopens: every kind of thread event. */
    public static void replyResolveReopen(GraphQlClient client, String threadId) {
        for (String step : new String[]{"replyToReviewThread", "resolveReviewThread", "reopenReviewThread"}) {
            String text = step.startsWith("reply") ? ", text: \"<p>対応しました</p>\"" : "";
            JsonNode result = client.data(step, STEP.formatted(step, text), Map.of("thread", threadId));
            assertThat(result.path("__typename").asText()).as(result.toString()).isEqualTo("ReviewThreadChanged");
        }
    }
}
