package jp.hyoka.server.graphql;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import jp.hyoka.server.assessment.AssessmentVersions;
import jp.hyoka.server.support.Operations;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Which operations may be answered from kept answers, against the API's own schema and assessment's fields. */
class CacheableOperationsTest {

    private static final GraphQLSchema SCHEMA = schema();
    private static final AssessmentVersions ASSESSMENT = new AssessmentVersions(null);
    private static final CacheableOperations OPERATIONS = new CacheableOperations(List.of(ASSESSMENT));

    private static GraphQLSchema schema() {
        try {
            return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(
                    Files.readString(Path.of("src/test/resources/printed-schema.graphqls"))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<CacheableOperations.Plan> plan(String query) {
        Document document = Parser.parse(query);
        OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).get(0);
        return OPERATIONS.plan(SCHEMA, document, operation, document.getDefinitionsOfType(
                graphql.language.FragmentDefinition.class).stream().collect(Collectors.toMap(
                graphql.language.FragmentDefinition::getName, fragment -> fragment)));
    }

    @Test
    void givenEveryFieldTheAssessmentNamesAsDetermined_whenLookedUpInTheSchema_thenEachExists() {
        for (String coordinate : ASSESSMENT.determinedFields()) {
            String[] parts = coordinate.split("\\.");
            assertThat(SCHEMA.getObjectType(parts[0])).as(coordinate).isNotNull();
            assertThat(SCHEMA.getObjectType(parts[0]).getFieldDefinition(parts[1])).as(coordinate).isNotNull();
        }
    }

    @Test
    void givenTheWholeDocumentAndTheFewFieldReads_whenPlanned_thenBothAreKeptByTheirIdVariable() {
        assertThat(plan(Operations.READ_WHOLE)).hasValueSatisfying(plan -> {
            assertThat(plan.root()).isSameAs(ASSESSMENT);
            assertThat(plan.id(Map.of("id", "abc"))).isEqualTo("abc");
        });
        assertThat(plan("query($id: ID!) { assessment(id: $id) { id revision affairName updatedAt } }")).isPresent();
        assertThat(plan("{ doc: assessment(id: \"x\") { __typename form { kind } ...head } } "
                + "fragment head on Assessment { revision }")).hasValueSatisfying(plan ->
                assertThat(plan.id(Map.of())).isEqualTo("x"));
    }

    @Test
    void givenOneFragmentUsedTwiceSideBySide_whenPlanned_thenTheOperationIsKept() {
        assertThat(plan("query($id: ID!) { assessment(id: $id) { createdBy { ...who } updatedBy { ...who } } } "
                + "fragment who on Actor { userId displayName }")).isPresent();
        assertThat(plan("query($id: ID!) { assessment(id: $id) { createdBy { ...who } updatedBy { ...who } } } "
                + "fragment who on Actor { userId ...more } fragment more on Actor { displayName }")).isPresent();
    }

    @Test
    void givenFieldsThatDoNotFollowFromTheDocumentsRevision_whenPlanned_thenTheOperationIsNotKept() {
        for (String fields : List.of("history { totalCount }", "reviewThreads { id }",
                "componentProposalsConnection { totalCount }", "componentUses { itemId }",
                "answers { item { id } } reviewThreads { id }")) {
            assertThat(plan("query($id: ID!) { assessment(id: $id) { revision " + fields + " } }")).as(fields)
                    .isEmpty();
        }
    }

    @Test
    void givenOtherShapes_whenPlanned_thenNoneIsKept() {
        for (String query : List.of(
                "query($id: ID!) { assessment(id: $id) { revision } me { userId } }",
                "query($id: ID!) { node(id: $id) { id } }",
                "query($id: ID!) { assessment(id: $id) @include(if: true) { revision } }",
                "query($id: ID!) { assessment(id: $id) { ... on Node { id } } }",
                "query($id: ID!) { assessment(id: $id) { revision @deprecated } }",
                "mutation($id: ID!) { publishVersion(input: {assessmentId: $id}) { __typename } }")) {
            assertThat(plan(query)).as(query).isEmpty();
        }
    }

    @Test
    void givenAnIdVariableThatIsNotAString_whenTheIdIsAskedFor_thenThereIsNone() {
        CacheableOperations.Plan plan = plan("query($id: ID!) { assessment(id: $id) { revision } }").orElseThrow();

        assertThat(plan.id(Map.of("id", 42))).isNull();
        assertThat(plan.id(Map.of())).isNull();
    }
}
