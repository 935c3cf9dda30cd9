package jp.hyoka.server.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * A PostgreSQL 17 server run from the binaries on Maven Central (zonky), so the default start needs neither Docker
 * nor an installed database. With a data directory it is persistent and durable: a restart finds the cluster
 * initialised and keeps every event, and a commit returns only once it is flushed to disk, so what the server
 * acknowledged survives a crash of the server, of PostgreSQL or of the machine. zonky starts PostgreSQL with
 * {@code -F} (no fsync) and {@code synchronous_commit=off}, which suits throw-away test clusters only: the
 * persistent cluster turns both back on ({@code -c} options come after {@code -F} on the command line and win).
 * <p>
 * The postmaster is a daemon of its own. The application context stops it (also on SIGTERM, through Micronaut's
 * shutdown hook); one left running by a killed server is stopped before the next start ({@link LeftoverPostmaster}).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    /** How long a start may take: crash recovery after a kill replays the WAL written since the last checkpoint. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    /** zonky's lock on a data directory, held by the JVM that runs its cluster (released when that JVM dies). */
    private static final String ZONKY_LOCK = "epg-lock";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A durable cluster kept in {@code dataDir} across restarts. */
    public static EmbeddedDatabase persistent(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            refuseIfInUse(dataDir);
            LeftoverPostmaster.clear(dataDir);
            // zonky runs initdb only when the directory holds no cluster yet, so data survives a restart.
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.toAbsolutePath())
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setPGStartupWait(STARTUP_WAIT)
                    // Stopped by the application context, after Axon and the pool: zonky's own JVM hook would
                    // race the context's shutdown and pull the database from under running processors.
                    .setRegisterShutdownHook(false)
                    .start();
            LOG.info("Embedded PostgreSQL on port {}, data in {} (durable: fsync and synchronous_commit on)",
                    postgres.getPort(), dataDir.toAbsolutePath());
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /** A live process (this JVM or another) runs the cluster: its postmaster is no left-over to be stopped. */
    private static void refuseIfInUse(Path dataDir) throws IOException {
        Path lockFile = dataDir.resolve(ZONKY_LOCK);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("the embedded PostgreSQL in " + dataDir
                        + " is in use by another running server");
            }
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException("the embedded PostgreSQL in " + dataDir + " is already running here", e);
        }
    }

    /** A throw-away cluster in a temporary directory, deleted on close; fast, not durable (zonky's defaults). */
    public static EmbeddedDatabase ephemeral() {
        try {
            return new EmbeddedDatabase(EmbeddedPostgres.builder().setRegisterShutdownHook(false).start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL", e);
        }
    }

    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
