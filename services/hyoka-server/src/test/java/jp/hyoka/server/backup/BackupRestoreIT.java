package jp.hyoka.server.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.hyoka.server.database.LeftoverPostmaster;
import jp.hyoka.server.rebuild.ReadModelTables;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.ProjectScripts;
import jp.hyoka.server.support.ServerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static jp.hyoka.server.support.AuditOperations.VERIFY;
import static jp.hyoka.server.support.AuditOperations.startAndAnswer;
import static jp.hyoka.server.support.Operations.DOCUMENT;
import static jp.hyoka.server.support.Operations.HISTORY;
import static jp.hyoka.server.support.StoredEdits.awaitRevision;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * infra/backup end to end: two municipalities' documents edited on a running server, backed up online with
 * backup.sh, restored with restore.sh into a new data directory, and a server started there. Its read models are
 * rebuilt from the events, each municipality's hash chain verifies with the same head, and the documents and their
 * histories read back through GraphQL exactly as before.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class BackupRestoreIT {

    private static final Map<String, String> MUNICIPALITIES = Map.of("141305", "川崎市", "012041", "旭川市");
    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    @TempDir
    Path work;

    @AfterEach
    void noPostgresLeftRunning() {
        LeftoverPostmaster.clear(work.resolve("live"));
        LeftoverPostmaster.clear(work.resolve("restored"));
    }

    @Test
    void givenEditedDocuments_whenBackedUpAndRestoredIntoANewDatabase_thenTheServerThereReadsThemBackIdentically()
            throws Exception {
        Path backup = work.resolve("hyoka-backup.zip");
        Map<String, String> tenants = new LinkedHashMap<>();                // assessment id → its municipality
        Map<String, JsonNode> before = new LinkedHashMap<>();
        Map<String, JsonNode> chainsBefore = new LinkedHashMap<>();
        try (ServerProcess live = ServerProcess.embedded(work.resolve("live")).name("backup-live").start()) {
            for (Map.Entry<String, String> municipality : MUNICIPALITIES.entrySet()) {
                live.onboard(municipality.getKey(), municipality.getValue());
                GraphQlClient editor = live.client(editor(municipality.getKey()));
                for (String affair : List.of("住民基本台帳事務", "地方税務事務")) {
                    String id = startAndAnswer(editor, affair, "総務課", "税務課 " + municipality.getValue(), "市民課");
                    tenants.put(id, municipality.getKey());
                    before.put(id, document(editor, id));
                }
                chainsBefore.put(municipality.getKey(), verifiedChain(live, municipality.getKey()));
            }
            String online = script("backup.sh", work.resolve("live"), backup, 0);   // the server runs
            assertThat(online).contains("Backed up to");
            assertThat(rowCounts(online)).hasSize(BackupManifest.TABLES.size());
            live.stop();
            String offline = script("backup.sh", work.resolve("live"), work.resolve("offline.zip"), 0);
            assertThat(rowCounts(offline)).as("a backup with the server stopped").isEqualTo(rowCounts(online));
        }

        String restored = script("restore.sh", work.resolve("restored"), backup, 0);
        assertThat(restored).contains("Restored from").contains("verifyEventChain");
        assertThat(script("restore.sh", work.resolve("restored"), backup, 1))
                .as("a second restore over the first").contains("already holds a cluster");

        try (ServerProcess again = ServerProcess.embedded(work.resolve("restored")).name("backup-restored").start()) {
            assertThat(unclassifiedTables(again)).as("tables neither backed up nor rebuildable").isEmpty();
            for (Map.Entry<String, JsonNode> document : before.entrySet()) {
                String id = document.getKey();
                GraphQlClient editor = again.client(editor(tenants.get(id)));
                int revision = document.getValue().path("revision").asInt();
                assertThat(awaitRevision(editor, id, revision, CATCH_UP)).as("read model of %s rebuilt", id)
                        .isEqualTo(revision);
                assertThat(document(editor, id)).as("document %s after the restore", id).isEqualTo(document.getValue());
            }
            for (String tenant : MUNICIPALITIES.keySet()) {
                JsonNode chain = verifiedChain(again, tenant);
                assertThat(chain.path("intact").asBoolean()).as(chain.toString()).isTrue();
                assertThat(chain.path("headHash")).isEqualTo(chainsBefore.get(tenant).path("headHash"));
                assertThat(chain.path("eventsVerified")).isEqualTo(chainsBefore.get(tenant).path("eventsVerified"));
            }
            again.stop();
        }
    }

    private static String editor(String tenant) {
        return ServerProcess.token("editor-" + tenant, "編集 担当", tenant, "editor");
    }

    /** The document and its history as the API shows them. */
    private static JsonNode document(GraphQlClient editor, String id) {
        ObjectNode document = editor.data("assessment", DOCUMENT, Map.of("id", id)).deepCopy();
        document.set("history", editor.data("assessment", HISTORY, Map.of("id", id, "first", 100)).path("history"));
        return document;
    }

    private static JsonNode verifiedChain(ServerProcess server, String tenant) {
        return server.client(ServerProcess.token("auditor-" + tenant, "監査 担当", tenant, "auditor"))
                .data("verifyEventChain", VERIFY, Map.of());
    }

    /** Runs infra/backup/{@code name} against the embedded data directory; returns its output. */
    private String script(String name, Path dataDir, Path file, int expectedExit) throws IOException,
            InterruptedException {
        Path log = Files.createTempFile(work, name, ".log");
        ProcessBuilder builder = new ProcessBuilder(ProjectScripts.find("infra/backup/" + name).toString(),
                file.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("HYOKA_"));
        builder.environment().put("HYOKA_DATA_DIR", dataDir.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(name + " finished").isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(name + ":\n" + output).isEqualTo(expectedExit);
        return output;
    }

    private static List<String> rowCounts(String output) {
        return output.lines().filter(line -> line.endsWith(" rows")).toList();
    }

    /** Public tables a backup leaves out without a reason: neither copied nor a read model rebuilt from the events. */
    private static Set<String> unclassifiedTables(ServerProcess server) throws SQLException {
        Set<String> tables = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(server.embeddedJdbcUrl(), "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        tables.removeAll(BackupManifest.TABLES);
        tables.removeAll(ReadModelTables.ALL);
        tables.removeAll(List.of("tokenentry", "flyway_schema_history", "event_chain_backfill_mark"));
        return tables;
    }
}
