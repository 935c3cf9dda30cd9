package jp.hyoka.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.security.DevTokenIssuer;

import java.util.List;
import java.util.Map;

/** A municipality's small assessment started and published (version 1), for fixtures that need a publication. */
public final class PublishedAssessments {

    private PublishedAssessments() {
    }

    /** Started by {@code editor}, published on 2025-04-01 by an approver of {@code tenant}; its id. */
    public static String startAndPublish(EmbeddedServer server, DevTokenIssuer issuer, MunicipalityCode tenant,
                                         GraphQlClient editor, String name) {
        GraphQlClient approver = new GraphQlClient(server.getURI(), issuer.issue("approver-" + tenant.value(),
                "承認 " + tenant.value(), tenant, List.of("approver")));
        JsonNode started = editor.data("startAssessment", Operations.START, Map.of("kind", "KEY_ITEMS", "name", name));
        String id = started.path("assessment").path("id").asText();
        JsonNode published = approver.data("publishVersion", Operations.PUBLISH, Map.of("id", id,
                "rev", started.path("revision").asLong()));
        if (!published.path("__typename").asText().equals("AssessmentEdited")) {
            throw new AssertionError("not published: " + published);
        }
        return id;
    }
}
