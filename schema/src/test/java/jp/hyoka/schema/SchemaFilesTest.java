package jp.hyoka.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static jp.hyoka.schema.ModuleFiles.FORMS;
import static jp.hyoka.schema.ModuleFiles.json;
import static jp.hyoka.schema.ModuleFiles.read;
import static jp.hyoka.schema.ModuleFiles.readJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Guards the contract files of this module: the GraphQL SDL (graphql/) and the form definitions (forms/, rules in
 * forms/README.md). Paths are relative to the module directory, which is surefire's working directory.
 */
class SchemaFilesTest {

    private static final Path GRAPHQL = Path.of("graphql");
    private static final Path FORM_SCHEMA = FORMS.resolve("form-definition.schema.json");
    private static final Set<String> KINDS = Set.of("BASIC_ITEMS", "KEY_ITEMS", "ALL_ITEMS");
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    /** One catalog.json entry with its parsed file. */
    record FormFile(String file, boolean current, JsonNode json) {
    }

    // ---------------------------------------------------------------- GraphQL SDL

    @Test
    void givenEachSdlFile_whenParsedOnItsOwn_thenItIsWellFormedSdl() {
        List<Path> files = sdlFiles();
        assertThat(files).extracting(f -> f.getFileName().toString()).contains("schema.graphqls", "problems.graphqls");
        for (Path file : files) {
            try {
                new SchemaParser().parse(read(file));
            } catch (RuntimeException e) {
                throw new AssertionError(file + " does not parse: " + e.getMessage(), e);
            }
        }
    }

    @Test
    void givenAllSdlFiles_whenMerged_thenTheyBuildOneValidSchema() {
        GraphQLSchema schema = buildSchema(sdlFiles());

        assertThat(schema.getQueryType().getFieldDefinitions()).isNotEmpty();
        assertThat(schema.getMutationType()).isNotNull();
        assertThat(schema.getMutationType().getFieldDefinitions()).isNotEmpty();
    }

    @Test
    void givenADanglingTypeReference_whenTheSchemaIsBuilt_thenItFails() {
        TypeDefinitionRegistry registry = new SchemaParser().parse("type Query { a: Missing }");

        assertThatThrownBy(() -> UnExecutableSchemaGenerator.makeUnExecutableSchema(registry))
                .hasMessageContaining("Missing");
    }

    @Test
    void givenEveryUnion_whenItsMembersShareAFieldName_thenTheFieldHasTheSameTypeInEveryMember() {
        assertThat(unionFieldConflicts(buildSchema(sdlFiles())))
                .as("front ends select the fields of all members in one selection set; graphql-java refuses "
                        + "a field name with two different types there (nullability and lists count)")
                .isEmpty();
    }

    @Test
    void givenUnionMembersWithTheSameFieldAsIntAndNonNullInt_whenChecked_thenTheConflictIsReported() {
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse("""
                type Query { r: R }
                union R = A | B | C
                type A { limit: Int! name: String }
                type B { limit: Int name: String }
                type C { name: String }
                """));

        assertThat(unionFieldConflicts(schema)).singleElement().asString()
                .contains("R", "limit", "A: Int!", "B: Int");
    }

    // ---------------------------------------------------------------- forms: schema and catalog

    @Test
    void givenTheFormSchema_whenCheckedAgainstTheDraft202012MetaSchema_thenItIsValid() {
        JsonSchema meta = SCHEMAS.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        assertThat(meta.validate(readJson(FORM_SCHEMA))).isEmpty();
    }

    @Test
    void givenTheCatalog_whenEachEntryIsRead_thenItsFileExistsAndValidatesAgainstTheFormSchema() {
        JsonNode catalog = readJson(FORMS.resolve("catalog.json"));
        assertThat(catalog.path("forms").isArray()).as("catalog.json has a forms array").isTrue();
        assertThat(catalog.path("forms")).isNotEmpty();
        for (JsonNode entry : catalog.path("forms")) {
            assertThat(entry.path("file").isTextual()).as("catalog entry %s names a file", entry).isTrue();
            assertThat(Files.isRegularFile(FORMS.resolve(entry.path("file").asText())))
                    .as("catalog entry %s: file exists under forms/", entry).isTrue();
            assertThat(entry.path("current").isMissingNode() || entry.path("current").isBoolean())
                    .as("catalog entry %s: current is a boolean", entry).isTrue();
        }

        Map<String, List<String>> violations = new TreeMap<>();
        for (FormFile form : catalog()) {
            List<String> found = schemaViolations(form.json());
            if (!found.isEmpty()) {
                violations.put(form.file(), found);
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void givenTheCatalog_whenRevisionsAreCounted_thenEveryKindHasExactlyOneCurrentRevision() {
        Map<String, List<String>> currentByKind = new TreeMap<>();
        for (String kind : KINDS) {
            currentByKind.put(kind, new ArrayList<>());
        }
        for (FormFile form : catalog()) {
            if (form.current()) {
                currentByKind.computeIfAbsent(form.json().path("kind").asText(), k -> new ArrayList<>()).add(form.file());
            }
        }

        assertThat(currentByKind).allSatisfy((kind, files) ->
                assertThat(files).as("current revisions of %s", kind).hasSize(1));
    }

    @Test
    void givenTheFormsDirectory_whenListed_thenEveryFormFileIsInTheCatalogOnceAtKindDirSlashVersion() {
        List<FormFile> catalog = catalog();
        List<String> listed = catalog.stream().map(FormFile::file).toList();
        assertThat(listed).doesNotHaveDuplicates();
        assertThat(formFilesOnDisk()).as("form files not listed in catalog.json").containsExactlyInAnyOrderElementsOf(listed);

        for (FormFile form : catalog) {
            String kindDir = form.json().path("kind").asText().toLowerCase(Locale.ROOT).replace('_', '-');
            assertThat(form.file()).as("file of %s %s", form.json().path("kind").asText(), form.json().path("version").asText())
                    .isEqualTo(kindDir + "/" + form.json().path("version").asText() + ".json");
        }
    }

    // ---------------------------------------------------------------- forms: ids

    @Test
    void givenEachForm_whenItsIdsAreListed_thenSectionIdsItemIdsAndOptionCodesAreUnique() {
        Map<String, List<String>> duplicates = new TreeMap<>();
        for (FormFile form : catalog()) {
            List<String> found = duplicateIds(form.json());
            if (!found.isEmpty()) {
                duplicates.put(form.file(), found);
            }
        }
        assertThat(duplicates).isEmpty();
    }

    @Test
    void givenEachNumberItem_whenItsRangeIsResolvedWithDefaults_thenMinimumIsAtMostMaximum() {
        List<String> inverted = new ArrayList<>();
        for (FormFile form : catalog()) {
            for (JsonNode item : items(form.json())) {
                if ("NUMBER".equals(item.path("type").asText())
                        && item.path("minimum").asLong(0) > item.path("maximum").asLong(1_000_000_000L)) {
                    inverted.add(form.file() + ": " + item.path("id").asText());
                }
            }
        }
        assertThat(inverted).isEmpty();
    }

    @Test
    void givenAllForms_whenAnItemIdOccursInSeveralKindsOrRevisions_thenItHasTheSameTypeEverywhere() {
        assertThat(typeDrift(catalog())).isEmpty();
    }

    @Test
    void givenRetiredItemIds_whenFormsAreChecked_thenNoCurrentFormUsesOneAndNoFormUsesAnIdItRetiresItself() {
        assertThat(retiredIdReuse(catalog())).isEmpty();
    }

    // ---------------------------------------------------------------- the checks themselves can fail

    @Test
    void givenMalformedForms_whenValidated_thenTheFormSchemaRefusesEachOfThem() {
        String valid = """
                {"kind": "KEY_ITEMS", "version": "2025", "title": "t", "sections": [{"id": "s", "number": "", "label": "S",
                 "blocks": [{"id": "b", "items": [%s]}]}]}""";
        String textItem = """
                {"id": "affair.name", "number": "I 1 ①", "label": "事務の名称", "type": "TEXT", "maxLength": 200}""";
        assertThat(schemaViolations(json(valid.formatted(textItem)))).isEmpty();

        assertThat(schemaViolations(json(valid.formatted(textItem.replace("affair.name", "Affair.Name"))))).isNotEmpty();
        assertThat(schemaViolations(json(valid.formatted(textItem.replace("affair.name", "affair..name"))))).isNotEmpty();
        assertThat(schemaViolations(json(valid.formatted(textItem.replace("\"TEXT\"", "\"CHECKBOX\""))))).isNotEmpty();
        assertThat(schemaViolations(json(valid.formatted(textItem.replace("200", "0"))))).isNotEmpty();
        assertThat(schemaViolations(json(valid.formatted(textItem.replace("\"maxLength\"", "\"maxlength\""))))).isNotEmpty();
        assertThat(schemaViolations(json(valid.formatted(textItem.replace("\"TEXT\"", "\"DATE\""))))).as("maxLength on DATE").isNotEmpty();
        assertThat(schemaViolations(json(valid.formatted(textItem.replace("\"TEXT\"", "\"SINGLE_CHOICE\"")))))
                .as("SINGLE_CHOICE without options").isNotEmpty();
        String choice = """
                {"id": "a.b", "number": "", "label": "L", "type": "SINGLE_CHOICE", "options": %s}""";
        assertThat(schemaViolations(json(valid.formatted(choice.formatted("[{\"code\": \"1k-to-10k\", \"label\": \"x\"}]"))))).isEmpty();
        assertThat(schemaViolations(json(valid.formatted(choice.formatted("[]"))))).isNotEmpty();
        assertThat(schemaViolations(json(valid.formatted(choice.formatted("[{\"code\": \"実施する\", \"label\": \"x\"}]"))))).isNotEmpty();
        assertThat(schemaViolations(json(valid.formatted(choice.formatted("[{\"code\": \"yes\"}]"))))).isNotEmpty();
        assertThat(schemaViolations(json(valid.formatted(textItem).replace("KEY_ITEMS", "KEY")))).isNotEmpty();
        assertThat(schemaViolations(json(valid.formatted(textItem).replace("\"title\": \"t\", ", "")))).isNotEmpty();
    }

    @Test
    void givenAFormWithRepeatedIds_whenChecked_thenEachRepetitionIsReported() {
        JsonNode form = json("""
                {"sections": [
                  {"id": "s", "blocks": [{"id": "b", "items": [{"id": "a.b", "type": "TEXT"},
                    {"id": "a.c", "type": "SINGLE_CHOICE", "options": [{"code": "yes"}, {"code": "no"}, {"code": "yes"}]}]}]},
                  {"id": "s", "blocks": [{"id": "b", "items": [{"id": "a.b", "type": "TEXT"}]}]}]}""");

        assertThat(duplicateIds(form)).hasSize(3).anyMatch(p -> p.contains("option")).anyMatch(p -> p.contains("section"));
    }

    @Test
    void givenFormsThatDisagreeOnAnItemsTypeOrReuseARetiredId_whenChecked_thenBothAreReported() {
        JsonNode old = json("""
                {"sections": [{"id": "s", "blocks": [{"id": "b", "items": [{"id": "a.b", "type": "TEXT"}, {"id": "a.gone", "type": "DATE"}]}]}]}""");
        JsonNode newer = json("""
                {"sections": [{"id": "s", "blocks": [{"id": "b", "items": [{"id": "a.b", "type": "RICH_TEXT"}]}]}], "retiredItemIds": ["a.gone"]}""");
        JsonNode reusing = json("""
                {"sections": [{"id": "s", "blocks": [{"id": "b", "items": [{"id": "a.gone", "type": "DATE"}]}]}]}""");

        assertThat(typeDrift(List.of(new FormFile("x/1.json", false, old), new FormFile("x/2.json", true, newer))))
                .singleElement().asString().contains("a.b", "TEXT", "RICH_TEXT");
        assertThat(retiredIdReuse(List.of(new FormFile("x/1.json", false, old), new FormFile("x/2.json", true, newer))))
                .as("an old revision keeps the item it had before the id was retired").isEmpty();
        assertThat(retiredIdReuse(List.of(new FormFile("x/2.json", true, newer), new FormFile("y/1.json", true, reusing))))
                .singleElement().asString().contains("a.gone", "y/1.json");
    }

    // ---------------------------------------------------------------- checks

    private static List<String> unionFieldConflicts(GraphQLSchema schema) {
        List<String> conflicts = new ArrayList<>();
        for (GraphQLUnionType union : schema.getAllTypesAsList().stream()
                .filter(GraphQLUnionType.class::isInstance).map(GraphQLUnionType.class::cast).toList()) {
            Map<String, Map<String, String>> typesByField = new TreeMap<>();
            for (GraphQLNamedOutputType member : union.getTypes()) {
                for (GraphQLFieldDefinition field : ((GraphQLObjectType) member).getFieldDefinitions()) {
                    typesByField.computeIfAbsent(field.getName(), f -> new LinkedHashMap<>())
                            .put(member.getName(), GraphQLTypeUtil.simplePrint(field.getType()));
                }
            }
            typesByField.forEach((field, typeByMember) -> {
                if (new HashSet<>(typeByMember.values()).size() > 1) {
                    conflicts.add("union " + union.getName() + ", field " + field + ": " + typeByMember.entrySet().stream()
                            .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ")));
                }
            });
        }
        return conflicts;
    }

    private static List<String> schemaViolations(JsonNode form) {
        JsonSchema schema = SCHEMAS.getSchema(readJson(FORM_SCHEMA));
        return schema.validate(form).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static List<String> duplicateIds(JsonNode form) {
        List<String> duplicates = new ArrayList<>();
        Set<String> sectionIds = new HashSet<>();
        Set<String> itemIds = new HashSet<>();
        for (JsonNode section : form.path("sections")) {
            if (!sectionIds.add(section.path("id").asText())) {
                duplicates.add("section id " + section.path("id").asText());
            }
            for (JsonNode item : sectionItems(section)) {
                String id = item.path("id").asText();
                if (!itemIds.add(id)) {
                    duplicates.add("item id " + id);
                }
                Set<String> codes = new HashSet<>();
                for (JsonNode option : item.path("options")) {
                    if (!codes.add(option.path("code").asText())) {
                        duplicates.add("option code " + option.path("code").asText() + " of item " + id);
                    }
                }
            }
        }
        return duplicates;
    }

    private static List<String> typeDrift(List<FormFile> forms) {
        Map<String, Map<String, Set<String>>> filesByTypeById = new TreeMap<>();
        for (FormFile form : forms) {
            for (JsonNode item : items(form.json())) {
                filesByTypeById.computeIfAbsent(item.path("id").asText(), id -> new TreeMap<>())
                        .computeIfAbsent(item.path("type").asText(), t -> new TreeSet<>()).add(form.file());
            }
        }
        List<String> drift = new ArrayList<>();
        filesByTypeById.forEach((id, filesByType) -> {
            if (filesByType.size() > 1) {
                drift.add("item " + id + " has several types: " + filesByType);
            }
        });
        return drift;
    }

    /**
     * Old revisions stay in the catalog (assessments keep the revision they started on), so an old revision may still
     * define an id retired later. What must never happen: a current form, or the retiring form itself, using it.
     */
    private static List<String> retiredIdReuse(List<FormFile> forms) {
        Map<String, String> retiredBy = new TreeMap<>();
        for (FormFile form : forms) {
            for (JsonNode id : form.json().path("retiredItemIds")) {
                retiredBy.putIfAbsent(id.asText(), form.file());
            }
        }
        List<String> reuse = new ArrayList<>();
        for (FormFile form : forms) {
            Set<String> ownRetired = new HashSet<>();
            form.json().path("retiredItemIds").forEach(id -> ownRetired.add(id.asText()));
            for (JsonNode item : items(form.json())) {
                String id = item.path("id").asText();
                if (retiredBy.containsKey(id) && (form.current() || ownRetired.contains(id))) {
                    reuse.add(form.file() + " uses " + id + ", retired by " + retiredBy.get(id));
                }
            }
        }
        return reuse;
    }

    // ---------------------------------------------------------------- files

    private static List<Path> sdlFiles() {
        try (Stream<Path> files = Files.list(GRAPHQL)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".graphqls")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GraphQLSchema buildSchema(List<Path> files) {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        for (Path file : files) {
            registry.merge(new SchemaParser().parse(read(file)));
        }
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
    }

    private static List<FormFile> catalog() {
        List<FormFile> forms = new ArrayList<>();
        for (JsonNode entry : readJson(FORMS.resolve("catalog.json")).path("forms")) {
            String file = entry.path("file").asText();
            forms.add(new FormFile(file, entry.path("current").asBoolean(false), readJson(FORMS.resolve(file))));
        }
        return forms;
    }

    /** Form files are the JSON files in the kind directories (forms/<kind-dir>/<version>.json). */
    private static List<String> formFilesOnDisk() {
        try (Stream<Path> files = Files.walk(FORMS)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json") && f.getParent() != null
                            && !f.getParent().equals(FORMS))
                    .map(f -> FORMS.relativize(f).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> items(JsonNode form) {
        List<JsonNode> items = new ArrayList<>();
        form.path("sections").forEach(section -> items.addAll(sectionItems(section)));
        return items;
    }

    /** Format v2: a section's items are in its blocks. */
    private static List<JsonNode> sectionItems(JsonNode section) {
        List<JsonNode> items = new ArrayList<>();
        section.path("blocks").forEach(block -> block.path("items").forEach(items::add));
        return items;
    }
}
