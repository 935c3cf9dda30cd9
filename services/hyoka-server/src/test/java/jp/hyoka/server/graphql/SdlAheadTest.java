package jp.hyoka.server.graphql;

import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The SDL files parsed ahead of the context (the server's main) are the files as the factory would parse them. */
class SdlAheadTest {

    @Test
    void givenTheFilesParsedAhead_whenTheFactoryAsksForEach_thenItGetsTheSameDefinitionsAsItsOwnParse() {
        SdlAhead.start();

        for (String file : new String[]{"schema.graphqls", "problems.graphqls", "assessment.graphqls"}) {
            TypeDefinitionRegistry ahead = SdlAhead.parse(new SchemaParser(), file);
            TypeDefinitionRegistry own = new SchemaParser().parse(GraphQlFactory.sdl(file));

            assertThat(ahead.types().keySet()).as(file).isNotEmpty().isEqualTo(own.types().keySet());
            assertThat(ahead.objectTypeExtensions().keySet()).as(file).isEqualTo(own.objectTypeExtensions().keySet());
        }
    }

    @Test
    void givenNothingParsedAhead_whenTheFactoryAsks_thenTheFileIsParsedThen() {
        TypeDefinitionRegistry parsed = SdlAhead.parse(new SchemaParser(), "viewer.graphqls");

        assertThat(parsed.objectTypeExtensions().keySet()).isNotEmpty();
    }
}
