package jp.hyoka.server.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * A PostgreSQL of one test's own that can be stopped under a running server and started again on the same port and
 * data directory, as a database restart or failover looks to the server.
 */
public final class RestartablePostgres implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final Map<String, String> serverConfig;
    private EmbeddedPostgres postgres;
    private ApplicationContext server;

    private RestartablePostgres(Path dataDir, int port, Map<String, String> serverConfig) {
        this.dataDir = dataDir;
        this.port = port;
        this.serverConfig = serverConfig;
    }

    public static RestartablePostgres started() throws IOException {
        return started(Map.of());
    }

    /** With PostgreSQL settings ({@code -c name=value}) over zonky's (which has fsync and synchronous_commit off). */
    public static RestartablePostgres started(Map<String, String> serverConfig) throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        RestartablePostgres database = new RestartablePostgres(Files.createTempDirectory("hyoka-restart-"), port,
                serverConfig);
        database.start();
        return database;
    }

    public void start() throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false);
        serverConfig.forEach(builder::setServerConfig);
        postgres = builder.start();
    }

    /**
     * A crash: the postmaster and every backend killed (SIGKILL), so that what was only in PostgreSQL's shared
     * memory (WAL not yet written) is gone; the data directory stays for {@link #start()}, which recovers it.
     */
    public void crash() throws IOException {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> all = Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : all) {
            process.onExit().join();
        }
        try {
            postgres.close();          // its pg_ctl stop finds nothing to stop; the data directory's lock is freed
        } catch (IOException | RuntimeException e) {
            // nothing was running any more
        }
        postgres = null;
    }

    /** The database the server uses, straight (not through the server's pool). */
    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    public void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    /**
     * A server on this database (the development issuer, no demo, a free HTTP port, plus {@code more}), started; it is
     * closed before the database.
     */
    public ApplicationContext startServer(Map<String, Object> more) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "hyoka.database.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                "hyoka.database.username", "postgres",
                "hyoka.database.password", "",
                "hyoka.dev-issuer.enabled", "true",
                "hyoka.demo.enabled", "false",
                "micronaut.server.port", "-1",
                "hyoka.limits.requests-per-second", "0",        // editors and readers at full speed, on purpose
                "hyoka.limits.cost.restore-rate", "0",
                "hyoka.deadlines.announce-every", "0s"));
        properties.putAll(more);
        server = ApplicationContext.run(properties);
        server.getBean(EmbeddedServer.class).start();
        return server;
    }

    /** The server closed (as a crash of its node would leave it: no goodbye to the database); the database stays. */
    public void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
        stop();
    }
}
