package jp.hyoka.server.graphql;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class LeanInstrumentationTest {

    private final List<String> calls = new ArrayList<>();

    private GraphQL graphQL(List<Recording> perOperation) {
        return GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(
                        new SchemaParser().parse("type Query { item: Item } type Item { a: String b: String c: Int }"),
                        RuntimeWiring.newRuntimeWiring()
                                .type("Query", type -> type.dataFetcher("item", env -> Map.of("a", "あ", "b", "b")))
                                .type("Item", type -> type.dataFetcher("c", env -> 3))
                                .build()))
                .instrumentation(new LeanInstrumentation(List.copyOf(perOperation),
                        new RequestDeadline(Duration.ofSeconds(1))))
                .build();
    }

    @Test
    void givenTwoPerOperationInstrumentations_whenSeveralFieldsRun_thenEachIsAskedOnceInOrderNeverPerField() {
        ExecutionResult result = graphQL(List.of(new Recording("first"), new Recording("second")))
                .execute("{ item { a b c } }");

        assertThat(result.getErrors()).isEmpty();
        assertThat(calls).containsExactly("first:state", "second:state", "first:operation", "second:operation",
                "first:done", "second:done", "first:result", "second:result");
    }

    @Test
    void givenAnEarlierInstrumentationRefusing_whenExecuted_thenTheLaterOneIsNotAskedAndNothingRan() {
        ExecutionResult result = graphQL(List.of(new Recording("limits") {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                    InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
                throw DocumentLimits.refusal("QUERY_TOO_DEEP", "too deep", Map.of());
            }
        }, new Recording("cost"))).execute("{ item { a } }");

        assertThat(result.getErrors()).singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "QUERY_TOO_DEEP"));
        assertThat(calls).doesNotContain("cost:operation");
    }

    @Test
    void givenARequestPastItsDeadline_whenAFieldWithAFetcherWouldRun_thenItIsRefusedAsTimeout() {
        ExecutionResult result = graphQL(List.of()).execute(ExecutionInput.newExecutionInput("{ item { a c } }")
                .graphQLContext(Map.of(RequestDeadline.KEY, System.nanoTime() - 1)).build());

        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getPath()).containsExactly("item");
            assertThat(error.getMessage()).contains(RequestDeadline.message(Duration.ofSeconds(1)));
        });
        assertThat(result.<Map<String, Object>>getData()).containsEntry("item", null);
    }

    /** Records what it is asked; a field-level hook would show up as "…:field". */
    private class Recording extends SimplePerformantInstrumentation {
        private final String name;

        Recording(String name) {
            this.name = name;
        }

        @Override
        public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
            calls.add(name + ":state");
            return new InstrumentationState() {
            };
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
            assertThat(state).isNotNull();
            calls.add(name + ":operation");
            return SimpleInstrumentationContext.whenCompleted((result, failure) -> calls.add(name + ":done"));
        }

        @Override
        public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters,
                                                              InstrumentationState state) {
            calls.add(name + ":field");
            return null;
        }

        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(
                ExecutionResult result, InstrumentationExecutionParameters parameters, InstrumentationState state) {
            assertThat(state).isNotNull();
            calls.add(name + ":result");
            return CompletableFuture.completedFuture(result);
        }
    }
}
