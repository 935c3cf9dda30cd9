package jp.hyoka.server.graphql;

import graphql.execution.CoercedVariables;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class QueryCostTest {

    private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
            type Query { me: User  assessments(first: Int, last: Int): AssessmentConnection!
                         history(first: Int = 50): HistoryConnection!  tags: [Tag!]!  nodes(ids: [ID!]!): [User]! }
            type Mutation { rename(name: String!): User }
            type User { id: ID!  name: String  kind: Kind }
            enum Kind { A B }
            type Tag { name: String }
            type AssessmentConnection { edges: [AssessmentEdge!]!  pageInfo: PageInfo! }
            type AssessmentEdge { node: Assessment! }
            type Assessment { id: ID!  history(first: Int): HistoryConnection! }
            type HistoryConnection { edges: [HistoryEdge!]! }
            type HistoryEdge { node: Entry! }
            type Entry { at: String }
            type PageInfo { hasNextPage: Boolean! }
            """), RuntimeWiring.MOCKED_WIRING);

    private static int requested(String document, Map<String, Object> variables) {
        return QueryCost.requested(SCHEMA, Parser.parse(document), null, CoercedVariables.of(variables));
    }

    @Test
    void givenScalarsAndEnumsOfAnObject_whenPriced_thenOnlyTheObjectCosts() {
        assertThat(requested("{ me { id name kind } }", Map.of())).isEqualTo(1);
        assertThat(requested("{ __typename }", Map.of())).isZero();
    }

    @Test
    void givenAConnection_whenPriced_thenItsSelectionCostsFirstTimes() {
        // 1 for the connection, 10 × (edges 1 + node 1 + pageInfo 1)
        assertThat(requested("{ assessments(first: 10) { edges { node { id } } pageInfo { hasNextPage } } }",
                Map.of())).isEqualTo(31);
        assertThat(requested("query($n: Int) { assessments(last: $n) { edges { node { id } } } }", Map.of("n", 5)))
                .isEqualTo(11);
    }

    @Test
    void givenAConnectionWithoutFirstOrLast_whenPriced_thenTheSchemaDefaultOrTheDefaultPageSizeCounts() {
        assertThat(requested("{ history { edges { node { at } } } }", Map.of())).isEqualTo(1 + 50 * 2);
        assertThat(requested("{ assessments { edges { node { id } } } }", Map.of()))
                .isEqualTo(1 + QueryCost.DEFAULT_PAGE_SIZE * 2);
    }

    @Test
    void givenObjectsAskedByIds_whenPriced_thenEachIdCostsItsSelection() {
        assertThat(requested("{ nodes(ids: [\"a\", \"b\", \"c\"]) { id } }", Map.of())).isEqualTo(3);
        assertThat(requested("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", Map.of("ids", List.of("a", "b"))))
                .isEqualTo(2);
    }

    @Test
    void givenNestedConnections_whenPriced_thenTheirPageSizesMultiply() {
        // 1 + 10 × (edges 1 + node 1 + history (1 + 5 × (edges 1 + node 1)))
        assertThat(requested("{ assessments(first: 10) { edges { node { history(first: 5) { edges { node { at } } } }"
                + " } } }", Map.of())).isEqualTo(1 + 10 * (2 + 1 + 5 * 2));
    }

    @Test
    void givenAPlainListAndAMutation_whenPriced_thenTheListCountsItsSelectionOnceAndTheMutationIsFixedPlusSelection() {
        assertThat(requested("{ tags { name } }", Map.of())).isEqualTo(1);
        assertThat(requested("mutation { a: rename(name: \"x\") { id } b: rename(name: \"y\") { id } }", Map.of()))
                .isEqualTo(2 * (QueryCost.MUTATION + 1));
    }

    @Test
    void givenReturnedData_whenCounted_thenEveryObjectCostsOneAndEveryMutationFieldItsFixedCost() {
        Map<String, Object> data = Map.of("assessments", Map.of("edges", List.of(
                Map.of("node", Map.of("id", "1")), Map.of("node", Map.of("id", "2")))));

        assertThat(QueryCost.actual(data, false)).isEqualTo(1 + 2 * 2);
        assertThat(QueryCost.actual(Map.of("rename", Map.of("id", "1")), true)).isEqualTo(QueryCost.MUTATION + 1);
        assertThat(QueryCost.actual(null, false)).isZero();
    }
}
