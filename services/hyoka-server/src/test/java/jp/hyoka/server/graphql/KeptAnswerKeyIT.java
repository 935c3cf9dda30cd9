package jp.hyoka.server.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.GraphQL;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.server.assessment.AssessmentVersions;
import jp.hyoka.server.support.Imports;
import jp.hyoka.server.support.Samples;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kept answer's key ({@link CachedResponses.Key}) holds the caller's municipality and roles, not the user: one
 * editor's kept answer is served to every other editor of the municipality. That is right only while every field a
 * kept answer may hold ({@code AssessmentVersions.DETERMINED}) answers the same for every user of one municipality
 * with the same roles. This guard reads each of those fields, generated from the schema so that a field named there
 * later is read too, as two editors of one municipality (one who made every change, one who made none), each executed
 * afresh (another query text is another key), and fails when any answer differs: a field that depends on who asks
 * must not be named there.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeptAnswerKeyIT extends SignedInServerTest {

    /** Values for the required arguments of determined fields; a new one fails the guard until it is given here. */
    private static final Map<String, String> ARGUMENTS = Map.of("Assessment.answer.itemId", "\"affair.name\"");

    @Inject
    GraphQL graphQL;
    @Inject
    AssessmentVersions versions;

    @Test
    void givenEveryFieldAKeptAnswerMayHold_whenTwoEditorsOfOneMunicipalityReadIt_thenBothAreAnsweredTheSame() {
        String id = Imports.importedId(callers.kawasakiEditor, Samples.ALL_ITEMS_000);
        Set<String> determined = versions.determinedFields();
        GraphQLSchema schema = graphQL.getGraphQLSchema();
        Set<String> read = new TreeSet<>();

        for (GraphQLFieldDefinition field : schema.getObjectType("Assessment").getFieldDefinitions()) {
            if (!determined.contains("Assessment." + field.getName())) {
                continue;
            }
            String query = "query($id: ID!) { assessment(id: $id) { "
                    + select(schema, "Assessment", field, determined, new LinkedHashSet<>(), read) + " } }";

            JsonNode byTheEditor = callers.kawasakiEditor.data("assessment", query, Map.of("id", id));
            JsonNode byAnother = callers.kawasakiEditor2.data("assessment", query + "\n# another key",
                    Map.of("id", id));

            assertThat(byTheEditor.isObject()).as(query).isTrue();
            assertThat(byAnother).as("the same for another editor: " + query).isEqualTo(byTheEditor);
        }
        assertThat(read).as("every field a kept answer may hold was read").containsAll(determined);
    }

    @Test
    void givenAFieldThatDependsOnTheCaller_whenTwoEditorsReadIt_thenTheComparisonTellsThemApart() {
        String query = "{ me { userId displayName municipalityCode roles } }";

        JsonNode byTheEditor = callers.kawasakiEditor.data("me", query, Map.of());
        JsonNode byAnother = callers.kawasakiEditor2.data("me", query + "\n# another key", Map.of());

        assertThat(byAnother.path("municipalityCode")).isEqualTo(byTheEditor.path("municipalityCode"));
        assertThat(byAnother.path("roles")).isEqualTo(byTheEditor.path("roles"));
        assertThat(byAnother).as("what the guard above would catch").isNotEqualTo(byTheEditor);
    }

    /**
     * {@code field} of {@code owner} with every determined field beneath it: each possible type of an abstract one
     * (with {@code __typename}), a type already on the path not entered again (a group's parent is a group).
     */
    private static String select(GraphQLSchema schema, String owner, GraphQLFieldDefinition field, Set<String> determined,
                                 Set<String> path, Set<String> read) {
        String coordinate = owner + "." + field.getName();
        read.add(coordinate);
        StringBuilder selection = new StringBuilder(field.getName()).append(arguments(coordinate, field));
        GraphQLType type = GraphQLTypeUtil.unwrapAll(field.getType());
        if (!(type instanceof GraphQLNamedOutputType) || GraphQLTypeUtil.isLeaf(type)) {
            return selection.toString();
        }
        List<GraphQLObjectType> possible = type instanceof GraphQLObjectType object ? List.of(object)
                : type instanceof GraphQLInterfaceType contract ? schema.getImplementations(contract)
                : ((GraphQLUnionType) type).getTypes().stream().map(GraphQLObjectType.class::cast).toList();
        List<String> parts = new ArrayList<>(List.of("__typename"));
        for (GraphQLObjectType object : possible) {
            List<String> fields = fields(schema, object, determined, path, read);
            if (!fields.isEmpty()) {
                parts.add(possible.size() == 1 && type instanceof GraphQLObjectType ? String.join(" ", fields)
                        : "... on " + object.getName() + " { " + String.join(" ", fields) + " }");
            }
        }
        return selection.append(" { ").append(String.join(" ", parts)).append(" }").toString();
    }

    private static List<String> fields(GraphQLSchema schema, GraphQLFieldsContainer object, Set<String> determined,
                                       Set<String> path, Set<String> read) {
        List<String> fields = new ArrayList<>();
        if (!path.add(object.getName())) {
            return fields;
        }
        for (GraphQLFieldDefinition child : object.getFieldDefinitions()) {
            if (determined.contains(object.getName() + "." + child.getName())) {
                fields.add(select(schema, object.getName(), child, determined, path, read));
            }
        }
        path.remove(object.getName());
        return fields;
    }

    private static String arguments(String coordinate, GraphQLFieldDefinition field) {
        List<String> given = new ArrayList<>();
        for (GraphQLArgument argument : field.getArguments()) {
            if (argument.getType() instanceof GraphQLNonNull && !argument.hasSetDefaultValue()) {
                String value = ARGUMENTS.get(coordinate + "." + argument.getName());
                assertThat(value).as("a value for " + coordinate + "(" + argument.getName() + ":) in ARGUMENTS")
                        .isNotNull();
                given.add(argument.getName() + ": " + value);
            }
        }
        return given.isEmpty() ? "" : "(" + String.join(", ", given) + ")";
    }
}
