package jp.hyoka.server.database;

import com.zaxxer.hikari.HikariConfig;
import jp.hyoka.server.support.TableLock;
import jp.hyoka.server.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The migration runs beside the start (DatabaseFactory): no connection is handed out before it has finished, and a
 * failed migration fails every connection asked for (and so the start).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MigratingDataSourceIT {

    @Test
    void givenTheMigrationHeldUp_whenAConnectionIsAsked_thenItComesOnlyOnceTheSchemaIsMigrated() throws Exception {
        // Every migration but the last, so that one is still to run when the pool starts.
        String url = databaseMigratedTo("16");
        try (MigratingDataSource pool = pool(url)) {
            CompletableFuture<Boolean> migratedWhenConnected;
            try (TableLock migrationHeldUp = TableLock.hold(url, TestDatabase.user(), TestDatabase.password(),
                    "flyway_schema_history")) {
                pool.migrate();
                migrationHeldUp.awaitWaiters(1, Duration.ofSeconds(60));
                migratedWhenConnected = CompletableFuture.supplyAsync(() -> {
                    try (Connection connection = pool.getConnection()) {
                        return hasSearchFunction(connection);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                Thread.sleep(500);
                assertThat(migratedWhenConnected).as("no connection while the migration waits").isNotDone();
            }
            assertThat(migratedWhenConnected.get(60, TimeUnit.SECONDS)).as("V17 applied before the connection")
                    .isTrue();
        }
    }

    @Test
    void givenAMigrationThatFails_whenAConnectionIsAsked_thenItFailsWithTheMigrationsError() throws Exception {
        String url = TestDatabase.newDatabase();
        try (Connection admin = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
             Statement statement = admin.createStatement()) {
            // V1 creates this table: the migration fails on it.
            statement.execute("CREATE TABLE domainevententry (unexpected int)");
        }
        try (MigratingDataSource pool = pool(url)) {
            pool.migrate();
            assertThatThrownBy(pool::getConnection).isInstanceOf(SQLException.class)
                    .hasCauseInstanceOf(FlywayException.class);
            assertThatThrownBy(pool::awaitSchema).isInstanceOf(FlywayException.class);
        }
    }

    private static String databaseMigratedTo(String version) {
        String url = TestDatabase.newDatabase();
        Flyway.configure().dataSource(url, TestDatabase.user(), TestDatabase.password())
                .locations("classpath:db/migration").target(version).load().migrate();
        return url;
    }

    private static MigratingDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(TestDatabase.user());
        config.setPassword(TestDatabase.password());
        config.setMaximumPoolSize(4);
        return new MigratingDataSource(config);
    }

    private static boolean hasSearchFunction(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT to_regproc('hyoka_search_text') IS NOT NULL")) {
            row.next();
            return row.getBoolean(1);
        }
    }
}
