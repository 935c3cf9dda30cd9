package jp.hyoka.server.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code postmaster.pid} a running PostgreSQL keeps in its data directory: its pid, the directory and the port
 * (lines 1, 2 and 4). A postmaster that stops cleanly removes it; one killed leaves it behind.
 */
public record PostmasterPidFile(Path file, long pid, Path dataDirectory, int port) {

    public static final String NAME = "postmaster.pid";

    /** The pid file of {@code dataDir}, if there is one with at least a pid in it. */
    public static Optional<PostmasterPidFile> read(Path dataDir) {
        Path file = dataDir.resolve(NAME);
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
            // Written but not yet filled (a start in progress or cut short): nothing to stop, only to remove.
            return Optional.of(new PostmasterPidFile(file, -1, dataDir, -1));
        }
        String port = lines.size() > 3 ? lines.get(3).strip() : "";
        return Optional.of(new PostmasterPidFile(file, Long.parseLong(lines.get(0).strip()),
                lines.size() > 1 ? Path.of(lines.get(1).strip()) : dataDir,
                port.matches("\\d+") ? Integer.parseInt(port) : -1));
    }

    /** A JDBC URL of a database on this postmaster (localhost, its port). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }
}
