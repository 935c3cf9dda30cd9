package jp.hyoka.server.support;

import jp.hyoka.server.support.GraphQlClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static jp.hyoka.server.support.Operations.ANSWER;
import static jp.hyoka.server.support.Operations.START;
import static org.assertj.core.api.Assertions.assertThat;

/** The auditors' operations, and a quick way to put a few events into a municipality's chain. */
public final class AuditOperations {

    public static final String VERIFY = """
            { verifyEventChain { municipalityCode intact eventsVerified headHash verifiedAt
                                 firstBrokenLink { position eventId reason expectedHash storedHash } } }""";

    public static final String BUNDLE = """
            { exportAuditBundle { fileName mediaType exportedAt events headHash downloadUrl expiresAt } }""";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AuditOperations() {
    }

    /** GETs a bundle's file from {@code url} (relative to the server), with {@code bearer} if not null. */
    public static HttpResponse<String> download(URI server, String url, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(url)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Exports the auditor's bundle and downloads its file from the URL returned, as a browser would. */
    public static String bundleFile(GraphQlClient auditor, URI server) {
        HttpResponse<String> file = download(server, auditor.data("exportAuditBundle", BUNDLE, Map.of())
                .path("downloadUrl").asText(), null);
        assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
        return file.body();
    }

    /** Starts an assessment and answers one text item {@code answers} times: 1 + answers events. */
    public static String startAndAnswer(GraphQlClient editor, String affair, String... answers) {
        String id = editor.data("startAssessment", START, Map.of("kind", "KEY_ITEMS", "name", affair))
                .path("assessment").path("id").asText();
        int revision = 1;
        for (String text : answers) {
            String outcome = editor.data("answerItem", ANSWER, new HashMap<>(Map.of("id", id, "rev", revision,
                    "item", "department.name", "value", Map.of("text", text)))).path("__typename").asText();
            assertThat(outcome).isEqualTo("AssessmentEdited");
            revision++;
        }
        return id;
    }
}
