package jp.hyoka.server.graphql;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Access is denied by omission: a root field that names no roles stops the server from starting. */
class FieldAccessTest {

    private static final String DIRECTIVE = """
            directive @access(roles: [Role!]!) on FIELD_DEFINITION
            enum Role { EDITOR AUDITOR }
            """;

    @Test
    void givenARootFieldWithoutAccess_whenTheSchemaIsChecked_thenTheStartIsRefusedNamingIt() {
        GraphQLSchema schema = schema("type Query { guarded: Int @access(roles: [EDITOR]) forgotten: Int }");

        assertThatThrownBy(() -> FieldAccess.requireOnEveryRootField(schema))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Query.forgotten")
                .hasMessageNotContaining("guarded");
    }

    @Test
    void givenEveryRootFieldGuarded_whenTheSchemaIsChecked_thenItPasses() {
        GraphQLSchema schema = schema("type Query { a: Int @access(roles: [EDITOR]) } "
                + "type Mutation { b: Int @access(roles: [AUDITOR, EDITOR]) }");

        assertThatCode(() -> FieldAccess.requireOnEveryRootField(schema)).doesNotThrowAnyException();
    }

    private static GraphQLSchema schema(String sdl) {
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(DIRECTIVE + sdl),
                RuntimeWiring.newRuntimeWiring().directive(FieldAccess.DIRECTIVE, new FieldAccess()).build());
    }
}
