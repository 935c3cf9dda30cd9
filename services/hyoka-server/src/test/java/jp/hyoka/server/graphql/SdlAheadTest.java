package jp.hyoka.server.graphql;

import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The SDL files parsed ahead of the context (the server's main) are the files as the factory would parse them. */
class SdlAheadTest {

    @BeforeEach
    @AfterEach
    void noResultsOfAnotherTest() {
        SdlAhead.discard();
    }

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

    @Test
    void givenAnErrorWhileParsingOneFileAhead_whenEachFileIsTaken_thenTheErrorReachesItsTakerAndTheOthersAreParsed() {
        SchemaParser parser = new SchemaParser();
        SdlAhead.start(List.of("viewer.graphqls", "problems.graphqls"), file -> {
            if (file.equals("viewer.graphqls")) {
                throw new StackOverflowError("deep SDL");
            }
            return parser.parse(GraphQlFactory.sdl(file));
        });

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            assertThatThrownBy(() -> SdlAhead.parse(new SchemaParser(), "viewer.graphqls"))
                    .isInstanceOf(StackOverflowError.class).hasMessage("deep SDL");
            assertThat(SdlAhead.parse(new SchemaParser(), "problems.graphqls").types()).isNotEmpty();
        });
    }
}
