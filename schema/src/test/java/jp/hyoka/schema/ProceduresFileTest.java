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
 * Guards the procedure definitions (procedures/procedures.json) against their JSON Schema and against the forms:
 * every item a step fills must exist in every revision of its kind's form, or the printed VI 2 / VI 3 would miss it.
 */
class ProceduresFileTest {

    private static final Path PROCEDURES = Path.of("procedures");
    private static final Path FILE = PROCEDURES.resolve("procedures.json");
    private static final Path SCHEMA = PROCEDURES.resolve("procedures.schema.json");
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @Test
    void givenTheProceduresSchema_whenCheckedAgainstTheDraft202012MetaSchema_thenItIsValid() {
        JsonSchema meta = SCHEMAS.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        assertThat(meta.validate(readJson(SCHEMA))).isEmpty();
    }

    @Test
    void givenTheProcedures_whenValidated_thenTheyMatchTheirSchema() {
        assertThat(violations(readJson(FILE))).isEmpty();
    }

    @Test
    void givenTheProcedures_whenListed_thenEachKindOnceEachStepOnceAndEveryFilledItemInEveryRevisionOfTheForm() {
        List<String> problems = new ArrayList<>();
        Set<String> kinds = new HashSet<>();
        for (JsonNode procedure : readJson(FILE).path("procedures")) {
            String kind = procedure.path("kind").asText();
            if (!kinds.add(kind)) {
                problems.add(kind + " is listed twice");
            }
            Set<String> steps = new HashSet<>();
            for (JsonNode step : procedure.path("steps")) {
                if (!steps.add(step.path("step").asText())) {
                    problems.add(kind + " lists " + step.path("step").asText() + " twice");
                }
                step.path("fills").forEach(item -> formsOf(kind).forEach(form -> {
                    if (!itemIds(readJson(form)).contains(item.asText())) {
                        problems.add(kind + " " + step.path("step").asText() + " fills " + item.asText()
                                + ", which " + form + " does not have");
                    }
                }));
            }
        }
        assertThat(kinds).containsExactlyInAnyOrder("BASIC_ITEMS", "KEY_ITEMS", "ALL_ITEMS");
        assertThat(problems).isEmpty();
    }

    @Test
    void givenBrokenEntries_whenValidated_thenTheSchemaRefusesThem() {
        String valid = """
                {"procedures": [{"kind": "ALL_ITEMS", "steps": [{"step": "THIRD_PARTY_REVIEW", "label": "第三者点検",
                  "required": true, "after": [], "fills": {"result": "procedure.third-party-review.result"}}]}]}""";
        assertThat(violations(json(valid))).isEmpty();
        assertThat(violations(json(valid.replace("ALL_ITEMS", "ALL")))).as("kind").isNotEmpty();
        assertThat(violations(json(valid.replace("THIRD_PARTY_REVIEW", "REVIEW")))).as("step").isNotEmpty();
        assertThat(violations(json(valid.replace("\"result\":", "\"outcome\":")))).as("value").isNotEmpty();
        assertThat(violations(json(valid.replace("procedure.third-party-review.result", "VI 3 ③")))).as("item id")
                .isNotEmpty();
        assertThat(violations(json(valid.replace("\"required\": true, ", "")))).as("required").isNotEmpty();
    }

    /** The form files of a kind, from the forms' own catalog.json ("all-items/2025.json" for ALL_ITEMS). */
    private static List<Path> formsOf(String kind) {
        String folder = kind.toLowerCase().replace('_', '-') + "/";
        List<Path> files = new ArrayList<>();
        for (JsonNode form : readJson(ModuleFiles.FORMS.resolve("catalog.json")).path("forms")) {
            if (form.path("file").asText().startsWith(folder)) {
                files.add(ModuleFiles.FORMS.resolve(form.path("file").asText()));
            }
        }
        return files;
    }

    private static Set<String> itemIds(JsonNode form) {
        Set<String> ids = new HashSet<>();
        form.findValues("items").forEach(items -> items.forEach(item -> ids.add(item.path("id").asText())));
        return ids;
    }

    private static List<String> violations(JsonNode procedures) {
        JsonSchema schema = SCHEMAS.getSchema(readJson(SCHEMA));
        return schema.validate(procedures).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
