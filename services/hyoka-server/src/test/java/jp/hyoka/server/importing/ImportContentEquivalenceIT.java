package jp.hyoka.server.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.DocumentContentImported;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.assessment.AssessmentIds;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.OldStyleImports;
import jp.hyoka.server.support.Imports;
import jp.hyoka.server.support.Samples;
import jp.hyoka.server.support.SignedInServerTest;
import jp.hyoka.server.support.StoredEdits;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import stores its entries and answers as one DocumentContentImported; before 2026-12 it stored one
 * RepeatEntryAdded per entry and one ItemAnswered per answer, and those streams stay in the store. Both must read the
 * same: a sample imported now, and the same events in the old shape appended through the real event store as another
 * assessment of the same municipality, show the same document, completeness, 変更箇所, history (each entry and answer
 * a line of its own, same event, item, values, reason, actor, time and command), exports and chain verification —
 * everything but revision numbers and ids. Both load again as aggregates: a next version of each is accepted.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportContentEquivalenceIT extends SignedInServerTest {

    /** 小樽市: a municipality of this test only (an import is identified by municipality and content). */
    private static final MunicipalityCode OTARU = new MunicipalityCode("012033");
    private static final String VALUE = """
            __typename ... on TextValue { text } ... on RichTextValue { html } ... on ChoiceValue { code }
            ... on DateValue { date }""";
    private static final String DOCUMENT = """
            query($id: ID!) {
              assessment(id: $id) {
                revision affairName kind form { kind version } status version publishedOn
                answers { item { itemId } entries { entryId label ordinal } value { %1$s } answeredBy { userId } }
                repeatEntries { entryId group { groupId } label ordinal parentEntryIds }
                unmappedContent { sourceLine label content reason itemId }
                importedFrom { sourceName contentHash rowsRead rowsMapped importedBy { userId } }
                pastChanges { sourceLine }
                pendingChanges { itemPath entryIds before after }
                completeness { complete unansweredCount gaps { entryCount minimum } }
                componentUses { __typename }
              }
            }""".formatted(VALUE);
    private static final String HISTORY = """
            query($id: ID!, $after: String) {
              assessment(id: $id) {
                history(first: 100, after: $after) {
                  edges { node { revision event itemId entryIds groupId entryId summary reason command at
                                 actor { userId displayName } before { %1$s } after { %1$s } } }
                  pageInfo { hasNextPage endCursor }
                }
              }
            }""".formatted(VALUE);
    private static final String EXPORT = """
            query($id: ID!, $format: ExportFormat!) {
              exportDocument(assessmentId: $id, format: $format) { fileName mediaType content contentBase64 }
            }""";
    private static final String VERIFY = "{ verifyEventChain { eventsVerified firstBrokenLink { __typename } } }";
    private static final String NEXT_VERSION = """
            mutation($id: ID!, $rev: Int!) {
              startNextVersion(input: {assessmentId: $id, expectedRevision: $rev}) { __typename }
            }""";
    /** Fields that name the revision or the assessment: the only things allowed to differ. */
    private static final Set<String> NOT_COMPARED = Set.of("revision", "id", "assessmentId");

    @Inject
    Configuration axon;

    private GraphQlClient editor;
    private GraphQlClient auditor;

    @BeforeAll
    void otaru() {
        tenants.register(OTARU, "小樽市");
        editor = new GraphQlClient(server.getURI(), issuer.issue("o-editor", "小樽 一郎", OTARU, List.of("editor")));
        auditor = new GraphQlClient(server.getURI(), issuer.issue("o-auditor", "小樽 監査", OTARU, List.of("auditor")));
    }

    @ParameterizedTest
    @ValueSource(strings = {Samples.ALL_ITEMS_000, Samples.KEY_ITEMS_003, Samples.KEY_ITEMS_004})
    void givenASampleImportedAndTheSameAppendedPerAnswer_whenRead_thenEverythingButRevisionsIsTheSame(String sample)
            throws Exception {
        JsonNode imported = Imports.imported(editor, sample);
        String newWay = imported.path("assessment").path("id").asText();
        List<DomainEventMessage<?>> stored = stored(newWay);
        assertThat(stored).extracting(EventMessage::getPayload).hasAtLeastOneElementOfType(DocumentContentImported.class);

        String oldWay = appendPerAnswer(stored);
        int oldRevision = StoredEdits.awaitRevision(editor, oldWay, (int) storedCount(oldWay), Duration.ofSeconds(60));
        assertThat(oldRevision).isGreaterThan(imported.path("revision").asInt() + 100);

        JsonNode newDocument = editor.data("assessment", DOCUMENT, Map.of("id", newWay));
        assertThat(comparable(editor.data("assessment", DOCUMENT, Map.of("id", oldWay))))
                .isEqualTo(comparable(newDocument));
        List<JsonNode> oldHistory = history(oldWay);
        assertThat(oldHistory).hasSize(oldRevision);
        assertThat(history(newWay)).isEqualTo(oldHistory);
        for (String format : List.of("TSV", "HTML")) {
            assertThat(export(oldWay, format)).as(format).isEqualTo(export(newWay, format));
        }
        JsonNode verified = auditor.data("verifyEventChain", VERIFY, Map.of());
        assertThat(verified.path("firstBrokenLink").isNull()).as(verified.toString()).isTrue();

        // both streams load again as the aggregate (an imported document is its published version: a next version)
        assertThat(editor.data("startNextVersion", NEXT_VERSION, Map.of("id", newWay,
                "rev", newDocument.path("revision").asInt())).path("__typename").asText()).isEqualTo("AssessmentEdited");
        assertThat(editor.data("startNextVersion", NEXT_VERSION, Map.of("id", oldWay, "rev", oldRevision))
                .path("__typename").asText()).isEqualTo("AssessmentEdited");
    }

    private List<DomainEventMessage<?>> stored(String globalId) {
        return OldStyleImports.storedFromTheFirst(axon.eventStore(), uuid(globalId).toString());
    }

    private long storedCount(String globalId) {
        return stored(globalId).size();
    }

    /** The import's events as the per-answer contract stored them, under a new assessment id. */
    private String appendPerAnswer(List<DomainEventMessage<?>> stored) {
        String appended = AssessmentIds.global(new AssessmentId(UUID.fromString(
                OldStyleImports.appendPerAnswer(axon.eventStore(), stored))));
        assertThat(storedCount(appended)).as("appended per answer").isEqualTo(OldStyleImports.expand(stored.stream()
                .map(message -> (AssessmentEvent) message.getPayload()).toList()).size());
        return appended;
    }

    private static UUID uuid(String globalId) {
        return AssessmentIds.parse(globalId).map(AssessmentId::value).orElseThrow();
    }

    private List<JsonNode> history(String id) {
        List<JsonNode> lines = new ArrayList<>();
        String after = null;
        JsonNode history;
        do {
            Map<String, Object> variables = new HashMap<>(Map.of("id", id));
            variables.put("after", after);
            history = editor.data("assessment", HISTORY, variables).path("history");
            history.path("edges").forEach(edge -> lines.add(comparable(edge.path("node"))));
            after = history.path("pageInfo").path("endCursor").asText(null);
        } while (history.path("pageInfo").path("hasNextPage").asBoolean());
        return lines;
    }

    /** The export; its file name names the assessment and the revision ({@code hyoka-<uuid>-r<revision>.txt}). */
    private JsonNode export(String id, String format) {
        ObjectNode export = (ObjectNode) comparable(editor.data("exportDocument", EXPORT,
                Map.of("id", id, "format", format)));
        String fileName = export.path("fileName").asText();
        assertThat(fileName).contains(uuid(id).toString());
        export.put("fileName", fileName.replace(uuid(id).toString(), "ID").replaceAll("-r[0-9]+\\.", "-rN."));
        return export;
    }

    /** A copy without the fields that name revisions or the assessment. */
    private static JsonNode comparable(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(NOT_COMPARED);
            object.forEach(ImportContentEquivalenceIT::strip);
        } else if (node instanceof ArrayNode array) {
            array.forEach(ImportContentEquivalenceIT::strip);
        }
    }
}
