package jp.hyoka.server.backup;

import jp.hyoka.server.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A restore loads only what the backup's manifest vouches for, and only into an empty database. */
class RestoreChecksIT {

    @TempDir
    Path work;

    @Test
    void givenABackupAlteredAfterItWasTaken_whenRestored_thenItIsRefusedAndNoRowIsLoaded() throws Exception {
        Path backup = backupOf(migratedDatabaseWith(
                "INSERT INTO tenant (municipality_code, name) VALUES ('141305', '川崎市')"));
        Path altered = work.resolve("altered.zip");
        replaceInEntry(backup, altered, "tenant.copy", "川崎市", "横浜市");
        String target = TestDatabase.newDatabase();

        assertThatThrownBy(() -> Restore.into(target, TestDatabase.user(), TestDatabase.password(), altered))
                .hasMessageContaining("tenant does not match the manifest");
        assertThat(count(target, "tenant")).isZero();
    }

    @Test
    void givenADatabaseWithTables_whenRestoredInto_thenItIsRefused() throws Exception {
        String source = migratedDatabaseWith("SELECT 1");
        Path backup = backupOf(source);

        assertThatThrownBy(() -> Restore.into(source, TestDatabase.user(), TestDatabase.password(), backup))
                .hasMessageContaining("not empty");
    }

    private static String migratedDatabaseWith(String sql) throws SQLException {
        String url = TestDatabase.newDatabase();
        Flyway.configure().dataSource(url, TestDatabase.user(), TestDatabase.password())
                .locations("classpath:db/migration").load().migrate();
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        return url;
    }

    private Path backupOf(String url) throws SQLException, IOException {
        Path backup = work.resolve("backup.zip");
        try (Connection connection = connect(url); OutputStream out = Files.newOutputStream(backup)) {
            Backup.take(connection, out);
        }
        return backup;
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
    }

    private static long count(String url, String table) throws SQLException {
        try (Connection connection = connect(url); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** A copy of {@code from} with {@code text} replaced in one entry, as a tampered or damaged file would be. */
    private static void replaceInEntry(Path from, Path to, String entry, String text, String replacement)
            throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry next = in.getNextEntry(); next != null; next = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();               // the current entry
                if (next.getName().equals(entry)) {
                    bytes = new String(bytes, StandardCharsets.UTF_8).replace(text, replacement)
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(next.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
    }
}
