package jp.hyoka.server.database;

import jp.hyoka.server.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new installation gets its schema from the baseline (one step); an existing one is upgraded by the versioned
 * migrations. Both must end with the same schema: tables and columns, constraints, indexes, row-level security and
 * its policies, functions, triggers, grants, extensions.
 */
class SchemaBaselineIT {

    /** What the schema is made of, each as sorted rows of text (names and definitions, no OIDs). */
    private static final Map<String, String> CATALOG = new LinkedHashMap<>();

    static {
        CATALOG.put("columns", "SELECT table_name, column_name, data_type, is_nullable, column_default, "
                + "is_generated, generation_expression FROM information_schema.columns WHERE table_schema = 'public'");
        CATALOG.put("constraints", "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
                + "FROM pg_constraint WHERE connamespace = 'public'::regnamespace");
        CATALOG.put("indexes", "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'");
        CATALOG.put("row-level security", "SELECT relname, relkind, relrowsecurity, relforcerowsecurity FROM pg_class "
                + "WHERE relnamespace = 'public'::regnamespace");
        CATALOG.put("policies", "SELECT tablename, policyname, permissive, roles::text, cmd, qual, with_check "
                + "FROM pg_policies WHERE schemaname = 'public'");
        CATALOG.put("functions", "SELECT pg_get_functiondef(p.oid) FROM pg_proc p "
                + "WHERE p.pronamespace = 'public'::regnamespace AND p.prokind = 'f' "
                + "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')");
        CATALOG.put("triggers", "SELECT tgrelid::regclass::text, tgname, pg_get_triggerdef(oid) FROM pg_trigger "
                + "WHERE NOT tgisinternal");
        CATALOG.put("table grants", "SELECT grantee, table_name, privilege_type FROM information_schema.role_table_grants "
                + "WHERE table_schema = 'public' AND grantee <> current_user");
        CATALOG.put("routine grants", "SELECT grantee, routine_name, privilege_type "
                + "FROM information_schema.role_routine_grants WHERE routine_schema = 'public' AND grantee = 'hyoka_reader'");
        CATALOG.put("sequences", "SELECT sequence_name, data_type, start_value, increment "
                + "FROM information_schema.sequences WHERE sequence_schema = 'public'");
        CATALOG.put("extensions", "SELECT extname FROM pg_extension");
    }

    @Test
    void givenANewAndAnUpgradedDatabase_whenMigrated_thenBothHaveTheSameSchema() throws Exception {
        String fresh = TestDatabase.newDatabase();
        MigrateResult installed = migrate(fresh);
        String upgraded = TestDatabase.newDatabase();
        Flyway.configure().dataSource(upgraded, TestDatabase.user(), TestDatabase.password())
                .locations("classpath:" + SchemaBaseline.FOLDER).target("12").load().migrate();
        MigrateResult upgrade = migrate(upgraded);

        assertThat(installed.migrations).as("a new database: the baseline only").hasSize(1);
        assertThat(installed.migrations.get(0).type).contains("BASELINE");
        assertThat(upgrade.migrations).as("an upgrade: the versioned migrations after V12").hasSizeGreaterThan(1)
                .allSatisfy(migration -> assertThat(migration.type).isEqualTo("SQL"));
        assertThat(installed.targetSchemaVersion).isEqualTo(upgrade.targetSchemaVersion);
        Map<String, List<String>> expected = catalog(upgraded);
        assertThat(expected.get("columns")).as("the comparison sees the schema").hasSizeGreaterThan(100);
        assertThat(catalog(fresh)).isEqualTo(expected);
    }

    @Test
    void givenABaselinedDatabase_whenTheServerMigratesAgain_thenNothingIsAppliedAndItValidates() throws Exception {
        String url = TestDatabase.newDatabase();
        migrate(url);
        assertThat(migrate(url).migrationsExecuted).isZero();
    }

    @Test
    void givenADatabaseBaselinedBeforeTheNewestMigration_whenTheServerMigrates_thenItFindsItsBaselineAndAppliesTheRest()
            throws Exception {
        List<String> files = ClasspathFolder.files(SchemaBaseline.FOLDER, ".sql").stream()
                .sorted(java.util.Comparator.comparingInt(SchemaBaseline::number)).toList();
        String older = TestDatabase.newDatabase();
        int olderVersion = SchemaBaseline.number(files.get(files.size() - 2));
        MigrateResult installedOlder = Flyway.configure().dataSource(older, TestDatabase.user(), TestDatabase.password())
                .locations("classpath:" + SchemaBaseline.FOLDER)
                .javaMigrations(SchemaBaseline.upTo(files, files.size() - 1).toArray(new SchemaBaseline[0]))
                .target(Integer.toString(olderVersion)).load().migrate();
        assertThat(installedOlder.migrations).as("installed by the baseline of its day").singleElement()
                .satisfies(migration -> {
                    assertThat(migration.type).contains("BASELINE");
                    assertThat(migration.version).isEqualTo(Integer.toString(olderVersion));
                });

        MigrateResult upgrade = migrate(older);

        assertThat(upgrade.migrations).as("the versioned migration after its baseline").singleElement()
                .satisfies(migration -> assertThat(migration.type).isEqualTo("SQL"));
        String fresh = TestDatabase.newDatabase();
        migrate(fresh);
        assertThat(catalog(older)).isEqualTo(catalog(fresh));
    }

    @Test
    void givenADottedVersion_whenTheBaselineIsMade_thenItIsRefusedWithItsName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SchemaBaseline.number("V18.1__late_fix.sql"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("V18.1__late_fix.sql");
    }

    private static MigrateResult migrate(String url) {
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setUrl(url);
        database.setUser(TestDatabase.user());
        database.setPassword(TestDatabase.password());
        return SchemaBaseline.flyway(database).load().migrate();
    }

    private static Map<String, List<String>> catalog(String url) throws SQLException {
        Map<String, List<String>> catalog = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
             Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> part : CATALOG.entrySet()) {
                List<String> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery(part.getValue())) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int column = 1; column <= columns; column++) {
                            row.append(result.getString(column)).append(" | ");
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                catalog.put(part.getKey(), rows);
            }
        }
        return catalog;
    }
}
