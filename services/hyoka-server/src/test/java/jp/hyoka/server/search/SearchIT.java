package jp.hyoka.server.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.Editing;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * searchAssessments over HTTP on the real database: Japanese substrings of affair names, rich text and a system
 * name found, ranked and excerpted safely; one and two characters; % and _ literal; pages; an edit and a redaction
 * changing what is found; and another municipality's identical text never found.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIT extends SignedInServerTest {

    static final String SEARCH = """
            query($q: String!, $first: Int, $after: String) {
              searchAssessments(query: $q, first: $first, after: $after) {
                totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
                edges { cursor node { assessment { id affairName } matchedIn itemId entryIds item { id label }
                        itemPath score excerpt { text html highlights { start length } } } }
              }
            }""";
    private static final String BACKWARD = """
            query($q: String!, $first: Int, $last: Int, $before: String) {
              searchAssessments(query: $q, first: $first, last: $last, before: $before) {
                totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                edges { cursor node { assessment { id } } }
              }
            }""";
    private static final String ADD_SYSTEM = """
            mutation($id: ID!, $rev: Int!) { addRepeatEntry(input: {assessmentId: $id, expectedRevision: $rev,
              groupId: "system"}) { __typename ... on AssessmentEdited { revision addedEntryId } } }""";
    private static final String ANSWER_IN_ENTRY = """
            mutation($id: ID!, $rev: Int!, $entry: ID!, $text: String!) { answerItem(input: {assessmentId: $id,
              expectedRevision: $rev, itemId: "system.name", entryIds: [$entry], value: {text: $text}}) {
              __typename ... on AssessmentEdited { revision } } }""";
    private static final String REDACT = """
            mutation($id: ID!, $rev: Int!) {
              redactPersonalData(input: {assessmentId: $id, expectedRevision: $rev, text: "山田花子",
                                         reason: "本人からの削除請求"}) { __typename ... on AssessmentEdited { revision } }
            }""";
    private static final String DESCRIPTION = "<p>住民票の写しの交付に当たり、中間サーバーを通じて情報照会を行う。"
            + "&lt;b&gt;太字ではない&lt;/b&gt; 担当: 山田花子</p>";

    @Value("${hyoka.database.url}")
    String url;
    @Value("${hyoka.database.username}")
    String user;
    @Value("${hyoka.database.password:}")
    String password;

    private String kawasakiId;
    private String systemEntry;
    private String asahikawaId;
    private final List<String> pagedIds = new ArrayList<>();

    @BeforeAll
    void documentsOfTwoMunicipalitiesWithTheSameWords() {
        GraphQlClient editor = callers.kawasakiEditor;
        kawasakiId = Editing.start(editor, "KEY_ITEMS", "住民基本台帳に関する事務");
        long revision = Editing.answer(editor, kawasakiId, 1, "affair.description", Map.of("richText", DESCRIPTION));
        JsonNode added = editor.data("addRepeatEntry", ADD_SYSTEM, Map.of("id", kawasakiId, "rev", revision));
        systemEntry = added.path("addedEntryId").asText();
        JsonNode named = editor.data("answerItem", ANSWER_IN_ENTRY, Map.of("id", kawasakiId,
                "rev", added.path("revision").asLong(), "entry", systemEntry, "text", "既存住基ＡＰシステム"));
        assertThat(named.path("__typename").asText()).as(named.toString()).isEqualTo("AssessmentEdited");
        Editing.answer(editor, kawasakiId, named.path("revision").asLong(), "department.name",
                Map.of("text", "市民課 達成率100%_以上"));
        String other = Editing.start(editor, "KEY_ITEMS", "予防接種に関する事務");
        Editing.answer(editor, other, 1, "department.name", Map.of("text", "健康課 達成率100ab以上"));
        for (int i = 1; i <= 5; i++) {
            pagedIds.add(Editing.start(editor, "BASIC_ITEMS", "頁送り確認" + i));
        }

        asahikawaId = Editing.start(callers.asahikawaEditor, "KEY_ITEMS", "住民基本台帳に関する事務");
        Editing.answer(callers.asahikawaEditor, asahikawaId, 1, "affair.description",
                Map.of("richText", DESCRIPTION + "<p>頁送り確認 既存住基ＡＰシステム 100%_</p>"));
    }

    @Test
    void givenJapaneseTexts_whenSearchingTheirSubstrings_thenEachIsFoundWithItsItemAndExcerpt() {
        JsonNode server = search(callers.kawasakiEditor, "中間サーバー");
        JsonNode hit = onlyHit(server);
        assertThat(hit.path("assessment").path("id").asText()).isEqualTo(kawasakiId);
        assertThat(hit.path("matchedIn").asText()).isEqualTo("ANSWER");
        assertThat(hit.path("itemId").asText()).isEqualTo("affair.description");
        assertThat(hit.path("item").path("label").asText()).isEqualTo("事務の内容");
        assertThat(hit.path("itemPath").asText()).contains("②事務の内容");
        String text = hit.path("excerpt").path("text").asText();
        JsonNode highlight = hit.path("excerpt").path("highlights").get(0);
        assertThat(text.substring(highlight.path("start").asInt(),
                highlight.path("start").asInt() + highlight.path("length").asInt())).isEqualTo("中間サーバー");

        JsonNode system = onlyHit(search(callers.kawasakiEditor, "住基APシステム"));
        assertThat(system.path("itemId").asText()).isEqualTo("system.name");
        assertThat(system.path("entryIds").get(0).asText()).isEqualTo(systemEntry);
        assertThat(system.path("itemPath").asText()).contains("(システム1)").contains("①システムの名称");
        assertThat(system.path("excerpt").path("text").asText()).as("NFKC: 全角 AP found by AP")
                .isEqualTo("既存住基APシステム");
    }

    @Test
    void givenAMatchInTheAffairName_whenSearching_thenItRanksFirst() {
        JsonNode result = search(callers.kawasakiEditor, "住民");
        List<JsonNode> hits = nodes(result);

        assertThat(hits).hasSize(2);
        assertThat(hits.get(0).path("matchedIn").asText()).isEqualTo("AFFAIR_NAME");
        assertThat(hits.get(0).path("assessment").path("affairName").asText()).isEqualTo("住民基本台帳に関する事務");
        assertThat(hits.get(0).path("score").asDouble()).isGreaterThan(hits.get(1).path("score").asDouble());
        assertThat(onlyHit(search(callers.kawasakiEditor, "住民基本台帳")).path("matchedIn").asText())
                .isEqualTo("AFFAIR_NAME");
    }

    @Test
    void givenOneOrTwoCharacters_whenSearching_thenTheyAreFoundToo() {
        assertThat(onlyHit(search(callers.kawasakiEditor, "住基")).path("itemId").asText()).isEqualTo("system.name");
        assertThat(onlyHit(search(callers.kawasakiEditor, "照")).path("itemId").asText())
                .isEqualTo("affair.description");
    }

    @Test
    void givenPercentAndUnderscore_whenSearching_thenTheyAreLiteral() {
        JsonNode hit = onlyHit(search(callers.kawasakiEditor, "100%_"));

        assertThat(hit.path("itemId").asText()).isEqualTo("department.name");
        assertThat(hit.path("assessment").path("id").asText()).isEqualTo(kawasakiId);
        assertThat(search(callers.kawasakiEditor, "_").path("totalCount").asInt()).isEqualTo(1);
        assertThat(search(callers.kawasakiEditor, "\\").path("totalCount").asInt()).isZero();
    }

    @Test
    void givenMarkupInAnAnswer_whenExcerpted_thenTheHtmlIsEscapedAndOnlyTheMatchIsMarked() {
        JsonNode excerpt = onlyHit(search(callers.kawasakiEditor, "太字")).path("excerpt");

        assertThat(excerpt.path("text").asText()).contains("<b>太字ではない</b>").doesNotContain("<p>");
        assertThat(excerpt.path("html").asText()).contains("&lt;b&gt;<mark>太字</mark>ではない&lt;/b&gt;")
                .doesNotContain("<b>").doesNotContain("<p>");
    }

    @Test
    void givenMoreHitsThanAPage_whenPaging_thenEveryHitComesOnceInOrder() {
        List<String> seen = new ArrayList<>();
        String after = null;
        List<Integer> sizes = new ArrayList<>();
        do {
            Map<String, Object> variables = new HashMap<>(Map.of("q", "頁送り", "first", 2));
            if (after != null) {
                variables.put("after", after);
            }
            JsonNode page = callers.kawasakiEditor.data("searchAssessments", SEARCH, variables);
            assertThat(page.path("totalCount").asInt()).isEqualTo(5);
            nodes(page).forEach(node -> seen.add(node.path("assessment").path("id").asText()));
            sizes.add(page.path("edges").size());
            after = page.path("pageInfo").path("hasNextPage").asBoolean()
                    ? page.path("pageInfo").path("endCursor").asText() : null;
        } while (after != null);

        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(pagedIds);
    }

    @Test
    void givenMoreHitsThanAPage_whenPagingBackwardFromTheEnd_thenTheSameOrderComesReversedPageByPage() {
        List<String> forward = new ArrayList<>();
        search(callers.kawasakiEditor, "頁送り").path("edges")
                .forEach(edge -> forward.add(edge.path("node").path("assessment").path("id").asText()));
        List<String> backward = new ArrayList<>();
        List<Boolean> hasPrevious = new ArrayList<>();
        String before = null;
        JsonNode page;
        do {
            Map<String, Object> variables = new HashMap<>(Map.of("q", "頁送り", "last", 2));
            if (before != null) {
                variables.put("before", before);
            }
            page = callers.kawasakiEditor.data("searchAssessments", BACKWARD, variables);
            assertThat(page.path("totalCount").asInt()).isEqualTo(5);
            List<String> ids = new ArrayList<>();
            nodes(page).forEach(node -> ids.add(node.path("assessment").path("id").asText()));
            backward.addAll(0, ids);
            hasPrevious.add(page.path("pageInfo").path("hasPreviousPage").asBoolean());
            assertThat(page.path("pageInfo").path("hasNextPage").asBoolean()).as("a page before another")
                    .isEqualTo(before != null);
            before = page.path("pageInfo").path("startCursor").asText();
        } while (page.path("pageInfo").path("hasPreviousPage").asBoolean());

        assertThat(backward).as("edges stay in list order").isEqualTo(forward);
        assertThat(hasPrevious).containsExactly(true, true, false);
        JsonNode second = callers.kawasakiEditor.data("searchAssessments", SEARCH, Map.of("q", "頁送り", "first", 2,
                "after", callers.kawasakiEditor.data("searchAssessments", SEARCH, Map.of("q", "頁送り", "first", 2))
                        .path("pageInfo").path("endCursor").asText()));
        assertThat(callers.kawasakiEditor.execute(BACKWARD, Map.of("q", "頁送り", "last", 2, "first", 2)).errors()
                .findValuesAsText("code")).containsExactly("BAD_USER_INPUT");
        assertThat(second.path("pageInfo").path("hasPreviousPage").asBoolean()).as("reached from a cursor").isTrue();
    }

    @Test
    void givenTheSameWordsInTwoMunicipalities_whenEachSearches_thenEachFindsOnlyItsOwn() {
        for (String query : List.of("中間サーバー", "住民基本台帳", "既存住基APシステム", "100%_", "頁送り", "山", "照会")) {
            Set<String> found = ids(search(callers.kawasakiEditor, query));
            assertThat(found).as(query).isNotEmpty().doesNotContain(asahikawaId);
            assertThat(ids(search(callers.asahikawaEditor, query))).as(query).containsOnly(asahikawaId);
        }
        assertThat(search(callers.kawasakiReader, "中間サーバー").path("totalCount").asInt()).isEqualTo(1);
    }

    @Test
    void givenAnEdit_whenSearching_thenTheNewAnswerIsFoundAndTheOldNoLonger() {
        String id = Editing.start(callers.kawasakiEditor, "KEY_ITEMS", "税務に関する事務");
        long revision = Editing.answer(callers.kawasakiEditor, id, 1, "department.name", Map.of("text", "旧資産税課"));
        assertThat(ids(search(callers.kawasakiEditor, "旧資産税"))).containsExactly(id);

        Editing.answer(callers.kawasakiEditor, id, revision, "department.name", Map.of("text", "新固定資産税課"));

        assertThat(search(callers.kawasakiEditor, "旧資産税").path("totalCount").asInt()).isZero();
        assertThat(ids(search(callers.kawasakiEditor, "新固定資産税"))).containsExactly(id);
    }

    @Test
    void givenARedactedName_whenSearchingForIt_thenItIsNotFound() {
        String id = Editing.start(callers.kawasakiEditor, "KEY_ITEMS", "削除請求の事務");
        long revision = Editing.answer(callers.kawasakiEditor, id, 1, "department.head-title",
                Map.of("text", "課長 佐藤一郎"));
        assertThat(ids(search(callers.kawasakiEditor, "佐藤一郎"))).containsExactly(id);
        String redact = REDACT.replace("山田花子", "佐藤一郎");

        JsonNode redacted = callers.kawasakiApprover.data("redactPersonalData", redact,
                Map.of("id", id, "rev", revision));

        assertThat(redacted.path("__typename").asText()).as(redacted.toString()).isEqualTo("AssessmentEdited");
        assertThat(search(callers.kawasakiEditor, "佐藤一郎").path("totalCount").asInt()).isZero();
        assertThat(search(callers.kawasakiEditor, "佐藤").path("totalCount").asInt()).isZero();
        assertThat(ids(search(callers.kawasakiEditor, "課長 [個人情報削除]"))).containsExactly(id);
    }

    @Test
    void givenBadInput_whenSearching_thenBadUserInput() {
        List<Map<String, Object>> bad = List.of(Map.of("q", "   "), Map.of("q", "\u0007"), Map.of("q", "あ".repeat(101)),
                Map.of("q", "住民", "first", 101), Map.of("q", "住民", "first", 0),
                Map.of("q", "住民", "after", "bm90IGEgY3Vyc29y"), Map.of("q", "住民", "after", "%%%"));
        for (Map<String, Object> variables : bad) {
            assertThat(callers.kawasakiEditor.execute(SEARCH, variables).errors().findValuesAsText("code"))
                    .as(variables.toString()).containsExactly("BAD_USER_INPUT");
        }
        assertThat(search(callers.kawasakiEditor, "あ".repeat(100)).path("totalCount").asInt()).isZero();
    }

    @Test
    void givenTheDatabasesLocale_whenJapaneseIsSplitIntoTrigrams_thenItHasTrigrams() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT cardinality(show_trgm('中間サーバー'))")) {
            row.next();
            assertThat(row.getInt(1)).as("the index serves Japanese (README: locale)").isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void givenAJapanesePattern_whenPlannedAsTheSearchFunctionMatches_thenTheTrigramIndexServesIt()
            throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            // a few rows: the planner would rather scan the table or the primary key than use any other index
            statement.execute("SET LOCAL enable_seqscan = off");
            try (ResultSet plan = statement.executeQuery(
                    "EXPLAIN SELECT assessment_id FROM rm_answer WHERE search_text ILIKE '%中間サーバー%'")) {
                StringBuilder text = new StringBuilder();
                while (plan.next()) {
                    text.append(plan.getString(1)).append('\n');
                }
                assertThat(text.toString()).contains("rm_answer_search").contains("中間サーバー");
            } finally {
                connection.rollback();
            }
        }
    }

    private static JsonNode search(GraphQlClient client, String query) {
        return client.data("searchAssessments", SEARCH, Map.of("q", query, "first", 100));
    }

    private static List<JsonNode> nodes(JsonNode result) {
        return StreamSupport.stream(result.path("edges").spliterator(), false).map(edge -> edge.path("node")).toList();
    }

    private static JsonNode onlyHit(JsonNode result) {
        assertThat(result.path("totalCount").asInt()).as(result.toString()).isEqualTo(1);
        return nodes(result).get(0);
    }

    private static Set<String> ids(JsonNode result) {
        return nodes(result).stream().map(node -> node.path("assessment").path("id").asText())
                .collect(java.util.stream.Collectors.toSet());
    }
}
