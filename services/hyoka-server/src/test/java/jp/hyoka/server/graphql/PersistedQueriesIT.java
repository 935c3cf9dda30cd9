package jp.hyoka.server.graphql;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Apollo's automatic persisted queries over HTTP: a hash the server has not seen is PersistedQueryNotFound, the same
 * hash sent with its text registers it, then the hash alone runs it (POST or GET); a text whose hash is not the one
 * sent is refused and not remembered.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersistedQueriesIT extends SignedInServerTest {

    private static Map<String, Object> persisted(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    @Test
    void givenAnUnknownHash_whenSentAloneThenWithItsTextThenAloneAgain_thenNotFoundThenRegisteredThenServed() {
        String query = "query PersistedMe { me { userId } }";
        String hash = PersistedDocuments.sha256(query);

        GraphQlClient.Response miss = callers.asahikawaEditor.post(Map.of("extensions", persisted(hash)));
        GraphQlClient.Response registered = callers.asahikawaEditor.post(
                Map.of("query", query, "extensions", persisted(hash)));
        GraphQlClient.Response hit = callers.asahikawaEditor.post(Map.of("extensions", persisted(hash)));
        GraphQlClient.Response hitByGet = callers.asahikawaEditor.get("extensions="
                + URLEncoder.encode("{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}",
                StandardCharsets.UTF_8));

        assertThat(miss.status()).isEqualTo(200);
        assertThat(miss.errors().path(0).path("message").asText()).as(miss.body().toString())
                .isEqualTo("PersistedQueryNotFound");
        assertThat(miss.errorCode()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        assertThat(miss.body().path("extensions").path("cost").path("actualQueryCost").isInt()).isTrue();
        assertThat(registered.data().path("me").path("userId").asText()).as(registered.body().toString())
                .isEqualTo("a-editor");
        assertThat(hit.status()).isEqualTo(200);
        assertThat(hit.data().path("me").path("userId").asText()).as(hit.body().toString()).isEqualTo("a-editor");
        assertThat(hitByGet.data().path("me").path("userId").asText()).as(hitByGet.body().toString())
                .isEqualTo("a-editor");
    }

    @Test
    void givenATextWhoseHashIsNotTheOneSent_whenSent_thenRefusedAndTheHashStaysUnknown() {
        String wrongHash = PersistedDocuments.sha256("{ me { displayName } }");

        GraphQlClient.Response refused = callers.asahikawaEditor.post(
                Map.of("query", "{ me { userId } }", "extensions", persisted(wrongHash)));
        GraphQlClient.Response after = callers.asahikawaEditor.post(Map.of("extensions", persisted(wrongHash)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).as(refused.body().toString()).isEqualTo("PERSISTED_QUERY_HASH_MISMATCH");
        assertThat(refused.data().isMissingNode()).isTrue();
        assertThat(after.errorCode()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    }

    @Test
    void givenAnInvalidDocumentWithItsHash_whenSent_thenRefusedByValidationAndNotRemembered() {
        String invalid = "{ me { noSuchField } }";
        String hash = PersistedDocuments.sha256(invalid);

        GraphQlClient.Response refused = callers.asahikawaEditor.post(
                Map.of("query", invalid, "extensions", persisted(hash)));
        GraphQlClient.Response after = callers.asahikawaEditor.post(Map.of("extensions", persisted(hash)));

        assertThat(refused.errors().path(0).path("extensions").path("classification").asText())
                .as(refused.body().toString()).isEqualTo("ValidationError");
        assertThat(after.errorCode()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    }

    @Test
    void givenAMalformedPersistedQuery_whenSent_thenBadRequest() {
        GraphQlClient.Response refused = callers.asahikawaEditor.post(Map.of("extensions",
                Map.of("persistedQuery", Map.of("version", 2, "sha256Hash", "abc"))));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("BAD_REQUEST");
    }
}
