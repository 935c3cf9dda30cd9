package jp.hyoka.server.graphql;

import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperationNamesTest {

    @Test
    void givenAnUnnamedOperation_whenNamed_thenItsFirstDistinctRootFieldsNameIt() {
        assertThat(OperationNames.name(operation("{ a b a ...F c d e f }")))
                .as("distinct, at most five, fragments not followed").isEqualTo("a,b,c,d,e");
        assertThat(OperationNames.name(operation("{ assessment(id: 1) { id } }"))).isEqualTo("assessment");
    }

    @Test
    void givenANamedOperation_whenNamed_thenItsNameIsUsedCapped() {
        assertThat(OperationNames.name(operation("query ReadOne { a }"))).isEqualTo("ReadOne");
        assertThat(OperationNames.name(operation("query " + "N".repeat(70) + " { a }")))
                .hasSize(OperationNames.MAX_NAME_LENGTH + 1).endsWith("…");
    }

    private static OperationDefinition operation(String document) {
        return Parser.parse(document + " fragment F on Query { z }")
                .getDefinitionsOfType(OperationDefinition.class).get(0);
    }
}
