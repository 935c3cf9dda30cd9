package jp.hyoka.server.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A PostgreSQL of one test's own that can be stopped under a running server and started again on the same port and
 * data directory, as a database restart or failover looks to the server.
 */
public final class RestartablePostgres implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres postgres;
    private ApplicationContext server;

    private RestartablePostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    public static RestartablePostgres started() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        RestartablePostgres database = new RestartablePostgres(Files.createTempDirectory("hyoka-restart-"), port);
        database.start();
        return database;
    }

    public void start() throws IOException {
        postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .start();
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

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
        stop();
    }
}
