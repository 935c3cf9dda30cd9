package jp.hyoka.server.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default keeps its data in a directory, so a restarted server finds everything it stored. */
class EmbeddedDatabaseIT {

    @Test
    void givenDataWrittenToAPersistentCluster_whenRestarted_thenTheDataIsStillThere(@TempDir Path dataDir) throws Exception {
        try (EmbeddedDatabase first = EmbeddedDatabase.persistent(dataDir);
             Connection connection = DriverManager.getConnection(first.jdbcUrl("postgres"), "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (note TEXT)");
            statement.execute("INSERT INTO kept VALUES ('評価書')");
        }

        try (EmbeddedDatabase second = EmbeddedDatabase.persistent(dataDir);
             Connection connection = DriverManager.getConnection(second.jdbcUrl("postgres"), "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT note FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("評価書");
        }
    }
}
