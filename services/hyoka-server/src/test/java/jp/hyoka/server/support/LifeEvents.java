package jp.hyoka.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.security.DevTokenIssuer;

import java.util.List;
import java.util.Map;

/**
 * A municipality's assessment through its whole life, for fixtures that need a row in every rules table: published
 * (rm_publication), its 事務 ended (rm_affair_end), and a 重大事故 of the municipality (rm_serious_incident).
 */
public final class LifeEvents {

    private static final String END = """
            mutation($id: ID!, $rev: Int!) {
              recordAffairEnd(input: {assessmentId: $id, expectedRevision: $rev, endedOn: "2025-06-30"}) {
                __typename
              }
            }""";
    private static final String INCIDENT = """
            mutation { recordSeriousIncident(input: {discoveredOn: "2025-05-01", concernsSpecificPersonalInformation: true,
                summary: "委託先での紛失"}) {
                __typename } }""";

    private LifeEvents() {
    }

    /** The assessment's id. */
    public static String publishEndAndIncident(EmbeddedServer server, DevTokenIssuer issuer, MunicipalityCode tenant,
                                               GraphQlClient editor) {
        String id = PublishedAssessments.startAndPublish(server, issuer, tenant, editor, "終了した事務");
        GraphQlClient approver = new GraphQlClient(server.getURI(), issuer.issue("approver-" + tenant.value(),
                "承認 " + tenant.value(), tenant, List.of("approver")));
        long revision = editor.data("assessment", "query($id: ID!) { assessment(id: $id) { revision } }",
                Map.of("id", id)).path("revision").asLong();
        expect("AssessmentEdited", approver.data("recordAffairEnd", END, Map.of("id", id, "rev", revision)));
        expect("SeriousIncidentRecorded", approver.data("recordSeriousIncident", INCIDENT, Map.of()));
        return id;
    }

    private static void expect(String type, JsonNode result) {
        if (!result.path("__typename").asText().equals(type)) {
            throw new AssertionError("expected " + type + ": " + result);
        }
    }
}
