package jp.hyoka.server.review;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.graphql.GlobalIds;
import jp.hyoka.server.support.AuditOperations;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.Paging;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review threads end to end over GraphQL: an auditor raises a point on an item, the editor replies, the approver
 * resolves, the auditor reopens; comments are sanitised; another municipality neither sees nor answers them; they
 * change neither the document's revision nor its 変更箇所, and stay across a new version.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewThreadsIT extends SignedInServerTest {

    private static final String CHANGED = """
            __typename
            ... on ReviewThreadChanged { threadId thread { id itemId entryId status
                comments { text by { userId } } events { kind by { userId } } } }
            ... on Problem { code message }""";
    private static final String START = """
            mutation($id: ID!, $item: ID, $text: String!) {
              startReviewThread(input: {assessmentId: $id, itemId: $item, text: $text}) { %s }
            }""".formatted(CHANGED);
    private static final String REPLY = """
            mutation($thread: ID!, $text: String!) {
              replyToReviewThread(input: {threadId: $thread, text: $text}) { %s }
            }""".formatted(CHANGED);
    private static final String RESOLVE = """
            mutation($thread: ID!) { resolveReviewThread(input: {threadId: $thread}) { %s } }""".formatted(CHANGED);
    private static final String REOPEN = """
            mutation($thread: ID!) { reopenReviewThread(input: {threadId: $thread}) { %s } }""".formatted(CHANGED);
    private static final String THREADS = """
            query($id: ID!, $status: ReviewThreadStatus) {
              assessment(id: $id) {
                uuid revision version
                reviewThreads(status: $status) { id assessment { uuid } itemId status comments { text } }
                pendingChanges { item { itemId } }
                history(first: 100) { edges { node { event } } }
              }
            }""";

    private GraphQlClient approver;
    private GraphQlClient auditor;

    @BeforeAll
    void reviewersOfKawasaki() {
        approver = new GraphQlClient(server.getURI(), issuer.issue("k-approver", "川崎 承認", Callers.KAWASAKI,
                List.of("approver")));
        auditor = callers.kawasakiReader;
    }

    @Test
    void givenAnItem_whenAuditorStartsEditorRepliesApproverResolvesAuditorReopens_thenTheThreadShowsEveryStep() {
        String id = assessment("指摘の流れ");
        JsonNode started = start(auditor, id, "affair.description", "<p>根拠条文を記載してください</p>");
        String thread = started.path("threadId").asText();
        assertThat(started.path("thread").path("status").asText()).as(started.toString()).isEqualTo("OPEN");
        assertThat(started.path("thread").path("itemId").asText()).isEqualTo("affair.description");

        assertThat(step(callers.kawasakiEditor, "replyToReviewThread", REPLY, thread, "<p>第3条を追記しました</p>")
                .path("thread").path("comments").size()).isEqualTo(2);
        assertThat(step(approver, "resolveReviewThread", RESOLVE, thread, null).path("thread").path("status").asText())
                .isEqualTo("RESOLVED");
        JsonNode reopened = step(auditor, "reopenReviewThread", REOPEN, thread, null).path("thread");

        assertThat(reopened.path("status").asText()).isEqualTo("OPEN");
        assertThat(reopened.path("comments").findValuesAsText("text"))
                .containsExactly("<p>根拠条文を記載してください</p>", "<p>第3条を追記しました</p>");
        assertThat(reopened.path("events").findValuesAsText("kind"))
                .containsExactly("STARTED", "REPLIED", "RESOLVED", "REOPENED");
        assertThat(reopened.path("events").findValuesAsText("userId"))
                .containsExactly("k-auditor", "k-editor", "k-approver", "k-auditor");
        JsonNode document = threads(callers.kawasakiEditor, id, null);
        assertThat(document.path("revision").asInt()).as("threads do not edit the document").isEqualTo(1);
        assertThat(document.path("reviewThreads").findValuesAsText("id")).containsExactly(thread);
        assertThat(document.path("reviewThreads").get(0).path("assessment").path("uuid").asText())
                .isEqualTo(document.path("uuid").asText());
        assertThat(threads(callers.kawasakiEditor, id, "RESOLVED").path("reviewThreads")).isEmpty();
    }

    @Test
    void givenACommentWithAScript_whenStarted_thenTheScriptIsNeitherShownNorStored() throws SQLException {
        String id = assessment("スクリプト入りの指摘");
        JsonNode started = start(auditor, id, null,
                "<p>確認</p><script>alert('review-thread-xss')</script>");

        assertThat(started.path("thread").path("comments").get(0).path("text").asText()).isEqualTo("<p>確認</p>");
        assertThat(started.path("thread").path("itemId").isNull()).as("the whole document").isTrue();
        assertThat(storedEventsMentioning("review-thread-xss")).isZero();
    }

    @Test
    void givenAnotherMunicipalitysThread_whenItsEditorReadsRepliesOrStarts_thenNothingIsThere() {
        String id = assessment("他団体からの指摘");
        String thread = start(auditor, id, "affair.description", "川崎の内部の指摘").path("threadId").asText();

        assertThat(callers.asahikawaEditor.data("assessment", THREADS, params(id, null)).isNull()).isTrue();
        assertThat(step(callers.asahikawaEditor, "replyToReviewThread", REPLY, thread, "覗き見").path("code").asText())
                .isEqualTo("THREAD_NOT_FOUND");
        assertThat(callers.asahikawaEditor.data("startReviewThread", START,
                params(id, Map.of("item", "affair.description", "text", "x"))).path("code").asText())
                .isEqualTo("ASSESSMENT_NOT_FOUND");
        assertThat(threads(callers.kawasakiEditor, id, null).path("reviewThreads").get(0).path("comments").size())
                .isEqualTo(1);
    }

    @Test
    void givenBadRequests_whenSent_thenTypedProblemsAndNothingChanges() {
        String id = assessment("拒否の確認");
        assertThat(start(auditor, id, "no.such-item", "?").path("code").asText()).isEqualTo("UNKNOWN_ITEM");
        assertThat(start(auditor, id, null, "<p> </p>").path("code").asText()).isEqualTo("INVALID_INPUT");
        assertThat(start(auditor, id, null, "あ".repeat(4_001)).path("code").asText()).isEqualTo("TEXT_TOO_LONG");
        String thread = start(auditor, id, null, "全体の用語").path("threadId").asText();

        assertThat(step(approver, "reopenReviewThread", REOPEN, thread, null).path("code").asText())
                .isEqualTo("THREAD_STATUS_CONFLICT");
        step(approver, "resolveReviewThread", RESOLVE, thread, null);
        assertThat(step(approver, "resolveReviewThread", RESOLVE, thread, null).path("code").asText())
                .isEqualTo("THREAD_STATUS_CONFLICT");
        assertThat(auditor.execute(RESOLVE, Map.of("thread", thread)).errors().findValuesAsText("code"))
                .contains("FORBIDDEN");
        assertThat(threads(callers.kawasakiEditor, id, null).path("reviewThreads").size()).isEqualTo(1);
    }

    @Test
    void givenThreads_whenPublishedAndTheNextVersionStarted_thenTheyStayAndAreNoChange() {
        String id = assessment("版をまたぐ指摘");
        long revision = callers.kawasakiEditor.data("answerItem", Operations.ANSWER, Map.of("id", id, "rev", 1,
                "item", "affair.target-population", "value", Map.of("selection", Map.of("code", "under-1k")))).path("revision").asLong();
        start(auditor, id, "affair.target-population", "対象人数の根拠は?");
        revision = approver.data("publishVersion", Operations.PUBLISH, Map.of("id", id, "rev", revision))
                .path("revision").asLong();

        JsonNode next = callers.kawasakiEditor.data("startNextVersion", Operations.NEXT_VERSION,
                Map.of("id", id, "rev", revision));
        assertThat(next.path("__typename").asText()).as(next.toString()).isEqualTo("AssessmentEdited");
        JsonNode document = threads(callers.kawasakiEditor, id, "OPEN");

        assertThat(document.path("version").asInt()).isEqualTo(2);
        assertThat(document.path("reviewThreads").findValuesAsText("itemId"))
                .containsExactly("affair.target-population");
        assertThat(document.path("pendingChanges")).as("no 変更箇所 from a thread").isEmpty();
        assertThat(document.path("history").findValuesAsText("event")).doesNotContain("ThreadStarted");
    }

    @Test
    void givenAThread_whenTheAuditorExportsTheChain_thenItsEventsAreLinkedAndTheChainIsIntact() {
        String id = assessment("監査証跡の指摘");
        String thread = start(auditor, id, null, "<p>監査証跡に残る指摘</p>").path("threadId").asText();
        step(approver, "resolveReviewThread", RESOLVE, thread, null);

        assertThat(AuditOperations.bundleFile(auditor, server.getURI()))
                .contains(GlobalIds.decode(thread).orElseThrow().localKey())
                .contains("ThreadStarted")
                .contains("ThreadResolved");
        assertThat(auditor.data("verifyEventChain", "{ verifyEventChain { intact } }", Map.of())
                .path("intact").asBoolean()).isTrue();
    }

    @Test
    void givenThreadsOnAnAssessment_whenItsReviewHistoryIsRead_thenEveryEventIsThereInOrderBothWaysAndOnlyThere() {
        String id = assessment("審査の履歴");
        answeredAndResolved(id, "記載を具体的に", "修正しました");
        start(callers.kawasakiEditor, id, null, "全体の確認");
        String activity = """
                query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
                  assessment(id: $id) {
                    reviewActivity(first: $first, after: $after, last: $last, before: $before) {
                      totalCount pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
                      edges { node { kind text itemId by { userId } thread { id status } } }
                    }
                  }
                }""";

        JsonNode first = callers.kawasakiReader.data("assessment", activity, Map.of("id", id, "first", 3))
                .path("reviewActivity");
        JsonNode rest = callers.kawasakiReader.data("assessment", activity, Map.of("id", id, "first", 3,
                "after", first.path("pageInfo").path("endCursor").asText())).path("reviewActivity");
        JsonNode lastTwo = callers.kawasakiReader.data("assessment", activity, Map.of("id", id, "last", 2))
                .path("reviewActivity");

        assertThat(first.path("totalCount").asInt()).isEqualTo(4);
        assertThat(first.path("edges").findValuesAsText("kind")).containsExactly("STARTED", "REPLIED", "RESOLVED");
        assertThat(first.path("edges").get(0).path("node").path("itemId").asText()).isEqualTo("affair.description");
        assertThat(first.path("edges").get(1).path("node").path("text").asText()).contains("修正しました");
        assertThat(first.path("edges").get(2).path("node").path("thread").path("status").asText())
                .isEqualTo("RESOLVED");
        assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        assertThat(rest.path("edges").findValuesAsText("kind")).containsExactly("STARTED");
        assertThat(rest.path("edges").get(0).path("node").path("itemId").isNull()).isTrue();
        assertThat(lastTwo.path("edges").findValuesAsText("kind")).containsExactly("RESOLVED", "STARTED");
        assertThat(lastTwo.path("pageInfo").path("hasPreviousPage").asBoolean()).isTrue();
        // the edit history and the 変更箇所 know nothing of it
        assertThat(threads(callers.kawasakiEditor, id, null).path("history").path("edges").findValuesAsText("event"))
                .containsExactly("AssessmentStarted");
        assertThat(callers.asahikawaEditor.execute(activity, Map.of("id", id, "first", 10)).data()
                .path("assessment").isNull()).isTrue();
        assertThat(callers.kawasakiReader.execute(activity, Map.of("id", id, "first", 2, "after", "not-a-cursor"))
                .errorCode()).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void givenMoreThreadsAndEventsThanAPage_whenConnectionsArePaged_thenEveryOneComesOnceInOrderBothWays() {
        String id = assessment("指摘の多い評価書");
        String busy = answeredAndResolved(id, "一件目", "返信一");
        step(auditor, "reopenReviewThread", REOPEN, busy, null);
        step(callers.kawasakiEditor, "replyToReviewThread", REPLY, busy, "返信二");
        List<String> threadIds = new java.util.ArrayList<>(List.of(busy));
        for (String text : List.of("二件目", "三件目", "四件目")) {
            threadIds.add(start(auditor, id, null, text).path("threadId").asText());
        }
        step(approver, "resolveReviewThread", RESOLVE, threadIds.get(2), null);
        String threadsQuery = """
                query($id: ID!, $status: ReviewThreadStatus, $first: Int, $after: String, $last: Int, $before: String) {
                  assessment(id: $id) {
                    reviewThreadsConnection(status: $status, first: $first, after: $after, last: $last, before: $before) {
                      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id } }
                    }
                  }
                }""";
        String eventsQuery = """
                query($thread: ID!, $first: Int, $after: String, $last: Int, $before: String) {
                  node(id: $thread) { ... on ReviewThread {
                    eventsConnection(first: $first, after: $after, last: $last, before: $before) {
                      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { kind } }
                    } } }
                }""";
        java.util.function.Function<Map<String, Object>, JsonNode> threadPage = paging -> callers.kawasakiReader
                .data("assessment", threadsQuery, params(id, paging)).path("reviewThreadsConnection");
        java.util.function.Function<Map<String, Object>, JsonNode> openPage = paging -> {
            Map<String, Object> variables = new HashMap<>(paging);
            variables.put("status", "OPEN");
            return threadPage.apply(variables);
        };
        java.util.function.Function<Map<String, Object>, JsonNode> eventPage = paging -> {
            Map<String, Object> variables = new HashMap<>(paging);
            variables.put("thread", busy);
            return callers.kawasakiReader.data("node", eventsQuery, variables).path("eventsConnection");
        };

        assertThat(threadPage.apply(Map.of("first", 2)).path("totalCount").asInt()).isEqualTo(4);
        assertThat(Paging.forward(threadPage, 3, node -> node.path("id").asText())).isEqualTo(threadIds);
        assertThat(Paging.backward(threadPage, 3, node -> node.path("id").asText())).isEqualTo(threadIds);
        assertThat(openPage.apply(Map.of("first", 1)).path("totalCount").asInt()).isEqualTo(3);
        assertThat(Paging.forward(openPage, 2, node -> node.path("id").asText()))
                .containsExactly(threadIds.get(0), threadIds.get(1), threadIds.get(3));
        assertThat(eventPage.apply(Map.of("last", 2)).path("totalCount").asInt()).isEqualTo(5);
        List<String> kinds = List.of("STARTED", "REPLIED", "RESOLVED", "REOPENED", "REPLIED");
        assertThat(Paging.forward(eventPage, 2, node -> node.path("kind").asText())).isEqualTo(kinds);
        assertThat(Paging.backward(eventPage, 2, node -> node.path("kind").asText())).isEqualTo(kinds);
        assertThat(callers.kawasakiReader.execute(threadsQuery, params(id, Map.of("first", 2, "after", "bm9wZQ")))
                .errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(callers.asahikawaEditor.execute(threadsQuery, params(id, Map.of("first", 2))).data()
                .path("assessment").isNull()).isTrue();
    }

    /** A thread the auditor starts on affair.description, the editor answers and the approver resolves. */
    private String answeredAndResolved(String id, String point, String answer) {
        String thread = start(auditor, id, "affair.description", point).path("threadId").asText();
        step(callers.kawasakiEditor, "replyToReviewThread", REPLY, thread, answer);
        step(approver, "resolveReviewThread", RESOLVE, thread, null);
        return thread;
    }

    private String assessment(String name) {
        return callers.kawasakiEditor.data("startAssessment", Operations.START, Map.of("kind", "KEY_ITEMS",
                "name", name)).path("assessment").path("id").asText();
    }

    private static JsonNode start(GraphQlClient client, String id, String item, String text) {
        Map<String, Object> variables = new HashMap<>(Map.of("id", id, "text", text));
        variables.put("item", item);
        return client.data("startReviewThread", START, variables);
    }

    private static JsonNode step(GraphQlClient client, String field, String operation, String thread, String text) {
        Map<String, Object> variables = new HashMap<>(Map.of("thread", thread));
        if (text != null) {
            variables.put("text", text);
        }
        return client.data(field, operation, variables);
    }

    private static JsonNode threads(GraphQlClient client, String id, String status) {
        return client.data("assessment", THREADS, params(id, status == null ? null : Map.of("status", status)));
    }

    private static Map<String, Object> params(String id, Map<String, Object> more) {
        Map<String, Object> variables = new HashMap<>(Map.of("id", id));
        if (more != null) {
            variables.putAll(more);
        }
        return variables;
    }
}
