package jp.hyoka.server.backup;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Loads a backup into an empty database: the schema at the backup's version (Flyway), then every table in one
 * transaction, each checked against the manifest's row count and SHA-256 before anything commits, then the identity
 * sequences set past the restored rows. A file that does not match commits no row (the empty schema stays: drop
 * the database before another attempt).
 */
public final class Restore {

    private Restore() {
    }

    public static BackupManifest into(String jdbcUrl, String user, String password, Path file)
            throws SQLException, IOException {
        try (ZipFile zip = new ZipFile(file.toFile());
             Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            BackupManifest manifest = manifest(zip);
            refuseUnlessEmpty(connection);
            Flyway.configure().dataSource(jdbcUrl, user, password).locations("classpath:db/migration")
                    .target(manifest.schemaVersion()).load().migrate();
            connection.setAutoCommit(false);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (BackupManifest.Table table : manifest.tables()) {
                load(copy, zip, table);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(nextValueAfter("domainevententry", "globalindex"));
                statement.execute(nextValueAfter("integration_outbox", "position"));
            }
            connection.commit();
            return manifest;
        }
    }

    private static BackupManifest manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(BackupManifest.ENTRY);
        if (entry == null) {
            throw new IllegalArgumentException(zip.getName() + " is not a Hyoka backup: no " + BackupManifest.ENTRY);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            BackupManifest manifest = Backup.JSON.readValue(in, BackupManifest.class);
            if (!BackupManifest.FORMAT.equals(manifest.format())) {
                throw new IllegalArgumentException("unknown backup format " + manifest.format());
            }
            return manifest;
        }
    }

    /** Restoring over data would mix two histories; an empty database (no tables) is the only target. */
    private static void refuseUnlessEmpty(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()")) {
            row.next();
            if (row.getLong(1) > 0) {
                throw new IllegalStateException("the target database is not empty (" + row.getLong(1)
                        + " tables): restore into a new, empty database");
            }
        }
    }

    private static void load(CopyManager copy, ZipFile zip, BackupManifest.Table table)
            throws SQLException, IOException {
        ZipEntry entry = zip.getEntry(table.entry());
        if (entry == null) {
            throw new IllegalArgumentException("the backup lacks " + table.entry());
        }
        try (DigestInputStream in = new DigestInputStream(zip.getInputStream(entry), Backup.sha256())) {
            long rows = copy.copyIn("COPY " + table.name() + " FROM STDIN", in);
            String sha256 = Backup.hex(in.getMessageDigest());
            if (rows != table.rows() || !sha256.equals(table.sha256())) {
                throw new IllegalStateException(table.name() + " does not match the manifest: " + rows + " rows, sha256 "
                        + sha256 + "; expected " + table.rows() + ", " + table.sha256() + ". Nothing was restored.");
            }
        }
    }

    private static String nextValueAfter(String table, String column) {
        return "SELECT setval(pg_get_serial_sequence('" + table + "', '" + column + "'), coalesce(max(" + column
                + "), 0) + 1, false) FROM " + table;
    }
}
