package jp.hyoka.server.graphql;

import jp.hyoka.server.assessment.AssessmentIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.ReadModelSnapshot;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static jp.hyoka.server.support.Operations.DOCUMENT;
import static jp.hyoka.server.support.Operations.START;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is not one GraphQL operation in UTF-8 JSON is refused with HTTP 400 and a clear message before anything runs:
 * batched arrays, broken JSON, other content types, invalid UTF-8 bytes and unpaired surrogates. Nothing is stored.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedRequestIT extends SignedInServerTest {

    @Inject
    DataSource dataSource;


    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private record Raw(int status, JsonNode body) {
        String code() {
            return body.path("errors").path(0).path("extensions").path("code").asText();
        }

        String message() {
            return body.path("errors").path(0).path("message").asText();
        }
    }

    @Test
    void givenABatchedJsonArray_whenPosted_thenHttp400NamingTheBatch() throws Exception {
        Raw response = post("application/json", "[{\"query\":\"{ me { userId } }\"}]".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("BAD_REQUEST");
        assertThat(response.message()).contains("Batched");
    }

    @Test
    void givenBrokenJson_whenPosted_thenHttp400() throws Exception {
        Raw response = post("application/json", "{\"query\": \"{ me { userId } }\"".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).contains("not valid JSON");
    }

    @Test
    void givenNoQuery_whenPosted_thenHttp400() throws Exception {
        Raw response = post("application/json", "{\"variables\": {}}".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).contains("'query'");
    }

    @Test
    void givenAnotherContentType_whenPosted_thenHttp400NamingIt() throws Exception {
        Raw response = post("text/plain", "{ me { userId } }".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).contains("text/plain");
    }

    @Test
    void givenAGraphQlDocumentBody_whenPosted_thenItRuns() throws Exception {
        Raw response = post("application/graphql", "{ me { userId } }".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("data").path("me").path("userId").asText()).isEqualTo("k-editor");
    }

    @Test
    void givenAGetWithQueryString_whenSent_thenItRuns() throws Exception {
        String query = URLEncoder.encode("{ me { userId } }", StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(authorised(URI.create(server.getURI() + "/graphql?query=" + query))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("data").path("me").path("userId").asText()).isEqualTo("k-editor");
    }

    @Test
    void givenInvalidUtf8InAnAnswer_whenPosted_thenRefusedAsInvalidEncodingAndNothingStored() throws Exception {
        String id = callers.kawasakiEditor.data("startAssessment", START, Map.of("kind", "KEY_ITEMS", "name", "文字化け"))
                .path("assessment").path("id").asText();
        byte[] before = answer(id, "担当課").getBytes(StandardCharsets.UTF_8);
        int at = indexOf(before, "担当課".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(before, 0, at);
        body.write(new byte[]{(byte) 0xE6, (byte) 0x8B, 'x', (byte) 0xFF});      // a cut-off sequence, a byte no UTF-8 has
        body.write(before, at, before.length - at);

        Raw response = post("application/json", body.toByteArray());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("INVALID_ENCODING");
        assertThat(revisionOf(id)).isEqualTo(1);
    }

    @Test
    void givenAnUnpairedSurrogateEscape_whenPosted_thenRefusedAsInvalidEncodingAndNothingStored() throws Exception {
        String id = callers.kawasakiEditor.data("startAssessment", START, Map.of("kind", "KEY_ITEMS", "name", "サロゲート"))
                .path("assessment").path("id").asText();
        byte[] body = answer(id, "担当").replace("担当", "担当\\ud800").getBytes(StandardCharsets.UTF_8);

        Raw response = post("application/json", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("INVALID_ENCODING");
        assertThat(revisionOf(id)).isEqualTo(1);
    }

    @Test
    void givenValidMultibyteText_whenPostedAsRawBytes_thenStoredAsSent() throws Exception {
        String id = callers.kawasakiEditor.data("startAssessment", START, Map.of("kind", "KEY_ITEMS", "name", "正しい文字"))
                .path("assessment").path("id").asText();

        Raw response = post("application/json", answer(id, "𠮷野家の担当課").getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("data").path("answerItem").path("__typename").asText()).isEqualTo("AssessmentEdited");
        assertThat(callers.kawasakiEditor.data("assessment", DOCUMENT, Map.of("id", id)).path("answers").toString())
                .contains("𠮷野家の担当課");
    }

    private String answer(String id, String text) throws Exception {
        return JSON.writeValueAsString(Map.of("query", Operations.ANSWER, "variables", Map.of("id", id, "rev", 1,
                "item", "department.name", "value", Map.of("text", text))));
    }

    /** From the event store itself: a stored edit would count here before any read model showed it. */
    private int revisionOf(String id) throws SQLException {
        return (int) ReadModelSnapshot.count(dataSource,
                "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = '" + AssessmentIds.parse(id).orElseThrow() + "'");
    }

    private Raw post(String contentType, byte[] body) throws Exception {
        HttpResponse<String> response = http.send(authorised(server.getURI().resolve("/graphql"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        return new Raw(response.statusCode(), response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body()));
    }

    private HttpRequest.Builder authorised(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer "
                + issuer.issue("k-editor", "川崎 一郎", new MunicipalityCode("141305"), List.of("editor")));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
