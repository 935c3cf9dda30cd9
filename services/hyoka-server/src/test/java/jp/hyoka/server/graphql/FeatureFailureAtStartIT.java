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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A feature's bean that cannot be built stops the server's start with its error and a non-zero exit, before the port
 * opens and before anything with effects outside the process: Axon has not started (no tracking processor, no token
 * made, claimed or moved), no start-up listener has run (the hash chain's backfill mark is where it was). The database
 * is migrated by a good start first, so those rows are there to be changed; a second start of the same database,
 * configured right, runs (infra/docs/startup.md).
 */
class FeatureFailureAtStartIT {

    private static final String TOKENS = "SELECT concat_ws(' ', processorname, segment, owner, timestamp, "
            + "encode(token, 'hex')) FROM tokenentry ORDER BY processorname, segment";
    private static final String BACKFILL_MARK = "SELECT linked_through::text FROM event_chain_backfill_mark";

    @Test
    void givenAFeatureBeanThatThrows_whenTheServerStarts_thenItExitsBeforeAxonStartsAndASecondStartSucceeds()
            throws Exception {
        String database = TestDatabase.newDatabase();
        // A good start and stop first: the database is migrated and Axon has made its tokens and the backfill its
        // mark, so a failing start that got as far as Axon or the backfill would change rows that are there to see.
        try (ServerProcess first = ServerProcess.external(database, TestDatabase.user(), TestDatabase.password())
                .name("feature-before").start()) {
            assertThat(first.logTextOnceItHas(Duration.ofSeconds(30), "Server Running")).contains("Server Running");
            first.stop();
        }
        List<String> tokens = strings(database, TOKENS);
        List<String> mark = strings(database, BACKFILL_MARK);
        assertThat(tokens).as("the good start made the live processor's token").isNotEmpty();
        // Only the audit feature's wiring takes DownloadTokens at start; it refuses a secret that short.
        ServerProcess.Config failing = ServerProcess.external(database, TestDatabase.user(), TestDatabase.password())
                .name("feature-failing").property("hyoka.audit.download-secret", "dG9vIHNob3J0");

        assertThatThrownBy(failing::start).hasMessageContaining("the server exited during start (1)");

        String text = Files.readString(newestLog("feature-failing"));
        assertThat(text).contains("Error starting Micronaut server").contains("AuditWiring")
                .contains("hyoka.audit.download-secret");
        assertThat(text).doesNotContain("Server Running");
        assertThat(strings(database, TOKENS)).as("no tracking processor started: no token made, claimed or moved")
                .isEqualTo(tokens);
        assertThat(strings(database, BACKFILL_MARK)).as("no start-up backfill ran").isEqualTo(mark);
        assertThat(strings(database, "SELECT installed_rank::text FROM flyway_schema_history WHERE NOT success"))
                .as("no failed migration").isEmpty();

        try (ServerProcess second = ServerProcess.external(database, TestDatabase.user(), TestDatabase.password())
                .name("feature-fixed").start()) {
            assertThat(second.logTextOnceItHas(Duration.ofSeconds(30), "Server Running"))
                    .as("the same database: nothing left to trip on").contains("Server Running");
            second.stop();
        }
    }

    /** Each row of {@code sql} (one text column), in the order it gives. */
    private static List<String> strings(String database, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database, TestDatabase.user(),
                TestDatabase.password()); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
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
