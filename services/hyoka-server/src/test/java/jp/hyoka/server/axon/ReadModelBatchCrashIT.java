package jp.hyoka.server.axon;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.hyoka.server.assessment.AssessmentIds;
import jp.hyoka.server.rebuild.ReadModelTables;
import jp.hyoka.server.security.DevTokenIssuer;
import jp.hyoka.server.security.Tenants;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.Imports;
import jp.hyoka.server.support.ReadModelSnapshot;
import jp.hyoka.server.support.RestartablePostgres;
import jp.hyoka.server.support.Samples;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static jp.hyoka.server.support.Operations.START;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read-model processor's batches commit asynchronously ({@code synchronous_commit} off, set with the batch's
 * token), every command's transaction durably; a PostgreSQL crash then loses read-model batches, never an event,
 * and the read models come back to exactly what they showed. On a cluster of the test's own with
 * {@code synchronous_commit} on (as production's) and a WAL writer that waits 10 s, so that an asynchronous commit
 * stays in shared memory, which a crash (every PostgreSQL process killed) loses. fsync stays off: a process crash
 * loses no write the kernel has.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ReadModelBatchCrashIT {

    private static final String ANSWER = """
            mutation($id: ID!, $rev: Int!, $text: String!) {
              answerItem(input: {assessmentId: $id, expectedRevision: $rev, itemId: "department.name",
                                 value: {text: $text}}) { __typename ... on AssessmentEdited { revision } } }""";
    /** Tables whose commits the probe records, with the setting in force when each commits. */
    private static final List<String> PROBED = List.of("domainevententry", "rm_assessment", "rm_answer",
            "rm_edit_history");

    private RestartablePostgres postgres;
    private ApplicationContext server;
    private Callers callers;

    @BeforeAll
    void start() throws IOException {
        postgres = RestartablePostgres.started(Map.of("synchronous_commit", "on", "wal_writer_delay", "10s"));
        startServer();
    }

    @AfterAll
    void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void givenAnImportAndAnEdit_whenCommitted_thenEveryCommandCommitsDurablyAndEveryReadModelBatchAsynchronously()
            throws SQLException {
        try (Connection connection = postgres.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE test_commit_mode (tbl text, mode text)");
            // A deferred constraint trigger runs at COMMIT: it sees the setting the commit is made with.
            statement.execute("CREATE FUNCTION test_commit_mode() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "INSERT INTO test_commit_mode VALUES (TG_TABLE_NAME, current_setting('synchronous_commit')); "
                    + "RETURN NULL; END $$");
            for (String table : PROBED) {
                statement.execute("CREATE CONSTRAINT TRIGGER test_commit_mode AFTER INSERT OR UPDATE ON " + table
                        + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_commit_mode()");
            }
        }
        try {
            Imports.imported(callers.kawasakiEditor, Samples.KEY_ITEMS_004);
            String id = callers.kawasakiEditor.data("startAssessment", START, Map.of("kind", "KEY_ITEMS",
                    "name", "非同期")).path("assessment").path("id").asText();
            assertThat(callers.kawasakiEditor.data("answerItem", ANSWER, Map.of("id", id, "rev", 1,
                    "text", "非同期")).path("__typename").asText()).isEqualTo("AssessmentEdited");
        } finally {
            try (Connection connection = postgres.dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                for (String table : PROBED) {
                    statement.execute("DROP TRIGGER test_commit_mode ON " + table);
                }
                statement.execute("DROP FUNCTION test_commit_mode() CASCADE");
            }
        }

        Map<String, List<String>> modes = modes();
        assertThat(modes.get("domainevententry")).as("the commands' commits").isNotEmpty().containsOnly("on");
        for (String table : List.of("rm_assessment", "rm_answer", "rm_edit_history")) {
            assertThat(modes.get(table)).as("the read-model batches' commits writing " + table).isNotEmpty()
                    .containsOnly("off");
        }
    }

    @Test
    void givenImportsAndEditsProjected_whenPostgresCrashes_thenNoEventIsLostAndTheReadModelsEqualAFullReplay()
            throws Exception {
        Map<String, Long> acknowledged = new LinkedHashMap<>();
        for (String sample : List.of(Samples.ALL_ITEMS_000, Samples.KEY_ITEMS_003)) {
            JsonNode imported = Imports.imported(callers.kawasakiEditor, sample);
            acknowledged.put(imported.path("assessment").path("id").asText(), imported.path("revision").asLong());
        }
        String edited = callers.kawasakiEditor.data("startAssessment", START, Map.of("kind", "KEY_ITEMS",
                "name", "障害")).path("assessment").path("id").asText();
        long revision = 1;
        for (int i = 0; i < 5; i++) {
            // Each answer returns once its read-model batch is committed (read-your-writes), asynchronously.
            revision = callers.kawasakiEditor.data("answerItem", ANSWER, Map.of("id", edited, "rev", revision,
                    "text", "編集 " + i)).path("revision").asLong();
        }
        acknowledged.put(edited, revision);

        // At once (an idle processor's next claim extension, a durable commit, would write the WAL before it).
        postgres.crash();
        postgres.stopServer();           // its node is gone too: it says nothing more to the database
        postgres.start();
        Map<String, List<String>> recovered = ReadModelSnapshot.rows(postgres.dataSource(), ReadModelTables.ALL);
        acknowledged.forEach((id, acknowledgedRevision) -> assertThat(storedRevision(id))
                .as("events of %s after the crash", id).isEqualTo(acknowledgedRevision));

        startServer();
        Map<String, List<String>> projected = projectedToTheHead();

        // The run without the crash: the same events projected from the first, into empty read models.
        postgres.stopServer();
        try (Connection connection = postgres.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM tokenentry WHERE processorname = '" + ReadModelProjection.PROCESSING_GROUP
                    + "'");
            statement.execute("TRUNCATE " + String.join(", ", ReadModelTables.ALL));
        }
        startServer();
        Map<String, List<String>> replayed = projectedToTheHead();
        assertThat(projected).as("the read models after the crash, against a full replay of the events")
                .isEqualTo(replayed);
        assertThat(recovered).as("the crash lost read-model batches (asynchronous commits not yet written)")
                .isNotEqualTo(replayed);
    }

    /** The read models once the processor has committed its batches up to the last event. */
    private Map<String, List<String>> projectedToTheHead() throws Exception {
        TrackingEventProcessor processor = server.getBean(Configuration.class).eventProcessingConfiguration()
                .eventProcessor(ReadModelProjection.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
        long head = ReadModelSnapshot.count(postgres.dataSource(),
                "SELECT coalesce(max(globalindex), 0) FROM domainevententry");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (processor.processingStatus().values().stream().map(EventTrackerStatus::getCurrentPosition)
                .noneMatch(position -> position.isPresent() && position.getAsLong() >= head)) {
            assertThat(System.nanoTime()).as("the read models reach event " + head).isLessThan(deadline);
            Thread.sleep(100);
        }
        return ReadModelSnapshot.rows(postgres.dataSource(), ReadModelTables.ALL);
    }

    private long storedRevision(String globalId) {
        String uuid = AssessmentIds.parse(globalId).orElseThrow().value().toString();
        try (Connection connection = postgres.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM domainevententry "
                     + "WHERE aggregateidentifier = '" + uuid + "'")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void startServer() {
        server = postgres.startServer(Map.of("hyoka.read-models.claim-timeout", "2s"));
        callers = new Callers(server.getBean(EmbeddedServer.class), server.getBean(DevTokenIssuer.class),
                server.getBean(Tenants.class));
    }

    private Map<String, List<String>> modes() throws SQLException {
        Map<String, List<String>> modes = new java.util.HashMap<>();
        try (Connection connection = postgres.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT tbl, mode FROM test_commit_mode")) {
            while (row.next()) {
                modes.computeIfAbsent(row.getString(1), table -> new ArrayList<>()).add(row.getString(2));
            }
        }
        return modes;
    }
}
