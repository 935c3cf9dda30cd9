package jp.hyoka.server.graphql;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.parser.Parser;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentLimitsTest {

    private final GraphQL graphQL = GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(
                    new SchemaParser().parse("type Query { a: A x: Int y(in: In): Int } type A { a: A x: Int } "
                            + "input In { text: String list: [String] }"),
                    RuntimeWiring.newRuntimeWiring().build()))
            .preparsedDocumentProvider(new GraphQlFactory.CachedDocuments())
            .instrumentation(new LeanInstrumentation(List.of(DocumentLimits.maxDepth(3), DocumentLimits.maxFields(5)),
                    new RequestDeadline(Duration.ofSeconds(5))))
            .build();

    private ExecutionResult run(String document, String operation, Map<String, Object> variables) {
        return graphQL.execute(ExecutionInput.newExecutionInput(document).operationName(operation)
                .variables(variables).build());
    }

    private static Object code(ExecutionResult result) {
        return result.getErrors().isEmpty() ? null : result.getErrors().get(0).getExtensions().get("code");
    }

    @Test
    void givenAnOperationThatPassed_whenAnotherOperationOfTheSameDocumentIsTooDeep_thenThatOneIsRefused() {
        String document = "query Shallow { x } query Deep { a { a { a { x } } } }";

        assertThat(code(run(document, "Shallow", Map.of()))).isNull();
        assertThat(code(run(document, "Shallow", Map.of()))).isNull();
        assertThat(code(run(document, "Deep", Map.of()))).isEqualTo(DocumentLimits.TOO_DEEP);
    }

    @Test
    void givenADocumentWhoseDepthDependsOnAVariable_whenItPassedOnce_thenOtherVariablesAreStillChecked() {
        String document = "query($skip: Boolean!) { a { a { a @skip(if: $skip) { x } } } }";

        assertThat(code(run(document, null, Map.of("skip", true)))).isNull();
        assertThat(code(run(document, null, Map.of("skip", false)))).isEqualTo(DocumentLimits.TOO_DEEP);
    }

    @Test
    void givenADocumentWhoseFieldCountDependsOnAVariable_whenItPassedOnce_thenOtherVariablesAreStillChecked() {
        String document = "query($all: Boolean!) { x a { x a @include(if: $all) { x } } y: x z: x }";

        assertThat(code(run(document, null, Map.of("all", false)))).isNull();
        assertThat(code(run(document, null, Map.of("all", true)))).isEqualTo(DocumentLimits.TOO_COMPLEX);
    }

    @Test
    void givenDocuments_whenAskedWhetherTheWalkDependsOnVariables_thenSkipIncludeAndInputObjectVariablesDo() {
        assertThat(dependsOnVariables("query($id: ID!, $ids: [ID!]) { a { x } }")).isFalse();
        assertThat(dependsOnVariables("{ a { ...F } } fragment F on A { x @include(if: true) }")).isTrue();
        assertThat(dependsOnVariables("query($s: Boolean!) { x @skip(if: $s) }")).isTrue();
        assertThat(dependsOnVariables("query($in: In!) { x }")).isTrue();
        assertThat(dependsOnVariables("query($in: [In!]) { x }")).isTrue();
        assertThat(dependsOnVariables("query($t: String) { y(in: {text: $t}) }")).isTrue();
        assertThat(dependsOnVariables("query($t: String) { y(in: {list: [$t]}) }")).isTrue();
    }

    @Test
    void givenNonNullVariablesInsideAnInputObject_whenAskedWhetherTheWalkDependsOnThem_thenItDoesNot() {
        assertThat(dependsOnVariables("mutation($t: String!) { y(in: {text: $t}) }")).isFalse();
        assertThat(dependsOnVariables("query($t: String!) { y(in: {list: [$t]}) }")).isFalse();
        assertThat(dependsOnVariables("query A($t: String!) { y(in: {text: $t}) } "
                + "query B($t: String) { y(in: {text: $t}) }")).as("nullable in another operation").isTrue();
        assertThat(dependsOnVariables("query($n: Int!) { p(first: $n) }", Set.of("first")))
                .as("a priced argument still counts").isTrue();
    }

    @Test
    void givenDocuments_whenAskedWhetherNamedArgumentsTakeVariables_thenOnlyThoseArgumentsCount() {
        Set<String> paging = Set.of("first", "ids");
        assertThat(dependsOnVariables("query($t: String) { y(in: {text: \"x\"}) }", paging)).isFalse();
        assertThat(dependsOnVariables("query($n: Int) { p(first: 5) }", paging)).isFalse();
        assertThat(dependsOnVariables("query($n: Int) { p(first: $n) }", paging)).isTrue();
        assertThat(dependsOnVariables("query($id: ID) { p(ids: [\"a\", $id]) }", paging)).isTrue();
    }

    private boolean dependsOnVariables(String document) {
        return dependsOnVariables(document, Set.of());
    }

    private boolean dependsOnVariables(String document, Set<String> arguments) {
        return DocumentLimits.Passed.dependsOnVariables(Parser.parse(document), graphQL.getGraphQLSchema(), arguments);
    }
}
