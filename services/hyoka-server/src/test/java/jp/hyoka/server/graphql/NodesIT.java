package jp.hyoka.server.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.assessment.AssessmentIds;
import jp.hyoka.server.support.Editing;
import jp.hyoka.server.support.FormOperations;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.ReviewThreadCalls;
import jp.hyoka.server.support.Samples;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relay object identification end to end: every Node type's id, read through the ordinary API, refetches the same
 * object with node(id:) and nodes(ids:); another municipality's ids, unknown and malformed ids all read as null.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodesIT extends SignedInServerTest {

    private static final String IDS = """
            query($id: ID!) {
              assessment(id: $id) {
                id uuid revision
                repeatEntries { id entryId }
                history(first: 1) { edges { node { id revision } } }
                reviewThreads { id }
                pastChanges { id }
              }
              assessmentAt(id: $id, revision: 2) { id assessmentId revision }
            }""";
    private static final String NODE = """
            query($id: ID!) { node(id: $id) { __typename id } }""";
    private static final String NODES = """
            query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }""";

    private GraphQlClient operator;
    /** Global id → its GraphQL type, for one object of every Node type, all of 川崎市 (or public). */
    private final Map<String, String> kawasaki = new LinkedHashMap<>();
    private String assessment;

    @BeforeAll
    void oneObjectOfEveryType() {
        operator = new GraphQlClient(server.getURI(), issuer.issue("op-nodes", "運営 節点", null,
                List.of("platform-operator")));
        GraphQlClient editor = callers.kawasakiEditor;
        assessment = Editing.start(editor, "KEY_ITEMS", "節点の確認");
        long revision = Editing.answer(editor, assessment, 1, "affair.name", Map.of("text", "節点の確認 (改)"));
        JsonNode added = editor.data("addRepeatEntry", FormOperations.ADD_ENTRY,
                Map.of("id", assessment, "rev", revision, "group", "file"));
        assertThat(added.path("__typename").asText()).as(added.toString()).isEqualTo("AssessmentEdited");
        ReviewThreadCalls.start(editor, assessment, "affair.name", null, "<p>確認してください。</p>");
        JsonNode imported = editor.data("importChangeAnnex", """
                mutation($id: ID!, $rev: Int!, $content: String!) {
                  importChangeAnnex(input: {assessmentId: $id, expectedRevision: $rev, contentBase64: $content}) {
                    __typename ... on Problem { code message } } }""", Map.of("id", assessment,
                "rev", added.path("revision").asLong(),
                "content", Base64.getEncoder().encodeToString(Samples.bytes(Samples.ANNEX_ONLY_001))));
        assertThat(imported.path("__typename").asText()).as(imported.toString()).isEqualTo("ChangeAnnexImported");

        GraphQlClient.Response response = editor.execute(IDS, Map.of("id", assessment));
        assertThat(response.errors()).as(response.body().toString()).isEmpty();
        JsonNode read = response.data();
        JsonNode document = read.path("assessment");
        kawasaki.put(document.path("id").asText(), "Assessment");
        kawasaki.put(document.path("repeatEntries").get(0).path("id").asText(), "RepeatEntry");
        kawasaki.put(document.path("history").path("edges").get(0).path("node").path("id").asText(), "HistoryEntry");
        kawasaki.put(document.path("reviewThreads").get(0).path("id").asText(), "ReviewThread");
        kawasaki.put(read.path("assessmentAt").path("id").asText(), "AssessmentSnapshot");
        kawasaki.put(document.path("pastChanges").get(0).path("id").asText(), "PastChange");
        kawasaki.put(municipalityId("141305"), "Municipality");
        assertThat(read.path("assessmentAt").path("assessmentId").asText()).isEqualTo(document.path("id").asText());
        assertThat(document.path("uuid").asText()).isEqualTo(AssessmentIds.parse(assessment).orElseThrow().toString());
    }

    private String municipalityId(String code) {
        for (JsonNode municipality : operator.data("municipalities", "{ municipalities { id code } }", Map.of())) {
            if (municipality.path("code").asText().equals(code)) {
                return municipality.path("id").asText();
            }
        }
        throw new AssertionError("no municipality " + code);
    }

    private JsonNode node(GraphQlClient client, String id) {
        GraphQlClient.Response response = client.execute(NODE, Map.of("id", id));
        assertThat(response.errors()).as(response.body().toString()).isEmpty();
        return response.data().path("node");
    }

    @Test
    void givenAnObjectOfEveryNodeType_whenRefetchedById_thenNodeAndNodesAnswerTheSameObject() {
        JsonNode registered = operator.data("registerSharedComponent", """
                mutation { registerSharedComponent(input: {componentId: "intermediate-server-platform.node-check",
                    family: "intermediate-server-platform", name: "節点の確認", issuer: "J-LIS",
                    fits: [{kind: KEY_ITEMS, version: "2025", itemId: "file.storage.location"}]}) {
                  __typename ... on SharedComponentChanged { component { id componentId } } ... on Problem { code } } }""",
                Map.of());
        assertThat(registered.path("component").path("componentId").asText()).as(registered.toString())
                .isEqualTo("intermediate-server-platform.node-check");
        Map<String, String> every = new LinkedHashMap<>(kawasaki);
        every.put(registered.path("component").path("id").asText(), "SharedComponent");

        for (Map.Entry<String, String> object : every.entrySet()) {
            JsonNode found = node(callers.kawasakiEditor, object.getKey());
            assertThat(found.path("__typename").asText()).as(object.getValue()).isEqualTo(object.getValue());
            assertThat(found.path("id").asText()).as(object.getValue()).isEqualTo(object.getKey());
        }
        JsonNode all = callers.kawasakiEditor.data("nodes", NODES, Map.of("ids", List.copyOf(every.keySet())));
        assertThat(all).extracting(found -> found.path("__typename").asText()).containsExactlyElementsOf(every.values());
        assertThat(all).extracting(found -> found.path("id").asText()).containsExactlyElementsOf(every.keySet());
        assertThat(every.keySet()).as("ids are unique across types").doesNotHaveDuplicates();
    }

    @Test
    void givenASnapshotAndTheLiveAssessment_whenRefetched_thenTheirIdsDifferAndEachKeepsItsOwnRevision() {
        String live = callers.kawasakiEditor.data("assessment", "query($id: ID!) { assessment(id: $id) { id } }",
                Map.of("id", assessment)).path("id").asText();
        String snapshot = kawasaki.entrySet().stream().filter(e -> e.getValue().equals("AssessmentSnapshot"))
                .findFirst().orElseThrow().getKey();
        String query = """
                query($ids: [ID!]!) { nodes(ids: $ids) { id
                  ... on Assessment { revision } ... on AssessmentSnapshot { revision } } }""";

        JsonNode both = callers.kawasakiEditor.data("nodes", query, Map.of("ids", List.of(live, snapshot)));

        assertThat(live).isNotEqualTo(snapshot);
        assertThat(both.get(0).path("revision").asInt()).isEqualTo(4);
        assertThat(both.get(1).path("revision").asInt()).isEqualTo(2);
    }

    @Test
    void givenKawasakisIds_whenAsahikawaOrAPlatformOperatorAsks_thenEveryMunicipalObjectIsNull() {
        List<String> ids = List.copyOf(kawasaki.keySet());

        JsonNode asahikawa = callers.asahikawaEditor.data("nodes", NODES, Map.of("ids", ids));
        JsonNode operators = operator.data("nodes", NODES, Map.of("ids", ids));

        assertThat(asahikawa).hasSize(ids.size()).allSatisfy(found -> assertThat(found.isNull()).isTrue());
        for (int i = 0; i < ids.size(); i++) {
            boolean municipality = kawasaki.get(ids.get(i)).equals("Municipality");
            assertThat(operators.get(i).isNull()).as(kawasaki.get(ids.get(i))).isEqualTo(!municipality);
        }
        assertThat(node(callers.asahikawaEditor, municipalityId("012041")).path("__typename").asText())
                .as("a municipality's own entry").isEqualTo("Municipality");
    }

    @Test
    void givenMalformedUnknownOrBareIds_whenAsked_thenNullAndNoError() {
        List<String> ids = new ArrayList<>(List.of("", "not base64 !", "%%%", encoded("Nope:1"),
                encoded("Assessment:not-a-uuid"), encoded("Assessment:" + UUID.randomUUID()),
                encoded("HistoryEntry:" + AssessmentIds.parse(assessment).orElseThrow() + ":x"),
                encoded("HistoryEntry:" + AssessmentIds.parse(assessment).orElseThrow() + ":999"),
                encoded("AssessmentSnapshot:" + AssessmentIds.parse(assessment).orElseThrow() + "@999"),
                encoded("RepeatEntry:" + AssessmentIds.parse(assessment).orElseThrow() + "/no-such-entry"),
                encoded("Municipality:999999"), encoded(":"), encoded("Assessment:"),
                AssessmentIds.parse(assessment).orElseThrow().toString()));

        for (String id : ids) {
            assertThat(node(callers.kawasakiEditor, id).isNull()).as(id).isTrue();
        }
        JsonNode all = callers.kawasakiEditor.data("nodes", NODES, Map.of("ids", ids));
        assertThat(all).hasSize(ids.size()).allSatisfy(found -> assertThat(found.isNull()).isTrue());
    }

    @Test
    void givenTheBareUuid_whenUsedAsAnAssessmentInput_thenItNamesTheSameAssessmentAsTheGlobalId() {
        String uuid = AssessmentIds.parse(assessment).orElseThrow().toString();
        String query = "query($id: ID!) { assessment(id: $id) { id } }";

        assertThat(callers.kawasakiEditor.data("assessment", query, Map.of("id", uuid)).path("id").asText())
                .isEqualTo(assessment);
    }

    @Test
    void givenMoreIdsThanAPage_whenAsked_thenBadUserInput() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i <= NodeWiring.MAX_IDS; i++) {
            ids.add(assessment);
        }

        GraphQlClient.Response response = callers.kawasakiEditor.execute(NODES, Map.of("ids", ids));

        assertThat(response.errors().get(0).path("extensions").path("code").asText()).isEqualTo("BAD_USER_INPUT");
    }

    private static String encoded(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
