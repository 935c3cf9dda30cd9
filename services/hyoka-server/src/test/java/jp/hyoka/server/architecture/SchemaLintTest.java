package jp.hyoka.server.architecture;

import jp.hyoka.server.support.NodeProjects;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API as a front-end team's tooling sees it: graphql-schema-linter 3 (on graphql-js 16, from
 * {@code src/test/schema-lint}, rules in its {@code .graphql-schema-linterrc}: descriptions on every type, field,
 * argument, input field and enum value, the Relay connection and PageInfo rules, no unused types, deprecations with
 * a reason) passes on the committed printed schema, which {@link PrintedSchemaIT} keeps equal to what the server
 * serves.
 */
class SchemaLintTest {

    static final Path LINTER = Path.of("src", "test", "schema-lint");

    @Test
    void givenThePrintedSchema_whenLinted_thenThereAreNoFindings() throws IOException, InterruptedException {
        NodeProjects.installOnce(LINTER, "graphql-schema-linter");
        Process linter = new ProcessBuilder("node", "node_modules/graphql-schema-linter/lib/cli.js",
                "--format", "compact", "--config-directory", ".",
                Path.of("..", "resources", PrintedSchemaIT.COPY.getFileName().toString()).toString())
                .directory(LINTER.toFile()).redirectErrorStream(true).start();
        String findings = new String(linter.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(linter.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(findings).isBlank();
        assertThat(linter.exitValue()).isZero();
    }
}
