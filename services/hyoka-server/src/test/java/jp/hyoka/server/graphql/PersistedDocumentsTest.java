package jp.hyoka.server.graphql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersistedDocumentsTest {

    private static final String ME = "query Me { me { userId } }";

    @TempDir
    Path directory;

    private Path file(String json) throws Exception {
        Path manifest = directory.resolve("manifest.json");
        Files.writeString(manifest, json, StandardCharsets.UTF_8);
        return manifest;
    }

    @Test
    void givenAHashToDocumentManifest_whenRead_thenEveryDocumentByItsHash() throws Exception {
        String json = "{\"" + PersistedDocuments.sha256(ME).toUpperCase() + "\": \"" + ME + "\"}";

        assertThat(PersistedDocuments.manifest(file(json))).isEqualTo(Map.of(PersistedDocuments.sha256(ME), ME));
    }

    @Test
    void givenApollosManifest_whenRead_thenEveryOperationByItsId() throws Exception {
        String json = "{\"format\": \"apollo-persisted-query-manifest\", \"version\": 1, \"operations\": [{\"id\": \""
                + PersistedDocuments.sha256(ME) + "\", \"name\": \"Me\", \"type\": \"query\", \"body\": \"" + ME
                + "\"}]}";

        assertThat(PersistedDocuments.manifest(file(json))).isEqualTo(Map.of(PersistedDocuments.sha256(ME), ME));
    }

    @Test
    void givenAManifestWhoseHashIsNotItsDocuments_whenRead_thenTheStartStops() throws Exception {
        String json = "{\"" + PersistedDocuments.sha256("{ me { displayName } }") + "\": \"" + ME + "\"}";

        assertThatThrownBy(() -> PersistedDocuments.manifest(file(json)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SHA-256");
    }

    @Test
    void givenACacheOfOne_whenTwoDocumentsAreRemembered_thenOnlyTheLatestIsFound() {
        PersistedDocuments documents = new PersistedDocuments(null, 1);
        String other = "{ me { displayName } }";

        documents.remember(new GraphQlRequest(ME, null, Map.of(), PersistedDocuments.sha256(ME)), true);
        documents.remember(new GraphQlRequest(other, null, Map.of(), PersistedDocuments.sha256(other)), true);

        assertThat(documents.document(new GraphQlRequest(null, null, Map.of(), PersistedDocuments.sha256(other))))
                .isEqualTo(other);
        assertThatThrownBy(() -> documents.document(new GraphQlRequest(null, null, Map.of(),
                PersistedDocuments.sha256(ME))))
                .extracting(e -> ((PersistedDocuments.Refused) e).code()).isEqualTo(PersistedDocuments.NOT_FOUND);
    }
}
