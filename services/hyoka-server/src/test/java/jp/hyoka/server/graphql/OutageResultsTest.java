package jp.hyoka.server.graphql;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.AsyncSerialExecutionStrategy;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import jp.hyoka.server.availability.DatabaseUnavailable;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A database outage as data for mutations (the ServiceUnavailable member of their union), as an error for queries. */
class OutageResultsTest {

    private static final String SDL = """
            type Query { read: String }
            type Mutation { edit: EditResult! other: String }
            union EditResult = Done | ServiceUnavailable
            type Done { ok: Boolean! }
            type ServiceUnavailable { code: String! message: String! mayHaveBeenStored: Boolean! retryAfterSeconds: Int! }
            """;
    private static final SQLException GONE = new SQLException("An I/O error occurred while sending to the backend.",
            "08006");

    private static ExecutionResult run(String operation, Exception failure) {
        DataFetcher<Object> failing = environment -> {
            throw failure;
        };
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", type -> type.dataFetcher("read", failing))
                .type("Mutation", type -> type.dataFetcher("edit", failing).dataFetcher("other", failing))
                .type("EditResult", type -> type.typeResolver(environment -> environment.getSchema().getObjectType(
                        environment.getObject() instanceof OutageResults.ServiceUnavailableResult
                                ? "ServiceUnavailable" : "Done")))
                .build();
        GraphQLSchema schema = OutageResults.decorate(
                new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring));
        ApiErrorHandler errors = new ApiErrorHandler();
        return GraphQL.newGraphQL(schema)
                .queryExecutionStrategy(new AsyncExecutionStrategy(errors))
                .mutationExecutionStrategy(new AsyncSerialExecutionStrategy(errors))
                .build().execute(operation);
    }

    private static final String EDIT = "mutation { edit { __typename ... on ServiceUnavailable { code mayHaveBeenStored"
            + " retryAfterSeconds } } }";

    @Test
    void givenTheDatabaseGoneBeforeSending_whenAMutationRuns_thenServiceUnavailableNothingStored() {
        ExecutionResult result = run(EDIT, new IllegalStateException("tenant-scoped read failed", GONE));

        assertThat(result.getErrors()).isEmpty();
        assertThat(result.<Map<String, Object>>getData().get("edit")).isEqualTo(Map.of("__typename",
                "ServiceUnavailable", "code", "SERVICE_UNAVAILABLE", "mayHaveBeenStored", false,
                "retryAfterSeconds", 1));
    }

    @Test
    void givenTheDatabaseGoneWhileStoring_whenAMutationRuns_thenServiceUnavailableMayHaveBeenStored() {
        ExecutionResult result = run(EDIT, new DatabaseUnavailable(true, GONE));

        assertThat(result.<Map<String, Map<String, Object>>>getData().get("edit"))
                .containsEntry("mayHaveBeenStored", true);
    }

    @Test
    void givenAnotherFailure_whenAMutationRuns_thenInternalAsBefore() {
        ExecutionResult result = run(EDIT, new IllegalStateException("bug"));

        assertThat(result.getErrors()).singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "INTERNAL"));
    }

    @Test
    void givenTheDatabaseGone_whenAQueryOrAFieldWithoutTheProblemRuns_thenARetryableServiceUnavailableError() {
        for (String operation : List.of("{ read }", "mutation { other }")) {
            ExecutionResult result = run(operation, new RuntimeException(GONE));

            assertThat(result.getErrors()).as(operation).singleElement()
                    .satisfies(error -> assertThat(error.getExtensions())
                            .containsEntry("code", "SERVICE_UNAVAILABLE")
                            .containsEntry("retryable", true)
                            .containsEntry("retryAfterSeconds", 1));
        }
    }
}
