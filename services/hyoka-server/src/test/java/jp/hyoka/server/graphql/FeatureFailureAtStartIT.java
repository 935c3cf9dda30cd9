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
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A feature's bean that cannot be built stops the server's start with its error and a non-zero exit, before the port
 * opens and before anything with effects outside the process: Axon has not started (no tracking processor, no token
 * made or claimed), no start-up listener has run. What is left is only the migration, whole, so a second start of
 * the same database, configured right, runs (infra/docs/startup.md).
 */
class FeatureFailureAtStartIT {

    @Test
    void givenAFeatureBeanThatThrows_whenTheServerStarts_thenItExitsBeforeAxonStartsAndASecondStartSucceeds()
            throws Exception {
        String database = TestDatabase.newDatabase();
        // Only the audit feature's wiring takes DownloadTokens at start; it refuses a secret that short.
        ServerProcess.Config failing = ServerProcess.external(database, TestDatabase.user(), TestDatabase.password())
                .name("feature-failing").property("hyoka.audit.download-secret", "dG9vIHNob3J0");

        assertThatThrownBy(failing::start).hasMessageContaining("the server exited during start (1)");

        String text = Files.readString(newestLog("feature-failing"));
        assertThat(text).contains("Error starting Micronaut server").contains("AuditWiring")
                .contains("hyoka.audit.download-secret");
        assertThat(text).doesNotContain("Server Running");
        assertThat(rows(database, "SELECT count(*) FROM tokenentry"))
                .as("no tracking processor started: no token made, none claimed").isZero();
        assertThat(rows(database, "SELECT count(*) FROM flyway_schema_history WHERE NOT success"))
                .as("the migration, the one thing done, is whole").isZero();

        try (ServerProcess second = ServerProcess.external(database, TestDatabase.user(), TestDatabase.password())
                .name("feature-fixed").start()) {
            assertThat(second.logTextOnceItHas(Duration.ofSeconds(30), "Server Running"))
                    .as("the same database: nothing left to trip on").contains("Server Running");
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
