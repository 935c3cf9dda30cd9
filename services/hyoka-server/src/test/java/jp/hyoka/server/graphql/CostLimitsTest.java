package jp.hyoka.server.graphql;

import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CostLimitsTest {

    private final GraphQL graphQL = GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(
                    new SchemaParser().parse("type Query { page(first: Int): [Item] item(id: ID): Item } "
                            + "type Item { name: String sub: Item }"),
                    RuntimeWiring.newRuntimeWiring().build()))
            .preparsedDocumentProvider(new GraphQlFactory.CachedDocuments())
            .instrumentation(new CostLimits(new CostBudget(1_000, 0, 1_000, System::nanoTime)))
            .build();

    private int requested(String document, Map<String, Object> variables) {
        CostLimits.Ticket ticket = new CostLimits.Ticket("municipality:141305");
        graphQL.execute(ExecutionInput.newExecutionInput(document).variables(variables)
                .graphQLContext(Map.of(CostLimits.KEY, ticket)).build());
        return (Integer) ticket.settle(new CostBudget(1_000, 0, 1_000, System::nanoTime), null)
                .get("requestedQueryCost");
    }

    @Test
    void givenTheSameDocumentWithAnotherPageSizeInItsVariables_whenPricedAgain_thenItsPriceFollowsTheVariables() {
        String document = "query($n: Int) { page(first: $n) { sub { name } } }";

        assertThat(requested(document, Map.of("n", 5))).isEqualTo(1 + 5);
        assertThat(requested(document, Map.of("n", 50))).isEqualTo(1 + 50);
    }

    @Test
    void givenADocumentWhosePriceNoVariableChanges_whenPricedTwice_thenBothPricesAreTheSame() {
        String document = "query($id: ID) { item(id: $id) { name } }";

        assertThat(requested(document, Map.of("id", "a"))).isEqualTo(requested(document, Map.of("id", "b")))
                .isEqualTo(1);
    }
}
