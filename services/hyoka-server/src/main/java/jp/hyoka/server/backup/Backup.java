package jp.hyoka.server.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Copies {@link BackupManifest#TABLES} into a ZIP file, one COPY text entry per table and the manifest last. One
 * REPEATABLE READ, read-only transaction: every table as of the same instant, so no chain link lacks its event and no
 * outbox row its domain event, while the server goes on serving (COPY takes no lock that blocks writers).
 */
public final class Backup {

    static final ObjectMapper JSON = new ObjectMapper();

    private Backup() {
    }

    public static BackupManifest take(Connection connection, OutputStream out) throws SQLException, IOException {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            String schemaVersion = schemaVersion(connection);        // the first query fixes the snapshot
            List<BackupManifest.Table> tables = new ArrayList<>();
            for (String table : BackupManifest.TABLES) {
                zip.putNextEntry(new ZipEntry(table + ".copy"));
                DigestOutputStream digest = new DigestOutputStream(new KeepOpen(zip), sha256());
                long rows = copy.copyOut("COPY " + table + " TO STDOUT", digest);
                zip.closeEntry();
                tables.add(new BackupManifest.Table(table, rows, hex(digest.getMessageDigest())));
            }
            BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, Instant.now().toString(),
                    schemaVersion, tables);
            zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
            JSON.writerWithDefaultPrettyPrinter().writeValue(new KeepOpen(zip), manifest);
            zip.closeEntry();
            return manifest;
        } finally {
            connection.rollback();
        }
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT version FROM flyway_schema_history "
                     + "WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            if (!row.next()) {
                throw new IllegalStateException("not a Hyoka database: no schema version in flyway_schema_history");
            }
            return row.getString(1);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Jackson and the digest stream close what they write to; a ZIP entry must only be closed by the ZIP. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
