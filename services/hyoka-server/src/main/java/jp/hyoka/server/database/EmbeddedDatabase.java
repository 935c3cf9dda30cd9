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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL 17 server run from the binaries on Maven Central (zonky), so the default start needs neither Docker
 * nor an installed database. With a data directory it is persistent and durable: a restart finds the cluster
 * initialised and keeps every event, and a commit returns only once it is flushed to disk, so what the server
 * acknowledged survives a crash of the server, of PostgreSQL or of the machine. zonky starts PostgreSQL with
 * {@code -F} (no fsync) and {@code synchronous_commit=off}, which suits throw-away test clusters only: the
 * persistent cluster turns both back on ({@code -c} options come after {@code -F} on the command line and win).
 * <p>
 * The postmaster is a daemon of its own. The application context stops it (also on SIGTERM, through Micronaut's
 * shutdown hook); one left running by a killed server is stopped before the next start ({@link LeftoverPostmaster});
 * one that dies while the server runs is started again on the same data and port (a watchdog). Micronaut registers
 * its shutdown hook only once the HTTP server runs: a JVM that exits before (SIGTERM during the start, a failed
 * start) is covered by this database's own exit hook ({@link #closeOnExit}), which stops it at once then, and once
 * the server runs leaves the stop to the context, after processors and pool. What it knows of the server is its own
 * context's ({@link ServerLife}): another context of the same JVM never makes it wait.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    /** How long a start may take: crash recovery after a kill replays the WAL written since the last checkpoint. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    /** zonky's lock on a data directory, held by the JVM that runs its cluster (released when that JVM dies). */
    private static final String ZONKY_LOCK = "epg-lock";

    /** How often the watchdog looks, and how many looks in a row must find PostgreSQL gone before it restarts it. */
    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);
    private static final int MISSING_LOOKS_BEFORE_RESTART = 3;
    /** How long the exit hook waits for the context to begin and then to end its stop, once the server runs. */
    private static final Duration CONTEXT_STOP_START = Duration.ofSeconds(30);
    private static final Duration CONTEXT_STOP = Duration.ofSeconds(60);

    private volatile EmbeddedPostgres postgres;
    private final Path dataDir;                          // null: a throw-away cluster, not watched
    private final ScheduledExecutorService watchdog;
    private volatile boolean closing;
    private final Thread exitHook = new Thread(this::closeOnExit, "hyoka-embedded-postgres-exit");
    private final ServerLife life;                       // of the context that started this database
    private final CountDownLatch closed = new CountDownLatch(1);
    private int missingLooks;                            // watchdog thread only

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir, ServerLife life) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.life = life;
        this.watchdog = dataDir == null ? null : Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hyoka-embedded-postgres-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        Runtime.getRuntime().addShutdownHook(exitHook);
        if (watchdog != null) {
            watchdog.scheduleWithFixedDelay(this::look, WATCH_INTERVAL.toMillis(), WATCH_INTERVAL.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** {@link #persistent(Path, ServerLife)} outside an application context (no server: stopped at once at exit). */
    public static EmbeddedDatabase persistent(Path dataDir) {
        return persistent(dataDir, new ServerLife());
    }

    /**
     * A durable cluster kept in {@code dataDir} across restarts, started again if its PostgreSQL dies; {@code life}
     * is its context's, for the exit hook.
     */
    public static EmbeddedDatabase persistent(Path dataDir, ServerLife life) {
        try {
            Files.createDirectories(dataDir);
            refuseIfInUse(dataDir);
            LeftoverPostmaster.clear(dataDir);
            EmbeddedPostgres postgres = startingGuarded(dataDir);
            LOG.info("Embedded PostgreSQL on port {}, data in {} (durable: fsync and synchronous_commit on)",
                    postgres.getPort(), dataDir.toAbsolutePath());
            return new EmbeddedDatabase(postgres, dataDir, life);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /** Started with an exit hook of its own meanwhile: a JVM exiting while PostgreSQL starts stops it too. */
    private static EmbeddedPostgres startingGuarded(Path dataDir) throws IOException {
        Thread guard = new Thread(() -> LeftoverPostmaster.clear(dataDir), "hyoka-embedded-postgres-starting-exit");
        Runtime.getRuntime().addShutdownHook(guard);
        try {
            return durable(dataDir, 0);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(guard);
            } catch (IllegalStateException e) {
                // the JVM is exiting: the guard stops what started
            }
        }
    }

    /** {@code port} 0: any free port. */
    private static EmbeddedPostgres durable(Path dataDir, int port) throws IOException {
        // zonky runs initdb only when the directory holds no cluster yet, so data survives a restart.
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.toAbsolutePath())
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setPGStartupWait(STARTUP_WAIT)
                // Stopped by the application context, after Axon and the pool: zonky's own JVM hook would
                // race the context's shutdown and pull the database from under running processors.
                .setRegisterShutdownHook(false);
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    /**
     * PostgreSQL killed alone (an OOM kill, an operator's mistake) would otherwise leave the server answering
     * ServiceUnavailable until someone restarts it. Its committed data is safe (durable commits), so the watchdog
     * starts it again on the same data and port, and the pool reconnects by itself. A few looks in a row must find it
     * gone: a server being killed together with its database must not race a restart.
     */
    private void look() {
        if (closing) {
            return;
        }
        if (LeftoverPostmaster.running(dataDir).isPresent()) {
            missingLooks = 0;
            return;
        }
        if (++missingLooks < MISSING_LOOKS_BEFORE_RESTART) {
            return;
        }
        restart();
    }

    private synchronized void restart() {
        if (closing) {
            return;
        }
        int port = postgres.getPort();
        LOG.warn("The embedded PostgreSQL on port {} is gone: starting it again on the same data ({})", port,
                dataDir.toAbsolutePath());
        long started = System.nanoTime();
        try {
            postgres.close();                            // releases zonky's lock; logs that there was nothing to stop
            LeftoverPostmaster.clear(dataDir);           // its stale postmaster.pid and any orphaned backends
            postgres = durable(dataDir, port);
            missingLooks = 0;
            LOG.warn("The embedded PostgreSQL runs again on port {} ({} ms)", port,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not start the embedded PostgreSQL again; trying at the next look", e);
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

    /** {@link #ephemeral(ServerLife)} outside an application context (no server: stopped at once at exit). */
    public static EmbeddedDatabase ephemeral() {
        return ephemeral(new ServerLife());
    }

    /**
     * A throw-away cluster in a temporary directory, deleted on close; fast, not durable (zonky's defaults);
     * {@code life} is its context's, for the exit hook.
     */
    public static EmbeddedDatabase ephemeral(ServerLife life) {
        try {
            return new EmbeddedDatabase(EmbeddedPostgres.builder().setRegisterShutdownHook(false).start(), null,
                    life);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL", e);
        }
    }

    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    /**
     * The JVM exits. Before the server ran, nothing else stops PostgreSQL: stopped now. Once it runs, the context's
     * stop (Micronaut's hook, running beside this one) closes it after the processors and the pool; this waits for
     * that, and stops it itself if the stop does not begin (a SIGTERM before Micronaut's hook was registered) or does
     * not end in time.
     */
    void closeOnExit() {
        try {
            if (life.isServerRunning() && life.awaitStopping(CONTEXT_STOP_START)) {
                closed.await(CONTEXT_STOP.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    @Override
    public void close() {
        closing = true;
        if (watchdog != null) {
            watchdog.shutdownNow();
        }
        synchronized (this) {
            if (closed.getCount() == 0) {
                return;
            }
            try {
                postgres.close();
            } catch (IOException e) {
                LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
            } finally {
                closed.countDown();
            }
        }
        if (Thread.currentThread() != exitHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(exitHook);
            } catch (IllegalStateException e) {
                // the JVM is exiting: the hook runs and finds this closed
            }
        }
    }
}
