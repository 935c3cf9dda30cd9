package jp.hyoka.server.architecture;

import graphql.GraphQL;
import graphql.schema.idl.SchemaPrinter;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.server.support.HyokaServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API as clients see it stays deliberate: the executable schema the server builds (every feature's SDL merged,
 * printed with its directives and descriptions, types and fields in name order) equals the committed copy
 * {@code src/test/resources/printed-schema.graphqls}. Moving SDL between files changes nothing here; changing what
 * a client can ask for fails until the copy is updated in the same commit: each run writes what it printed to
 * {@code target/printed-schema.graphqls}, to diff against or copy over the committed one.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrintedSchemaIT extends HyokaServerTest {

    static final Path COPY = Path.of("src/test/resources/printed-schema.graphqls");
    static final Path PRINTED = Path.of("target/printed-schema.graphqls");

    @Inject
    GraphQL graphQL;

    @Test
    void givenTheServersSchema_whenPrinted_thenItEqualsTheCommittedCopy() throws IOException {
        String printed = new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
                .includeDirectives(true)
                .includeSchemaDefinition(true)
                .includeScalarTypes(true))
                .print(graphQL.getGraphQLSchema());
        Files.writeString(PRINTED, printed, StandardCharsets.UTF_8);

        assertThat(printed).isEqualTo(Files.readString(COPY, StandardCharsets.UTF_8));
    }
}
