package jp.hyoka.server.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PostgreSQL 17 server run from the binaries on Maven Central (zonky), so the default start needs neither Docker
 * nor an installed database. With a data directory it is persistent: a restart finds the cluster initialised
 * and keeps every event.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A cluster kept in {@code dataDir} across restarts. */
    public static EmbeddedDatabase persistent(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            // zonky runs initdb only when the directory holds no cluster yet, so data survives a restart.
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.toAbsolutePath())
                    .setCleanDataDirectory(false)
                    // Stopped by the application context, after Axon and the pool: zonky's own JVM hook would
                    // race the context's shutdown and pull the database from under running processors.
                    .setRegisterShutdownHook(false)
                    .start();
            LOG.info("Embedded PostgreSQL on port {}, data in {}", postgres.getPort(), dataDir.toAbsolutePath());
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /** A throw-away cluster in a temporary directory, deleted on close. */
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
