package jp.hyoka.server.graphql;

import jp.hyoka.server.support.ServerProcess;
import jp.hyoka.server.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The features' beans are built beside the start, on the schema's own thread (GraphQlFactory.schemaBuild): one that
 * cannot be built still stops the whole start, before the port is served, and the process says why and exits
 * non-zero — never a half-started server. Axon's start waits for that build, so a start that fails there has
 * started no processor, claimed no token and run no start-up listener: a node in a crash loop repeats nothing.
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

    @Test
    void givenAFeatureBeanThatThrows_whenTheServerStarts_thenItExitsBeforeAxonStartsAndASecondStartSucceeds()
            throws Exception {
        String database = TestDatabase.newDatabase();
        // Only the audit feature's wiring (schema thread) takes DownloadTokens at start; it refuses a short secret.
        ServerProcess.Config failing = ServerProcess.external(database, TestDatabase.user(), TestDatabase.password())
                .name("feature-failing").property("hyoka.audit.download-secret", "dG9vIHNob3J0");

        assertThatThrownBy(failing::start).hasMessageContaining("the server exited during start (1)");

        String text = Files.readString(newestLog("feature-failing"));
        assertThat(text).contains("Error starting Micronaut server").contains("hyoka.audit.download-secret")
                .contains("jp.hyoka.server.graphql.SchemaBuild");
        assertThat(text).doesNotContain("Server Running").doesNotContain("Axon starts after what can fail");
        assertThat(rows(database, "SELECT count(*) FROM tokenentry"))
                .as("no tracking processor started: no token made, none claimed").isZero();
        assertThat(rows(database, "SELECT count(*) FROM flyway_schema_history WHERE NOT success"))
                .as("the migration, the one thing done, is whole").isZero();

        try (ServerProcess second = ServerProcess.external(database, TestDatabase.user(), TestDatabase.password())
                .name("feature-fixed").start()) {
            assertThat(second.logText()).as("the same database, nothing left to trip on")
                    .contains("Axon starts after what can fail");
            second.stop();
        }
    }

    private static long rows(String database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database, TestDatabase.user(),
                TestDatabase.password()); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
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
