package jp.hyoka.server.graphql;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.components.CatalogueSeed;
import jp.hyoka.server.database.TenantScopedReads;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.LifeEvents;
import jp.hyoka.server.support.ReadModelSnapshot;
import jp.hyoka.server.support.ReviewThreadCalls;
import jp.hyoka.server.support.Imports;
import jp.hyoka.server.support.Samples;
import jp.hyoka.server.support.SingleConnection;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Isolation in depth: even SQL that forgets its tenant filter sees only the caller's municipality, because every
 * read-model table of municipalities' data has row-level security keyed by the tenant of the transaction (the
 * platform's shared-component catalogue has no tenant and is public to the reader role). Both municipalities import
 * the same published sample and publish an assessment of their own, so every such table holds rows of both.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowLevelSecurityIT extends SignedInServerTest {


    @Inject
    DataSource dataSource;
    @Inject
    TenantScopedReads reads;
    @Inject
    CatalogueSeed catalogue;

    private static final String TENANT_COLUMN = "EXISTS (SELECT 1 FROM information_schema.columns c "
            + "WHERE c.table_schema = 'public' AND c.table_name = tablename AND c.column_name = 'tenant_code')";

    private List<String> readModelTables;
    private List<String> platformTables;

    @BeforeAll
    void bothMunicipalitiesImportTheSameSample() throws SQLException {
        catalogue.seed();           // the sample's boilerplate is linked, and uses behind a newer version get proposals
        for (var editor : List.of(callers.kawasakiEditor, callers.asahikawaEditor)) {
            ReviewThreadCalls.start(editor, Imports.importedId(editor, Samples.ALL_ITEMS_000), "affair.name", null,
                    "名称の確認");
        }
        // and each publishes one of its own (rm_publication), ends its 事務 (rm_affair_end) and records a 重大事故
        for (var municipality : List.of(Map.entry(Callers.KAWASAKI, callers.kawasakiEditor),
                Map.entry(Callers.ASAHIKAWA, callers.asahikawaEditor))) {
            LifeEvents.publishEndAndIncident(server, issuer, municipality.getKey(), municipality.getValue());
        }
        readModelTables = ownerQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                + "AND tablename LIKE 'rm\\_%' AND " + TENANT_COLUMN + " ORDER BY tablename");
        platformTables = ownerQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                + "AND tablename LIKE 'rm\\_%' AND NOT " + TENANT_COLUMN + " ORDER BY tablename");
    }

    /**
     * The read-model tables without a tenant are the platform's shared-component catalogue, public boilerplate every
     * signed-in caller reads (so the reader role may select it and no policy hides it), and the fan-out counts per
     * published version, which only the platform's operators read (on the login role, never the reader role).
     */
    @Test
    void givenTheTablesWithoutATenant_whenInspected_thenTheyAreOnlyThePlatformCatalogueReadableByTheReaderRole()
            throws SQLException {
        assertThat(platformTables).containsExactly("rm_component_fan_out", "rm_shared_component",
                "rm_shared_component_version");
        assertThat(ownerQuery("SELECT has_table_privilege('hyoka_reader', 'rm_component_fan_out', 'SELECT')::text"))
                .as("fan-out counts are for operators").containsExactly("false");
        for (String table : List.of("rm_shared_component", "rm_shared_component_version")) {
            assertThat(ownerQuery("SELECT has_table_privilege('hyoka_reader', '" + table + "', 'SELECT')::text"))
                    .as(table + " readable by the reader role").containsExactly("true");
            assertThat(ownerQuery("SELECT has_table_privilege('hyoka_reader', '" + table + "', 'INSERT')::text"))
                    .as(table + " not writable by the reader role").containsExactly("false");
        }
    }

    @Test
    void givenEveryReadModelTable_whenInspected_thenRowLevelSecurityIsOnAndBothMunicipalitiesHaveRows() throws SQLException {
        assertThat(readModelTables).hasSizeGreaterThanOrEqualTo(7);
        for (String table : readModelTables) {
            assertThat(ownerQuery("SELECT relrowsecurity::text FROM pg_class WHERE relname = '" + table + "'"))
                    .as(table + " has row-level security").containsExactly("true");
            assertThat(ownerQuery("SELECT DISTINCT tenant_code FROM " + table))
                    .as(table + " holds both municipalities").containsExactlyInAnyOrder("141305", "012041");
        }
    }

    @Test
    void givenQueriesWithoutATenantFilter_whenRunScopedToOneMunicipality_thenOnlyItsRowsAreSeen() {
        for (String table : readModelTables) {
            assertThat(scopedTenants(Callers.KAWASAKI, table)).as(table).containsExactly("141305");
            assertThat(scopedTenants(Callers.ASAHIKAWA, table)).as(table).containsExactly("012041");
        }
    }

    @Test
    void givenTheReaderRoleWithoutATenant_whenItQueries_thenItSeesNothing() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL ROLE hyoka_reader");
                for (String table : readModelTables) {
                    try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                        rows.next();
                        assertThat(rows.getLong(1)).as(table).isZero();
                    }
                }
            } finally {
                connection.rollback();
            }
        }
    }

    @Test
    void givenAScopedRead_whenItTriesToWrite_thenTheDatabaseRefusesIt() {
        assertThatThrownBy(() -> reads.read(Callers.KAWASAKI, connection -> {
            try (Statement statement = connection.createStatement()) {
                return statement.executeUpdate("DELETE FROM rm_assessment");
            }
        })).hasRootCauseMessage("ERROR: permission denied for table rm_assessment");
        assertThat(scopedTenants(Callers.KAWASAKI, "rm_assessment")).containsExactly("141305");
    }

    @Test
    void givenAScopedRead_whenTheConnectionIsReused_thenNeitherRoleNorTenantCarriesOver() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String during = TenantScopedReads.read(connection, Callers.KAWASAKI, this::roleAndTenant);

            assertThat(during).isEqualTo("hyoka_reader|141305");
            assertUnscoped(connection);
        }
    }

    @Test
    void givenAOneTripQuery_whenItRuns_thenItReadsAsTheMunicipalitysReaderAndNothingCarriesOverToTheConnection()
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            TenantScopedReads onOneConnection = new TenantScopedReads(SingleConnection.of(connection));

            List<String> during = onOneConnection.query(Callers.KAWASAKI,
                    "SELECT current_user || '|' || current_setting('hyoka.tenant') || '|' || ?::text || ?::text",
                    statement -> {
                        statement.setString(1, "a");                 // numbered as if the SQL stood alone
                        statement.setInt(2, 2);
                    }, statement -> values(statement.getResultSet()));

            assertThat(during).containsExactly("hyoka_reader|141305|a2");
            assertThat(connection.getAutoCommit()).isTrue();
            assertUnscoped(connection);
        }
    }

    @Test
    void givenAOneTripQuery_whenItsSqlFails_thenTheTransactionIsRolledBackAndTheConnectionServesItsNextUser()
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            TenantScopedReads onOneConnection = new TenantScopedReads(SingleConnection.of(connection));

            assertThatThrownBy(() -> onOneConnection.query(Callers.KAWASAKI, "DELETE FROM rm_assessment RETURNING 1",
                    statement -> { }, statement -> values(statement.getResultSet())))
                    .hasRootCauseMessage("ERROR: permission denied for table rm_assessment");
            assertUnscoped(connection);  // no aborted transaction either: it would refuse the query

            assertThatThrownBy(() -> onOneConnection.query(Callers.KAWASAKI, "SELECT 1", statement -> { },
                    statement -> {
                        throw new IllegalStateException("the reader failed");
                    })).hasMessage("the reader failed");
            assertUnscoped(connection);
            List<String> next = onOneConnection.query(Callers.ASAHIKAWA,
                    "SELECT DISTINCT tenant_code FROM rm_assessment", statement -> { },
                    statement -> values(statement.getResultSet()));
            assertThat(next).as("the next read on the connection").containsExactly("012041");
        }
        assertThat(scopedTenants(Callers.KAWASAKI, "rm_assessment")).containsExactly("141305");
    }

    private static final String SNAPSHOT_SEEN = "SELECT current_user || '|' || current_setting('hyoka.tenant') || '|' "
            + "|| current_setting('transaction_isolation') || '|' || current_setting('transaction_read_only') "
            + "|| '|' || ?::text";

    private static List<String> snapshotSeen(Connection connection) {
        return new TenantScopedReads(SingleConnection.of(connection)).queryOneSnapshot(Callers.KAWASAKI,
                SNAPSHOT_SEEN, statement -> statement.setString(1, "x"), statement -> values(statement.getResultSet()));
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void givenAConnectionOutsideAutocommit_whenReadInOneSnapshot_thenThatTransactionAloneIsRepeatableReadAndReadOnly()
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);

            assertThat(snapshotSeen(connection)).containsExactly("hyoka_reader|141305|repeatable read|on|x");
            assertUnscoped(connection);
            assertThat(connection.getTransactionIsolation()).as("the connection's own level")
                    .isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
        }
    }

    @Test
    void givenATransactionUnderWay_whenReadInOneSnapshot_thenTheReadIsRefused_andTheCallersTransactionGoesOn()
            throws SQLException {
        for (String level : List.of("READ COMMITTED", "REPEATABLE READ")) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                execute(connection, "SET TRANSACTION ISOLATION LEVEL " + level);
                execute(connection, "CREATE TEMP TABLE callers_work (n int) ON COMMIT DROP");

                assertThatThrownBy(() -> snapshotSeen(connection)).as(level)
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("already under way");
                assertUnscoped(connection);
                execute(connection, "INSERT INTO callers_work VALUES (1)");   // not rolled back: its table is there
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private static List<String> values(ResultSet rows) throws SQLException {
        List<String> values = new ArrayList<>();
        while (rows.next()) {
            values.add(rows.getString(1));
        }
        return values;
    }

    private void assertUnscoped(Connection connection) throws SQLException {
        assertThat(roleAndTenant(connection)).doesNotContain("hyoka_reader").endsWith("|");
    }

    private String roleAndTenant(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT current_user || '|' || coalesce(current_setting('hyoka.tenant', true), '')")) {
            row.next();
            return row.getString(1);
        }
    }

    private Set<String> scopedTenants(MunicipalityCode tenant, String table) {
        return ReadModelSnapshot.tenantsSeen(reads, tenant, table);
    }

    private List<String> ownerQuery(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
