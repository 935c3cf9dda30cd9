package jp.hyoka.server.graphql;

import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GraphQlMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final GraphQL graphQL = GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(
                    new SchemaParser().parse("type Query { hello: String boom: String }"),
                    RuntimeWiring.newRuntimeWiring()
                            .type("Query", type -> type.dataFetcher("hello", env -> "こんにちは").dataFetcher("boom", env -> {
                                throw new IllegalStateException("boom");
                            })).build()))
            .instrumentation(new GraphQlMetrics(registry))
            .build();

    @Test
    void givenMoreDistinctOperationNamesThanTheLimit_whenExecuted_thenTheRestCountAsOther() {
        for (int i = 0; i < GraphQlMetrics.MAX_OPERATION_NAMES + 5; i++) {
            graphQL.execute("query Op" + i + " { hello }");
        }

        assertThat(requests("Op0")).isEqualTo(1);
        assertThat(requests("other")).isEqualTo(5);
        assertThat(registry.find("hyoka.graphql.requests").timers())
                .hasSize(GraphQlMetrics.MAX_OPERATION_NAMES + 1);
    }

    @Test
    void givenADocumentThatDoesNotValidate_whenExecuted_thenItsNameIsNotUsedAndTheErrorIsCounted() {
        graphQL.execute(ExecutionInput.newExecutionInput("query Chosen_By_The_Client { nope }").build());

        assertThat(requests("none")).isEqualTo(1);
        assertThat(requests("Chosen_By_The_Client")).isZero();
        assertThat(registry.find("hyoka.graphql.errors").tags("operation", "none", "code", "ValidationError")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void givenAnUnnamedQuery_whenExecuted_thenItCountsAsAnonymous() {
        graphQL.execute("{ hello }");

        assertThat(requests("anonymous")).isEqualTo(1);
    }

    @Test
    void givenOneOperationRepeatedAndOnceFailing_whenExecuted_thenEachOutcomeHasOneTimerCountingItsRequests() {
        for (int i = 0; i < 3; i++) {
            graphQL.execute("query Same { hello }");
        }
        graphQL.execute("query Same { boom }");

        assertThat(registry.find("hyoka.graphql.requests").tags("operation", "Same", "outcome", "ok").timers())
                .singleElement().extracting(Timer::count).isEqualTo(3L);
        assertThat(registry.find("hyoka.graphql.requests").tags("operation", "Same", "outcome", "error").timers())
                .singleElement().extracting(Timer::count).isEqualTo(1L);
    }

    private long requests(String operation) {
        return registry.find("hyoka.graphql.requests").tag("operation", operation).timers().stream()
                .mapToLong(timer -> timer.count()).sum();
    }
}
