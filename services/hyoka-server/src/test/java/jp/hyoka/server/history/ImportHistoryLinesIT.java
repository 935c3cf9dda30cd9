package jp.hyoka.server.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.database.Cursors;
import jp.hyoka.server.support.Imports;
import jp.hyoka.server.support.Samples;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import's entries and answers are one stored event (DocumentContentImported) and one revision, but many lines of
 * the audit trail: paging, cursors and node ids must address a line within its revision, and a revision's first
 * line keeps the spelling cursors had before lines existed.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportHistoryLinesIT extends SignedInServerTest {

    private static final String TRAIL = """
            query($first: Int, $after: String, $filter: AuditFilter) {
              auditTrail(first: $first, after: $after, filter: $filter) {
                edges { cursor node { id revision event itemId } }
                pageInfo { hasNextPage endCursor }
              }
            }""";
    private static final String NODE = """
            query($id: ID!) { node(id: $id) { ... on HistoryEntry { id revision event itemId } } }""";

    private String assessmentId;

    @BeforeAll
    void aPublishedDocumentIsImported() {
        assessmentId = Imports.importedId(callers.kawasakiEditor, Samples.ALL_ITEMS_000);
    }

    @Test
    void givenAnImportsLines_whenTheTrailIsPagedSevenAtATime_thenEachLineAppearsOnceAsInOnePageOfAHundred() {
        List<JsonNode> bySeven = trail(7);
        List<JsonNode> byHundred = trail(100);

        List<String> ids = bySeven.stream().map(line -> line.path("id").asText()).toList();
        assertThat(ids).doesNotHaveDuplicates().hasSizeGreaterThan(100);
        assertThat(ids).isEqualTo(byHundred.stream().map(line -> line.path("id").asText()).toList());
        long contentLines = bySeven.stream().filter(line -> line.path("revision").asInt() == 2).count();
        assertThat(contentLines).as("the entries and answers share the content event's revision").isGreaterThan(100);
    }

    @Test
    void givenALineWithinARevision_whenItsNodeIsFetchedById_thenItIsThatLine() {
        List<JsonNode> lines = trail(100);
        JsonNode later = lines.stream().filter(line -> line.path("revision").asInt() == 2).skip(50).findFirst()
                .orElseThrow();

        JsonNode fetched = callers.kawasakiReader.data("node", NODE, Map.of("id", later.path("id").asText()));

        assertThat(fetched).isEqualTo(later);
    }

    @Test
    void givenACursorSpelledBeforeLinesExisted_whenPagedAfterIt_thenItMeansTheRevisionsFirstLine() {
        List<JsonNode> lines = trail(100);
        List<String> cursors = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = page(100, after);
            page.path("edges").forEach(edge -> cursors.add(edge.path("cursor").asText()));
            after = page.path("pageInfo").path("hasNextPage").asBoolean() ? page.path("pageInfo").path("endCursor")
                    .asText() : null;
        } while (after != null);
        int firstOfContent = 0;
        while (lines.get(firstOfContent).path("revision").asInt() != 2) {
            firstOfContent++;
        }
        String spelled = Cursors.decode(cursors.get(firstOfContent)).orElseThrow();

        assertThat(spelled).as("a revision's first line ends its cursor as a bare revision did").endsWith("|2");
        assertThat(page(1, cursors.get(firstOfContent)).path("edges").get(0).path("node"))
                .isEqualTo(lines.get(firstOfContent + 1));
    }

    private List<JsonNode> trail(int pageSize) {
        List<JsonNode> lines = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = page(pageSize, after);
            page.path("edges").forEach(edge -> lines.add(edge.path("node")));
            after = page.path("pageInfo").path("hasNextPage").asBoolean() ? page.path("pageInfo").path("endCursor")
                    .asText() : null;
        } while (after != null);
        return lines;
    }

    private JsonNode page(int first, String after) {
        Map<String, Object> variables = new HashMap<>(Map.of("first", first,
                "filter", Map.of("assessmentId", assessmentId)));
        variables.put("after", after);
        return callers.kawasakiReader.data("auditTrail", TRAIL, variables);
    }
}
