package jp.hyoka.server.support;

import jp.hyoka.server.assessment.AssessmentIds;
import com.fasterxml.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What a restarted server holds of an editor's work: the edits in its event store and, read back through GraphQL,
 * the texts in an assessment's history. For the tests that stop or kill a server mid-edit.
 */
public final class StoredEdits {

    /** Starts a KEY_ITEMS assessment named {@code $name}. */
    public static final String START = """
            mutation($name: String!) {
              startAssessment(input: {kind: KEY_ITEMS, affairName: $name}) {
                __typename ... on AssessmentEdited { revision assessment { id } }
              }
            }""";
    /** Answers the text item department.name with {@code $text} at revision {@code $rev}. */
    public static final String ANSWER = """
            mutation($id: ID!, $rev: Int!, $text: String!) {
              answerItem(input: {assessmentId: $id, expectedRevision: $rev, itemId: "department.name",
                                 value: {text: $text}}) {
                __typename ... on AssessmentEdited { revision } ... on EditNotYetVisible { revision }
              }
            }""";
    public static final String REVISION = """
            query($id: ID!) { assessment(id: $id) { revision } }""";
    private static final String HISTORY = """
            query($id: ID!, $after: String) {
              assessment(id: $id) {
                history(first: 100, after: $after) {
                  edges { node { revision event after { ... on TextValue { text } } } }
                  pageInfo { hasNextPage endCursor }
                }
              }
            }""";

    private StoredEdits() {
    }

    /** The read models catch up after a restart: waits (bounded) until they show at least {@code revision}. */
    public static int awaitRevision(GraphQlClient reader, String id, int revision, Duration catchUp) {
        long deadline = System.nanoTime() + catchUp.toNanos();
        int seen;
        do {
            seen = reader.data("assessment", REVISION, Map.of("id", id)).path("revision").asInt(0);
        } while (seen < revision && System.nanoTime() < deadline && pause());
        return seen;
    }

    /** Revision → text of every ItemAnswered in the assessment's history. */
    public static Map<Integer, String> answeredTexts(GraphQlClient reader, String id) {
        Map<Integer, String> texts = new HashMap<>();
        String after = null;
        JsonNode history;
        do {
            Map<String, Object> variables = new HashMap<>(Map.of("id", id));
            variables.put("after", after);
            history = reader.data("assessment", HISTORY, variables).path("history");
            for (JsonNode edge : history.path("edges")) {
                JsonNode node = edge.path("node");
                if (node.path("event").asText().equals("ItemAnswered")) {
                    texts.put(node.path("revision").asInt(), node.path("after").path("text").asText());
                }
            }
            after = history.path("pageInfo").path("endCursor").asText(null);
        } while (history.path("pageInfo").path("hasNextPage").asBoolean());
        return texts;
    }

    /**
     * Events in the event store of an embedded server: of one aggregate, or ({@code null}) of all. An assessment's
     * id as the API shows it (global) is turned into the UUID the store names the aggregate by.
     */
    public static long storedEvents(ServerProcess server, String aggregateId) {
        try (Connection connection = DriverManager.getConnection(server.embeddedJdbcUrl(), "postgres", "");
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM domainevententry "
                     + "WHERE aggregateidentifier = coalesce(?, aggregateidentifier)")) {
            count.setString(1, aggregateId == null ? null
                    : AssessmentIds.parse(aggregateId).map(Object::toString).orElse(aggregateId));
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sleeps one poll interval; false when interrupted. */
    public static boolean pause() {
        try {
            Thread.sleep(50);                               // poll interval of a deadline-bounded wait
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
