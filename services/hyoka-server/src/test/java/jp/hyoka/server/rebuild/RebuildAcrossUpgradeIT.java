package jp.hyoka.server.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.server.assessment.AssessmentIds;
import jp.hyoka.server.support.AuditOperations;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.ReadModelSnapshot;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild that runs through a migration (a newer build's node migrating the database during a rolling upgrade, as
 * V22 added a column to rm_repeat_entry) must not switch a copy made before it: the copy lacks what the migration
 * added, and the swap would drop it from the live table. The switch compares the live tables with their copies and
 * refuses; the live tables keep the column and its values; a rebuild started afterwards copies them as they are. A
 * node whose build is older than the database's schema refuses to start one at all. A migration that keeps every name
 * and column (a policy redefined, a grant, an index recreated) is caught by Flyway's history and refused too.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RebuildAcrossUpgradeIT extends SignedInServerTest {

    private static final String REBUILD = RebuildOperations.REBUILD;
    private static final String SWITCH = RebuildOperations.SWITCH;
    private static final String STATUS = RebuildOperations.STATUS;
    private static final String NEW_COLUMN = "SELECT count(*) FROM information_schema.columns "
            + "WHERE table_schema = 'public' AND table_name = 'rm_answer' AND column_name = 'reviewed_by'";
    private static final String SEARCH_INDEX = "SELECT 'public.rm_answer_search'::regclass::oid::bigint";
    private static final String TENANT_ROWS = "SELECT qual FROM pg_policies "
            + "WHERE schemaname = 'public' AND tablename = 'rm_answer' AND policyname = 'tenant_rows'";

    @Inject
    DataSource dataSource;

    private GraphQlClient operator;

    @BeforeAll
    void anAssessmentWithAnswers() {
        operator = new GraphQlClient(server.getURI(), issuer.issue("operator", "運用 太郎", null,
                List.of("platform-operator")));
        AuditOperations.startAndAnswer(callers.kawasakiEditor, "移行をまたぐ再構築", "市民課", "情報政策課");
    }

    @Test
    @Order(1)
    void givenAColumnAddedToALiveTableWhileARebuildRuns_whenItSwitches_thenTheSwitchIsRefusedAndTheColumnStays()
            throws SQLException {
        long liveTable = tableOid();
        operator.data("rebuildReadModels", REBUILD, Map.of("switchOver", "MANUAL"));
        awaitRebuild(status -> status.path("state").asText().equals("CAUGHT_UP"));
        // What a newer build's migration does while the rebuild follows the events: a column, and values for it.
        execute("ALTER TABLE rm_answer ADD COLUMN reviewed_by text");
        execute("UPDATE rm_answer SET reviewed_by = '移行で設定'");
        long answers = ReadModelSnapshot.count(dataSource, "SELECT count(*) FROM rm_answer");

        operator.data("switchReadModels", SWITCH, Map.of());
        JsonNode failed = awaitRebuild(status -> !status.path("state").asText().matches("RUNNING|CAUGHT_UP"));

        assertThat(failed.path("state").asText()).isEqualTo("FAILED");
        assertThat(failed.path("error").asText()).startsWith("LiveTablesChanged: ")
                .contains("rm_answer: live has column reviewed_by text, the copy does not");
        assertThat(ReadModelSnapshot.count(dataSource, NEW_COLUMN)).as("the migration's column").isOne();
        assertThat(tableOid()).as("the live table was not replaced").isEqualTo(liveTable);
        assertThat(ReadModelSnapshot.count(dataSource,
                "SELECT count(*) FROM rm_answer WHERE reviewed_by = '移行で設定'")).isEqualTo(answers).isPositive();
        assertThat(ReadModelSnapshot.count(dataSource,
                "SELECT count(*) FROM pg_namespace WHERE nspname = 'rm_rebuild'")).as("the copy is gone").isZero();
        assertThat(ReadModelSnapshot.count(dataSource,
                "SELECT count(*) FROM tokenentry WHERE processorname LIKE 'read-models-rebuild-%'")).isZero();
        // The live processor was paused for the switch and runs again: an edit is read back (read-your-writes).
        String after = AuditOperations.startAndAnswer(callers.kawasakiEditor, "拒否の後の編集", "総務課");
        assertThat(ReadModelSnapshot.count(dataSource, "SELECT count(*) FROM rm_answer WHERE assessment_id = '"
                + AssessmentIds.parse(after).orElseThrow() + "'")).isPositive();
    }

    @Test
    @Order(2)
    void givenTheMigratedTables_whenARebuildStartsAfterTheMigration_thenItSwitchesAndKeepsTheColumn()
            throws SQLException {
        long liveTable = tableOid();

        operator.data("rebuildReadModels", REBUILD, Map.of("switchOver", "WHEN_CAUGHT_UP"));
        JsonNode ended = awaitRebuild(status -> !status.path("state").asText().matches("RUNNING|CAUGHT_UP"));

        assertThat(ended.path("state").asText()).as(ended.toString()).isEqualTo("SWITCHED");
        assertThat(tableOid()).as("a rebuilt table").isNotEqualTo(liveTable);
        assertThat(ReadModelSnapshot.count(dataSource, NEW_COLUMN)).as("the column made by the migration").isOne();
    }

    @Test
    @Order(3)
    void givenADatabaseMigratedByANewerBuild_whenThisNodeIsAskedToRebuild_thenItRefusesAtTheStart()
            throws SQLException {
        execute("""
                INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
                                                   installed_by, execution_time, success)
                SELECT max(installed_rank) + 1, '999', 'a newer build', 'SQL', 'V999__newer.sql', 0, current_user, 0,
                       true
                FROM flyway_schema_history""");
        try {
            long liveTable = tableOid();

            JsonNode refused = operator.data("rebuildReadModels", REBUILD, Map.of("switchOver", "WHEN_CAUGHT_UP"));

            assertThat(refused.path("state").asText()).as(refused.toString()).isEqualTo("FAILED");
            assertThat(refused.path("error").asText()).startsWith("NewerSchema: ")
                    .contains("schema version 999");
            assertThat(tableOid()).isEqualTo(liveTable);
            assertThat(ReadModelSnapshot.count(dataSource,
                    "SELECT count(*) FROM pg_namespace WHERE nspname = 'rm_rebuild'")).as("no copy made").isZero();
        } finally {
            execute("DELETE FROM flyway_schema_history WHERE version = '999'");
        }
        assertThat(operator.data("rebuildReadModels", REBUILD, Map.of("switchOver", "MANUAL")).path("state")
                .asText()).as("this build's own schema: a rebuild starts").isNotEqualTo("FAILED");
    }

    @Test
    @Order(4)
    void givenAMigrationThatKeepsEveryNameWhileARebuildWaits_whenItSwitches_thenTheSwitchIsRefusedAndLiveIsKept()
            throws SQLException {
        // The MANUAL rebuild the previous test started waits for its switch.
        awaitRebuild(status -> status.path("state").asText().equals("CAUGHT_UP"));
        long liveTable = tableOid();
        String policy = tenantRowsPolicy();
        // What a migration may do under names the copy already has: a policy redefined, a grant, an index recreated.
        execute("ALTER POLICY tenant_rows ON rm_answer USING (tenant_code = current_setting('hyoka.tenant', true) "
                + "AND tenant_code IS NOT NULL)");
        execute("GRANT SELECT ON rm_answer TO hyoka_reader");
        execute("DROP INDEX rm_answer_search");
        execute("CREATE INDEX rm_answer_search ON rm_answer USING gin (search_text gin_trgm_ops)");
        long index = ReadModelSnapshot.count(dataSource, SEARCH_INDEX);
        execute("""
                INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
                                                   installed_by, execution_time, success)
                SELECT max(installed_rank) + 1, NULL, 'same names', 'SQL', 'R__same_names.sql', 0, current_user, 0,
                       true
                FROM flyway_schema_history""");
        try {
            operator.data("switchReadModels", SWITCH, Map.of());
            JsonNode failed = awaitRebuild(status -> !status.path("state").asText().matches("RUNNING|CAUGHT_UP"));

            assertThat(failed.path("state").asText()).as(failed.toString()).isEqualTo("FAILED");
            assertThat(failed.path("error").asText()).startsWith("LiveTablesChanged: ")
                    .contains("migration R__same_names.sql (repeatable, same names) was installed since");
            assertThat(tableOid()).as("the live table was not replaced").isEqualTo(liveTable);
            assertThat(tenantRowsPolicy()).as("the redefined policy")
                    .contains("IS NOT NULL");
            assertThat(ReadModelSnapshot.count(dataSource, SEARCH_INDEX)).as("the recreated index").isEqualTo(index);
            assertThat(ReadModelSnapshot.count(dataSource,
                    "SELECT count(*) FROM pg_namespace WHERE nspname = 'rm_rebuild'")).as("the copy is gone").isZero();
        } finally {
            execute("DELETE FROM flyway_schema_history WHERE script = 'R__same_names.sql'");
            execute("ALTER POLICY tenant_rows ON rm_answer USING (" + policy + ")");
        }
    }

    private long tableOid() throws SQLException {
        return ReadModelSnapshot.count(dataSource, "SELECT 'public.rm_answer'::regclass::oid::bigint");
    }

    private String tenantRowsPolicy() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(TENANT_ROWS)) {
            assertThat(row.next()).as("the policy tenant_rows on rm_answer").isTrue();
            return row.getString(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private JsonNode awaitRebuild(Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode status = operator.data("readModelRebuild", STATUS, Map.of());
        while (!condition.test(status)) {
            assertThat(System.nanoTime()).as("rebuild status " + status).isLessThan(deadline);
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            status = operator.data("readModelRebuild", STATUS, Map.of());
        }
        return status;
    }
}
