package jp.hyoka.server.publicview;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.security.DevTokenIssuer;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.Paging;
import jp.hyoka.server.support.PublishedAssessments;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public version end to end: an item marked 非公表 reads （非公表） in publicAssessment and in the public export,
 * the other items their values, redacted names never appear, and a later draft stays private until published — all
 * read by a caller without any token on /graphql/public, which serves nothing else.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicAssessmentIT extends SignedInServerTest {

    private static final String SECRET = "サーバ室は本庁舎3階東側";
    private static final String WITHHOLD = """
            mutation($id: ID!, $rev: Int!, $item: ID!, $reason: String) {
              withholdItemFromPublication(input: {assessmentId: $id, expectedRevision: $rev, itemId: $item,
                                                  reason: $reason}) {
                __typename ... on AssessmentEdited { revision } ... on Problem { code }
                ... on InvalidInput { field }
              }
            }""";
    private static final String RESTORE = """
            mutation($id: ID!, $rev: Int!, $item: ID!) {
              restoreItemPublication(input: {assessmentId: $id, expectedRevision: $rev, itemId: $item}) {
                __typename ... on AssessmentEdited { revision } ... on Problem { code }
              }
            }""";
    private static final String PUBLISH = """
            mutation($id: ID!, $rev: Int!, $on: Date!, $explanations: [ChangeExplanationInput!]) {
              publishVersion(input: {assessmentId: $id, expectedRevision: $rev, publishedOn: $on,
                                     explanations: $explanations}) {
                __typename ... on AssessmentEdited { revision } ... on Problem { code message }
              }
            }""";
    private static final String PUBLIC = """
            query($code: String!, $id: ID!) {
              publicAssessment(municipalityCode: $code, assessmentId: $id) {
                municipalityCode id affairName version publishedOn
                answers { item { itemId } entryIds itemPath text withheld }
                pastChanges { itemId before after explanation }
              }
            }""";
    private static final String MARKS = """
            query($id: ID!) { assessment(id: $id) { withheldFromPublication { item { itemId } entryIds } } }""";
    private static final String EXPORT = """
            query($id: ID!, $public: Boolean) {
              exportDocument(assessmentId: $id, format: TSV, public: $public) { fileName contentBase64 mediaType }
            }""";

    private GraphQlClient approver;
    private GraphQlClient anyone;
    private String id;
    private long revision;

    @BeforeAll
    void aDraftWithAnItemMarkedAndAnotherNot() {
        approver = new GraphQlClient(server.getURI(), issuer.issue("p-approver", "川崎 承認", Callers.KAWASAKI,
                List.of("approver")));
        anyone = GraphQlClient.ofPublicEndpoint(server.getURI(), null);
        id = callers.kawasakiEditor.data("startAssessment", Operations.START,
                Map.of("kind", "KEY_ITEMS", "name", "公表版の確認 山田花子担当")).path("assessment").path("id").asText();
        revision = answer(1, "affair.target-population", Map.of("selection", Map.of("code", "under-1k")));
        revision = answer(revision, "affair.description", Map.of("richText", "<p>" + SECRET + "</p>"));
    }

    @Test
    void givenAMarkedItem_whenPublished_thenThePublicReadsTheWordingForItAndTheValueForTheOthers() {
        JsonNode refused = callers.kawasakiEditor.data("withholdItemFromPublication", WITHHOLD,
                Map.of("id", id, "rev", revision, "item", "affair.description"));
        assertThat(refused.path("field").asText()).as("a reason is required").isEqualTo("reason");
        assertThat(callers.kawasakiEditor.data("withholdItemFromPublication", WITHHOLD,
                Map.of("id", id, "rev", revision, "item", "no.such-item", "reason", "理由")).path("code").asText())
                .isEqualTo("UNKNOWN_ITEM");
        revision = callers.kawasakiEditor.data("withholdItemFromPublication", WITHHOLD, Map.of("id", id,
                "rev", revision, "item", "affair.description", "reason", "所在の公表はセキュリティ上のリスク"))
                .path("revision").asLong();
        assertThat(publicView().isNull()).as("nothing is public before a first publication").isTrue();
        assertThat(callers.kawasakiReader.data("assessment", MARKS, Map.of("id", id)).path("withheldFromPublication")
                .findValuesAsText("itemId")).containsExactly("affair.description");

        revision = publish(revision, "2025-04-01", List.of());
        revision = approver.data("redactPersonalData", """
                mutation($id: ID!, $rev: Int!) { redactPersonalData(input: {assessmentId: $id, expectedRevision: $rev,
                  text: "山田花子", reason: "本人からの削除請求"}) { __typename ... on AssessmentEdited { revision } } }""",
                Map.of("id", id, "rev", revision)).path("revision").asLong();

        JsonNode shown = publicView();
        assertThat(shown.path("municipalityCode").asText()).isEqualTo("141305");
        assertThat(shown.path("version").asInt()).isEqualTo(1);
        assertThat(shown.path("affairName").asText()).isEqualTo("公表版の確認 ［個人情報削除］担当");
        assertThat(answer(shown, "affair.description").path("text").asText()).isEqualTo("（非公表）");
        assertThat(answer(shown, "affair.description").path("withheld").asBoolean()).isTrue();
        assertThat(answer(shown, "affair.target-population").path("text").asText()).isEqualTo("1,000人未満");
        assertThat(answer(shown, "affair.target-population").path("withheld").asBoolean()).isFalse();
        assertThat(shown.toString()).doesNotContain(SECRET).doesNotContain("山田花子");

        // the next draft: the mark taken away and another answer changed, both invisible until published
        revision = callers.kawasakiEditor.data("startNextVersion", """
                mutation($id: ID!, $rev: Int!) { startNextVersion(input: {assessmentId: $id, expectedRevision: $rev}) {
                  __typename ... on AssessmentEdited { revision } } }""", Map.of("id", id, "rev", revision))
                .path("revision").asLong();
        revision = answer(revision, "affair.target-population", Map.of("selection", Map.of("code", "10k-to-100k")));
        revision = callers.kawasakiEditor.data("restoreItemPublication", RESTORE,
                Map.of("id", id, "rev", revision, "item", "affair.description")).path("revision").asLong();
        assertThat(callers.kawasakiReader.data("assessment", MARKS, Map.of("id", id)).path("withheldFromPublication"))
                .isEmpty();
        assertThat(publicView()).as("a draft's edits stay private").isEqualTo(shown);

        assertThat(tsv(true)).contains("（非公表）").doesNotContain(SECRET).doesNotContain("山田花子");
        assertThat(tsv(false)).as("the municipality's own export keeps the value").contains(SECRET);

        // a second changed item, so the 変更箇所 hold more than one row (paged below)
        revision = answer(revision, "affair.description", Map.of("richText", "<p>" + SECRET + "（第2版）</p>"));
        publish(revision, "2025-10-01", List.of(Map.of("itemId", "affair.target-population",
                "explanation", "対象者の増加に伴う変更"), Map.of("itemId", "affair.description",
                "explanation", "事務の内容の補足")));
        JsonNode second = publicView();
        assertThat(second.path("version").asInt()).isEqualTo(2);
        assertThat(answer(second, "affair.description").path("text").asText()).contains(SECRET);
        assertThat(answer(second, "affair.target-population").path("text").asText()).isEqualTo("1万人以上10万人未満");
        assertConnectionsPageLikeTheLists(second);
    }

    @Test
    void givenAMunicipalitysDocuments_whenItsWebsiteListsThem_thenOnlyThePublishedOnesAsPublishedAndPaged() {
        callers.asahikawaEditor.data("startAssessment", Operations.START, Map.of("kind", "KEY_ITEMS", "name",
                "旭川の下書き"));
        PublishedAssessments.startAndPublish(server, issuer, Callers.ASAHIKAWA, callers.asahikawaEditor, "旭川の公表済み一");
        String ended = PublishedAssessments.startAndPublish(server, issuer, Callers.ASAHIKAWA,
                callers.asahikawaEditor, "旭川の公表済み二");
        GraphQlClient asahikawaApprover = new GraphQlClient(server.getURI(), issuer.issue("a-approver", "旭川 承認",
                Callers.ASAHIKAWA, List.of("approver")));
        long endedRevision = callers.asahikawaEditor.data("assessment",
                "query($id: ID!) { assessment(id: $id) { revision } }", Map.of("id", ended)).path("revision").asLong();
        assertThat(asahikawaApprover.data("recordAffairEnd", """
                mutation($id: ID!, $rev: Int!) { recordAffairEnd(input: {assessmentId: $id, expectedRevision: $rev,
                  endedOn: "2026-03-31"}) { __typename } }""", Map.of("id", ended, "rev", endedRevision))
                .path("__typename").asText()).isEqualTo("AssessmentEdited");
        String list = """
                query($code: String!, $first: Int, $after: String) {
                  publicAssessments(municipalityCode: $code, first: $first, after: $after) {
                    totalCount pageInfo { hasNextPage endCursor }
                    edges { node { affairName affairEndedOn version publishedOn } }
                  }
                }""";

        JsonNode page = anyone.data("publicAssessments", list, Map.of("code", "012041", "first", 1));
        JsonNode next = anyone.data("publicAssessments", list, Map.of("code", "012041", "first", 1,
                "after", page.path("pageInfo").path("endCursor").asText()));

        assertThat(page.path("totalCount").asInt()).isEqualTo(2);
        assertThat(page.path("edges").get(0).path("node").path("affairName").asText())
                .isEqualTo("旭川の公表済み二【令和8年3月31日 終了】");
        assertThat(page.path("edges").get(0).path("node").path("affairEndedOn").asText()).isEqualTo("2026-03-31");
        assertThat(page.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        assertThat(next.path("edges").findValuesAsText("affairName")).containsExactly("旭川の公表済み一");
        assertThat(next.path("edges").get(0).path("node").path("affairEndedOn").isNull()).isTrue();
        assertThat(page.toString() + next).doesNotContain("旭川の下書き");
        assertThat(anyone.data("publicAssessments", list, Map.of("code", "012040")).path("edges")).isEmpty();
        assertThat(anyone.execute(list, Map.of("code", "012041", "first", 21)).errorCode())
                .isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void givenTheAnonymousEndpoint_whenAnythingButPublicAssessmentIsAsked_thenUnauthenticatedEvenWithAToken() {
        GraphQlClient editorThere = GraphQlClient.ofPublicEndpoint(server.getURI(), issuer.issue("p-editor",
                "川崎 作成", Callers.KAWASAKI, List.of("editor", "approver", "auditor")));
        GraphQlClient forgedThere = GraphQlClient.ofPublicEndpoint(server.getURI(), new DevTokenIssuer(
                Duration.ofHours(1)).issue("mallory", "Mallory", Callers.KAWASAKI, List.of("editor")));
        for (GraphQlClient client : List.of(anyone, editorThere, forgedThere)) {
            assertThat(client.execute(PUBLIC, Map.of("code", "141305", "id", id)).errors()).isEmpty();
            for (String operation : List.of("{ me { userId } }", "{ assessments(first: 1) { pageInfo { hasNextPage } } }",
                    "{ assessment(id: \"" + id + "\") { id } }", "{ exportDocument(assessmentId: \"" + id
                            + "\", format: TSV, public: true) { fileName } }")) {
                GraphQlClient.Response response = client.execute(operation, Map.of());
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.errors().findValuesAsText("code")).as(operation).containsOnly("UNAUTHENTICATED");
            }
        }
    }

    @Test
    void givenAnotherMunicipalitysCodeOrAnUnknownId_whenReadPublicly_thenNull() {
        for (Map<String, Object> variables : List.of(Map.<String, Object>of("code", "012041", "id", id),
                Map.<String, Object>of("code", "141305", "id", "01927a3c-5b1e-7000-8000-00000000dead"),
                Map.<String, Object>of("code", "not-a-code", "id", "x"))) {
            assertThat(anyone.data("publicAssessment", PUBLIC, variables).isNull()).as(variables.toString()).isTrue();
        }
    }

    /** answersConnection and pastChangesConnection, paged one row at a time both ways, give the lists' rows. */
    private void assertConnectionsPageLikeTheLists(JsonNode document) {
        List<String> answers = new ArrayList<>();
        document.path("answers").forEach(answer -> answers.add(answerLine(answer)));
        List<String> changes = new ArrayList<>();
        document.path("pastChanges").forEach(change -> changes.add(changeLine(change)));
        Function<Map<String, Object>, JsonNode> answerPage = paging -> publicPage("answersConnection",
                "itemPath text", paging);
        Function<Map<String, Object>, JsonNode> changePage = paging -> publicPage("pastChangesConnection",
                "itemId before after", paging);

        Paging.assertPagesLike(answers, answerPage, PublicAssessmentIT::answerLine);
        Paging.assertPagesLike(changes, changePage, PublicAssessmentIT::changeLine);
    }

    private JsonNode publicPage(String connection, String fields, Map<String, Object> paging) {
        Map<String, Object> variables = new HashMap<>(paging);
        variables.putAll(Map.of("code", "141305", "id", id));
        return anyone.data("publicAssessment", """
                query($code: String!, $id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
                  publicAssessment(municipalityCode: $code, assessmentId: $id) {
                    %s(first: $first, after: $after, last: $last, before: $before) {
                      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { %s } }
                    }
                  }
                }""".formatted(connection, fields), variables).path(connection);
    }

    private static String answerLine(JsonNode answer) {
        return answer.path("itemPath").asText() + " = " + answer.path("text").asText();
    }

    private static String changeLine(JsonNode change) {
        return change.path("itemId").asText() + ": " + change.path("before").asText() + " → "
                + change.path("after").asText();
    }

    private JsonNode publicView() {
        return anyone.data("publicAssessment", PUBLIC, Map.of("code", "141305", "id", id));
    }

    private static JsonNode answer(JsonNode document, String itemId) {
        for (JsonNode answer : document.path("answers")) {
            if (answer.path("item").path("itemId").asText().equals(itemId)) {
                return answer;
            }
        }
        throw new AssertionError(itemId + " not in " + document);
    }

    private long answer(long rev, String item, Map<String, Object> value) {
        JsonNode answered = callers.kawasakiEditor.data("answerItem", Operations.ANSWER,
                Map.of("id", id, "rev", rev, "item", item, "value", value));
        assertThat(answered.path("__typename").asText()).as(answered.toString()).isEqualTo("AssessmentEdited");
        return answered.path("revision").asLong();
    }

    private long publish(long rev, String on, List<Map<String, Object>> explanations) {
        JsonNode published = approver.data("publishVersion", PUBLISH, Map.of("id", id, "rev", rev, "on", on,
                "explanations", explanations));
        assertThat(published.path("__typename").asText()).as(published.toString()).isEqualTo("AssessmentEdited");
        return published.path("revision").asLong();
    }

    private String tsv(boolean forThePublic) {
        JsonNode export = callers.kawasakiEditor.data("exportDocument", EXPORT, Map.of("id", id,
                "public", forThePublic));
        String mediaType = export.path("mediaType").asText();
        return new String(Base64.getDecoder().decode(export.path("contentBase64").asText()),
                Charset.forName(mediaType.substring(mediaType.indexOf("charset=") + "charset=".length())));
    }
}
