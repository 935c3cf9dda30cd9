package jp.hyoka.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static jp.hyoka.schema.ModuleFiles.json;
import static jp.hyoka.schema.ModuleFiles.readJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards the seeded shared-component catalogue (components/catalogue.json) against its JSON Schema, as
 * SchemaFilesTest guards the forms. Whether each fit and text is accepted is the domain's to say: the server's
 * CatalogueSeedTest runs every entry through the real decider.
 */
class CatalogueFileTest {

    private static final Path COMPONENTS = Path.of("components");
    private static final Path CATALOGUE = COMPONENTS.resolve("catalogue.json");
    private static final Path CATALOGUE_SCHEMA = COMPONENTS.resolve("catalogue.schema.json");
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @Test
    void givenTheCatalogueSchema_whenCheckedAgainstTheDraft202012MetaSchema_thenItIsValid() {
        JsonSchema meta = SCHEMAS.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        assertThat(meta.validate(readJson(CATALOGUE_SCHEMA))).isEmpty();
    }

    @Test
    void givenTheCatalogue_whenValidated_thenItMatchesItsSchema() {
        assertThat(violations(readJson(CATALOGUE))).isEmpty();
    }

    @Test
    void givenTheCatalogue_whenItsIdsAreListed_thenEachComponentIdIsUniqueAndStartsWithItsFamily() {
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode component : readJson(CATALOGUE).path("components")) {
            String id = component.path("id").asText();
            if (!ids.add(id)) {
                problems.add(id + " is listed twice");
            }
            if (!id.startsWith(component.path("family").asText() + ".")) {
                problems.add(id + " does not start with its family");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void givenBrokenEntries_whenValidated_thenTheSchemaRefusesThem() {
        String valid = """
                {"components": [{"id": "government-cloud.storage-location", "family": "government-cloud",
                  "name": "n", "issuer": "デジタル庁",
                  "fits": [{"kind": "KEY_ITEMS", "version": "2025", "itemId": "file.storage.location"}],
                  "versions": [{"text": "<p>{{#}}t</p>", "effectiveFrom": "2023-12-27", "note": "n",
                                "timing": "BEFORE", "explanation": "e"}]}]}""";
        assertThat(violations(json(valid))).isEmpty();
        assertThat(violations(json(valid.replace("\"BEFORE\"", "\"事前\"")))).as("timing").isNotEmpty();
        assertThat(violations(json(valid.replace("KEY_ITEMS", "KEY")))).as("kind").isNotEmpty();
        assertThat(violations(json(valid.replace("file.storage.location", "File.Storage")))).as("item id").isNotEmpty();
        assertThat(violations(json(valid.replace("2023-12-27", "令和5年12月27日")))).as("date").isNotEmpty();
        assertThat(violations(json(valid.replace("\"note\": \"n\",", "")))).as("note required").isNotEmpty();
        assertThat(violations(json(valid.replace("\"fits\": [{\"kind\": \"KEY_ITEMS\", \"version\": \"2025\", "
                + "\"itemId\": \"file.storage.location\"}]", "\"fits\": []")))).as("no fit").isNotEmpty();
        assertThat(violations(json(valid.replace("\"issuer\"", "\"publisher\"")))).as("unknown field").isNotEmpty();
    }

    private static List<String> violations(JsonNode catalogue) {
        JsonSchema schema = SCHEMAS.getSchema(readJson(CATALOGUE_SCHEMA));
        return schema.validate(catalogue).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
