package jp.hyoka.server.graphql;

import jp.hyoka.server.support.ServerProcess;
import jp.hyoka.server.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The features' beans are built beside the start, on the schema's own thread (GraphQlFactory.schemaBuild): one that
 * cannot be built still stops the whole start, before the port is served, and the process says why and exits
 * non-zero — never a half-started server.
 */
class SchemaBuildFailureIT {

    @Test
    void givenAPartOfTheSchemaThatCannotBeBuiltBesideTheStart_whenTheServerStarts_thenItExitsNonZeroWithTheCause()
            throws Exception {
        // Read by the schema's parts only, which only the schema's build thread asks for.
        ServerProcess.Config config = ServerProcess.external(TestDatabase.newDatabase(), TestDatabase.user(),
                        TestDatabase.password()).name("schema-parts-failing")
                .property("hyoka.graphql.response-cache.max-chars", "lots");

        assertThatThrownBy(config::start).hasMessageContaining("the server exited during start (1)");

        Path log = newestLog("schema-parts-failing");
        String text = Files.readString(log);
        assertThat(text).contains("Error starting Micronaut server").contains("cacheChars")
                // thrown on the build's thread and rethrown by the start, not found on the main thread
                .contains("jp.hyoka.server.graphql.SchemaBuild");
        assertThat(text).doesNotContain("Server Running");
    }

    private static Path newestLog(String name) throws Exception {
        Path logs = Path.of("target/server-processes");
        try (var files = Files.list(logs)) {
            List<Path> ours = files.filter(file -> file.getFileName().toString().startsWith(name + "-")).sorted(
                    (a, b) -> Long.compare(b.toFile().lastModified(), a.toFile().lastModified())).toList();
            assertThat(ours).isNotEmpty();
            return ours.get(0);
        }
    }
}
