package jp.hyoka.server.backup;

import jp.hyoka.server.database.EmbeddedDatabase;
import jp.hyoka.server.database.LeftoverPostmaster;
import jp.hyoka.server.database.PostmasterPidFile;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * The command line behind infra/backup/backup.sh and restore.sh:
 * <pre>
 * BackupTool backup  (--jdbc-url URL | --data-dir DIR) FILE   a consistent copy of a running (or stopped) installation
 * BackupTool restore (--jdbc-url URL | --data-dir DIR) FILE   into an empty database, or a data directory without a cluster
 * </pre>
 * {@code --data-dir} is the embedded default's PostgreSQL: the running server's when it runs (an online backup),
 * otherwise started here for the time of the copy. User and password: HYOKA_JDBC_USER (postgres), HYOKA_JDBC_PASSWORD.
 * Exit status 0 done, 1 failed, 2 usage.
 */
public final class BackupTool {

    private BackupTool() {
    }

    public static void main(String[] args) {
        if (args.length != 4 || !(args[0].equals("backup") || args[0].equals("restore"))
                || !(args[1].equals("--jdbc-url") || args[1].equals("--data-dir"))) {
            System.err.println("usage: BackupTool backup|restore --jdbc-url URL|--data-dir DIR FILE");
            System.exit(2);
        }
        String user = System.getenv().getOrDefault("HYOKA_JDBC_USER", "postgres");
        String password = System.getenv().getOrDefault("HYOKA_JDBC_PASSWORD", "");
        Path file = Path.of(args[3]);
        try {
            BackupManifest manifest;
            if (args[1].equals("--jdbc-url")) {
                manifest = run(args[0], args[2], user, password, file);
            } else {
                manifest = runEmbedded(args[0], Path.of(args[2]), user, password, file);
            }
            manifest.tables().forEach(table -> System.out.printf("%-20s %10d rows%n", table.name(), table.rows()));
            System.out.println((args[0].equals("backup") ? "Backed up to " : "Restored from ") + file
                    + " (schema version " + manifest.schemaVersion() + ", taken " + manifest.takenAt() + ")");
            System.exit(0);
        } catch (Exception e) {
            System.err.println(args[0] + " failed: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static BackupManifest run(String command, String jdbcUrl, String user, String password, Path file)
            throws Exception {
        if (command.equals("restore")) {
            return Restore.into(jdbcUrl, user, password, file);
        }
        // Written beside the target and moved in place at the end: a backup cut short never looks like a backup.
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        BackupManifest manifest;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             OutputStream out = Files.newOutputStream(partial)) {
            manifest = Backup.take(connection, out);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return manifest;
    }

    private static BackupManifest runEmbedded(String command, Path dataDir, String user, String password, Path file)
            throws Exception {
        if (command.equals("restore") && Files.exists(dataDir.resolve("PG_VERSION"))) {
            throw new IllegalStateException(dataDir + " already holds a cluster: restore into a new data directory");
        }
        if (command.equals("backup") && LeftoverPostmaster.running(dataDir).isPresent()) {
            String url = PostmasterPidFile.read(dataDir).orElseThrow().jdbcUrl("postgres");
            return run(command, url, user, password, file);
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.persistent(dataDir)) {
            return run(command, database.jdbcUrl("postgres"), user, password, file);
        }
    }
}
