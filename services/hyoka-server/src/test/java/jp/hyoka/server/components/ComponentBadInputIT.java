package jp.hyoka.server.components;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input to the shared-component mutations is a typed problem and stores nothing: an unknown component or version,
 * an item the component is not made for, an unknown proposal, a TEXT resolution without its text; and a replay of
 * integration events over an impossible range or rate is refused.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComponentBadInputIT extends SignedInServerTest {

    private static final String START = """
            mutation { startAssessment(input: {kind: KEY_ITEMS, affairName: "介護保険に関する事務"}) {
              ... on AssessmentEdited { revision assessment { id } } } }""";
    private static final String ADD_FILE = """
            mutation($id: ID!, $rev: Int!) { addRepeatEntry(input: {assessmentId: $id, expectedRevision: $rev,
              groupId: "file"}) { ... on AssessmentEdited { revision addedEntryId } } }""";
    private static final String INSERT = """
            mutation($id: ID!, $rev: Int!, $item: ID!, $entry: ID!, $component: ID!, $version: Int) {
              insertSharedComponent(input: {assessmentId: $id, expectedRevision: $rev, itemId: $item,
                  entryIds: [$entry], componentId: $component, version: $version, mode: LOCKED}) {
                __typename ... on Problem { code message } } }""";
    private static final String ADOPT = """
            mutation($id: ID!, $resolutions: [MergeResolutionInput!]) { adoptComponentProposal(input: {proposalId: $id,
              expectedRevision: 1, resolutions: $resolutions}) { __typename ... on Problem { code message } } }""";
    private static final String REVISION = "query($id: ID!) { assessment(id: $id) { revision componentUses { useId } } }";

    @Inject
    CatalogueSeed catalogue;

    private GraphQlClient operator;

    @BeforeAll
    void theSeededCatalogue() {
        catalogue.seed();
        operator = new GraphQlClient(server.getURI(), issuer.issue("op-1", "運営 一郎", null, List.of("platform-operator")));
    }

    @Test
    void givenBadInsertions_whenSent_thenEachIsATypedProblemAndTheDocumentIsUnchanged() {
        JsonNode started = callers.kawasakiEditor.data("startAssessment", START, Map.of());
        String id = started.path("assessment").path("id").asText();
        JsonNode entry = callers.kawasakiEditor.data("addRepeatEntry", ADD_FILE, Map.of("id", id, "rev", 1));
        int revision = entry.path("revision").asInt();
        String file = entry.path("addedEntryId").asText();

        assertThat(insert(id, revision, "file.storage.location", file, "no.such-component", null))
                .isEqualTo("COMPONENT_NOT_FOUND");
        assertThat(insert(id, revision, "file.storage.location", file, "intermediate-server-platform.storage-location", 9))
                .isEqualTo("COMPONENT_VERSION_NOT_FOUND");
        assertThat(insert(id, revision, "file.risk.other-measures", file, "intermediate-server-platform.storage-location", null))
                .isEqualTo("COMPONENT_DOES_NOT_FIT");
        assertThat(insert(id, revision + 5, "file.storage.location", file, "intermediate-server-platform.storage-location",
                null)).isEqualTo("STALE_REVISION");

        JsonNode unchanged = callers.kawasakiEditor.data("assessment", REVISION, Map.of("id", id));
        assertThat(unchanged.path("revision").asInt()).isEqualTo(revision);
        assertThat(unchanged.path("componentUses").size()).isZero();
    }

    @Test
    void givenAnUnknownProposalOrAResolutionWithoutText_whenAdopted_thenATypedProblem() {
        assertThat(callers.kawasakiEditor.data("adoptComponentProposal", ADOPT, Map.of("id", "no-such-proposal"))
                .path("code").asText()).isEqualTo("COMPONENT_PROPOSAL_NOT_FOUND");
        Map<String, Object> textless = new HashMap<>();
        textless.put("id", "no-such-proposal");
        textless.put("resolutions", List.of(Map.of("take", "TEXT")));
        assertThat(callers.kawasakiEditor.data("adoptComponentProposal", ADOPT, textless).path("code").asText())
                .isEqualTo("INVALID_INPUT");
    }

    @Test
    void givenAnImpossibleRangeOrRate_whenAReplayIsAsked_thenInvalidInputNamingTheArgumentAndNoReplayRuns() {
        Map<String, String> faults = new java.util.LinkedHashMap<>();
        faults.put("fromPosition: 0", "fromPosition");
        faults.put("fromPosition: 5, toPosition: 2", "toPosition");
        faults.put("ratePerSecond: 0", "ratePerSecond");
        faults.put("ratePerSecond: 20000", "ratePerSecond");
        faults.forEach((arguments, field) -> {
            JsonNode refused = operator.data("replayIntegrationEvents", "mutation { replayIntegrationEvents("
                    + arguments + ") { __typename ... on InvalidInput { code field problem } "
                    + "... on IntegrationReplay { state } } }", Map.of());
            assertThat(refused.path("__typename").asText()).as(arguments).isEqualTo("InvalidInput");
            assertThat(refused.path("code").asText()).isEqualTo("INVALID_INPUT");
            assertThat(refused.path("field").asText()).as(arguments).isEqualTo(field);
            assertThat(refused.path("problem").asText()).isNotEmpty();
        });
        assertThat(operator.data("integrationReplay", "{ integrationReplay { state } }", Map.of()).isNull()).isTrue();
    }

    private String insert(String id, int revision, String item, String entry, String component, Integer version) {
        Map<String, Object> variables = new HashMap<>(Map.of("id", id, "rev", revision, "item", item, "entry", entry,
                "component", component));
        variables.put("version", version);
        return callers.kawasakiEditor.data("insertSharedComponent", INSERT, variables).path("code").asText();
    }
}
