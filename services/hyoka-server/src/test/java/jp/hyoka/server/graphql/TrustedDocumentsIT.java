package jp.hyoka.server.graphql;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code hyoka.graphql.trusted-documents} set, only the manifest's documents run, named by hash or sent whole,
 * on /graphql and /graphql/public alike; any other document is UNTRUSTED_DOCUMENT and nothing runs.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustedDocumentsIT extends SignedInServerTest {

    private static final String REGISTERED = "query Me { me { userId } }";

    @Override
    public Map<String, String> getProperties() {
        try {
            Path manifest = Files.createTempFile("persisted-documents", ".json");
            manifest.toFile().deleteOnExit();
            Files.writeString(manifest, "{\"" + PersistedDocuments.sha256(REGISTERED) + "\": \"" + REGISTERED
                    + "\"}", StandardCharsets.UTF_8);
            return baseProperties(Map.of("hyoka.graphql.trusted-documents", manifest.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void givenARegisteredDocument_whenSentByHashOrWhole_thenItRuns() {
        GraphQlClient.Response byHash = callers.kawasakiEditor.post(Map.of("extensions", Map.of("persistedQuery",
                Map.of("version", 1, "sha256Hash", PersistedDocuments.sha256(REGISTERED)))));
        GraphQlClient.Response whole = callers.kawasakiEditor.execute(REGISTERED, Map.of());

        assertThat(byHash.data().path("me").path("userId").asText()).as(byHash.body().toString())
                .isEqualTo("k-editor");
        assertThat(whole.data().path("me").path("userId").asText()).as(whole.body().toString())
                .isEqualTo("k-editor");
    }

    @Test
    void givenAnUnregisteredDocument_whenSentWholeOrByHashOrRegistered_thenUntrustedAndNothingRuns()
            throws Exception {
        String unregistered = "mutation { startAssessment(input: {kind: KEY_ITEMS, affairName: \"信頼されない事務\"}) "
                + "{ __typename } }";
        String hash = PersistedDocuments.sha256(unregistered);

        GraphQlClient.Response whole = callers.kawasakiEditor.execute(unregistered, Map.of());
        GraphQlClient.Response registering = callers.kawasakiEditor.post(Map.of("query", unregistered,
                "extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash))));
        GraphQlClient.Response byHash = callers.kawasakiEditor.post(Map.of("extensions",
                Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash))));
        GraphQlClient.Response anonymous = GraphQlClient.ofPublicEndpoint(server.getURI(), null).execute(
                "{ publicAssessment(municipalityCode: \"141305\", assessmentId: \"" + UUID.randomUUID()
                        + "\") { id } }", Map.of());

        for (GraphQlClient.Response refused : new GraphQlClient.Response[] {whole, registering, byHash, anonymous}) {
            assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
            assertThat(refused.errorCode()).isEqualTo("UNTRUSTED_DOCUMENT");
        }
        assertThat(storedEventsMentioning("信頼されない事務")).isZero();
    }
}
