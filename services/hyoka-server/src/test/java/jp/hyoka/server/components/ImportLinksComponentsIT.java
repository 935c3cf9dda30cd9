package jp.hyoka.server.components;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.server.support.Samples;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing a published 評価書 links its copies of the seeded boilerplate (issue 16): 旭川市's sample 004 prints
 * <中間サーバー・プラットフォームにおける措置> v2 and <ガバメントクラウドにおける措置> in its 保管場所; the import's answer
 * lists each link with its version and similarity, and the document's uses follow them (ADAPTED).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportLinksComponentsIT extends SignedInServerTest {

    private static final String IMPORT = """
            mutation($content: String!) {
              importDocument(input: {fileName: "004.txt", contentBase64: $content}) {
                __typename
                ... on DocumentImported { revision assessment { id revision
                    componentUses { useId mode version similarity component { id } } }
                  linkedComponents { useId itemId entryIds componentId version mode similarity } }
                ... on Problem { code message }
              }
            }""";
    private static final String NEXT_VERSION = """
            mutation($id: ID!, $rev: Int!) { startNextVersion(input: {assessmentId: $id, expectedRevision: $rev}) {
              __typename ... on Problem { code message } } }""";

    @Inject
    CatalogueSeed catalogue;

    @Test
    void givenTheSeededCatalogue_whenSample004IsImported_thenItsBoilerplateIsLinkedToTheVersionsItCopies() {
        catalogue.seed();
        String content = Base64.getEncoder().encodeToString(Samples.bytes(Samples.KEY_ITEMS_004));

        JsonNode imported = callers.asahikawaEditor.data("importDocument", IMPORT, Map.of("content", content));

        assertThat(imported.path("__typename").asText()).as(imported.toString()).isEqualTo("DocumentImported");
        List<String> storage = new ArrayList<>();
        for (JsonNode link : imported.path("linkedComponents")) {
            assertThat(link.path("similarity").asDouble()).as(link.toString()).isGreaterThanOrEqualTo(0.85);
            assertThat(link.path("mode").asText()).isEqualTo("ADAPTED");
            if (link.path("itemId").asText().equals("file.storage.location")) {
                storage.add(link.path("componentId").asText() + " v" + link.path("version").asInt());
            }
        }
        assertThat(storage).contains("intermediate-server-platform.storage-location v2", "government-cloud.storage-location v1");
        assertThat(imported.path("linkedComponents").get(0).path("useId").asText()).isEqualTo("import-1");
        JsonNode uses = imported.path("assessment").path("componentUses");
        assertThat(uses.size()).isEqualTo(imported.path("linkedComponents").size());
        assertThat(imported.path("revision").asInt()).as("the recognised uses' events counted too")
                .isEqualTo(imported.path("assessment").path("revision").asInt())
                .isGreaterThanOrEqualTo(3 + uses.size());      // started, content, uses, imported (and its past)
        JsonNode edited = callers.asahikawaEditor.data("startNextVersion", NEXT_VERSION, Map.of(
                "id", imported.path("assessment").path("id").asText(), "rev", imported.path("revision").asInt()));
        assertThat(edited.path("__typename").asText()).as("the answered revision is the one to send next: "
                + edited).isEqualTo("AssessmentEdited");
        assertThat(callers.kawasakiEditor.data("componentProposals",
                "{ componentProposals(first: 5) { edges { node { id } } } }", Map.of()).path("edges").size())
                .as("nothing of 旭川市's uses reaches 川崎市").isZero();
    }
}
