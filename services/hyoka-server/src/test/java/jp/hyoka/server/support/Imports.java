package jp.hyoka.server.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A published 評価書 imported through the GraphQL API, as a client does it: the one {@code importDocument} mutation
 * that tests needing an imported document send (a test of the import itself selects what it checks on its own).
 */
public final class Imports {

    /** The mutation: the file's name and content; the new revision and assessment id, or the problem. */
    public static final String IMPORT = """
            mutation($name: String, $content: String!) {
              importDocument(input: {fileName: $name, contentBase64: $content}) {
                __typename
                ... on DocumentImported { revision assessment { id } }
                ... on Problem { code message }
              }
            }""";

    private Imports() {
    }

    /** Imports the sample {@code sample} ({@link Samples}) as {@code editor}; fails unless it was imported. */
    public static JsonNode imported(GraphQlClient editor, String sample) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("name", sample);
        variables.put("content", Base64.getEncoder().encodeToString(Samples.bytes(sample)));
        JsonNode result = editor.data("importDocument", IMPORT, variables);
        assertThat(result.path("__typename").asText()).as(result.toString()).isEqualTo("DocumentImported");
        return result;
    }

    /** The global id of the assessment the sample {@code sample} was imported into. */
    public static String importedId(GraphQlClient editor, String sample) {
        return imported(editor, sample).path("assessment").path("id").asText();
    }
}
