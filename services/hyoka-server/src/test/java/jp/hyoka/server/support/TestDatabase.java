package jp.hyoka.server.support;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The real PostgreSQL the tests run against, one server per test JVM and a fresh database per test class.
 * Where it comes from, in order: {@code TEST_JDBC_URL} (an external server, e.g. Debian's), Testcontainers when a
 * Docker engine is available, otherwise an embedded PostgreSQL from Maven Central. Never a mock, never skipped.
 */
public final class TestDatabase {

    /**
     * System property: {@code true} makes the embedded server (when it is the one used) commit durably, fsync and
     * synchronous_commit on, as BENCHMARKS.md requires of benchmarks. Read when the server starts.
     */
    public static final String DURABLE_PROPERTY = "hyoka.test.postgres.durable";
    /**
     * System property: {@code true} preloads {@code pg_stat_statements} in the embedded server (when it is the one
     * used), tracking nested statements too, so that a probe can tell what PostgreSQL's time went to. Read when the
     * server starts; a database that wants the view creates the extension.
     */
    public static final String STATEMENTS_PROPERTY = "hyoka.test.postgres.statements";

    private static Server server;
    /** The database new ones are copied from ({@link #copyFrom}), or null: new databases are empty. */
    private static String template;
    /** The databases copied from {@link #template} since {@link #copyFrom}. */
    private static final List<String> copies = new ArrayList<>();

    private TestDatabase() {
    }

    /** A JDBC URL of a new database: empty, or a copy of the database named in {@link #copyFrom}. */
    public static synchronized String newDatabase() {
        if (server == null) {
            server = start();
        }
        String name = "hyoka_" + UUID.randomUUID().toString().replace("-", "");
        // FILE_COPY: the template's files copied after one checkpoint, instead of every page through the WAL
        // (PostgreSQL 15's default), which is what makes a copy of a loaded data set cheap.
        admin("CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template + " STRATEGY FILE_COPY"));
        if (template != null) {
            copies.add(name);
        }
        return server.url().replaceFirst("/[^/?]*(\\?.*)?$", "/" + name + "$1");
    }

    /** A pool on a new database with the server's schema (Flyway's migrations), for tests without a server. */
    public static HikariDataSource newMigratedPool() {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(newDatabase());
        dataSource.setUsername(user());
        dataSource.setPassword(password());
        Flyway.configure().dataSource(dataSource).load().migrate();
        return dataSource;
    }

    /**
     * From now on {@link #newDatabase} copies the database of {@code url} (CREATE DATABASE … TEMPLATE: a file copy;
     * nobody may be connected to it meanwhile), until {@link #stopCopyingAndDropCopies}. The benchmark's at-scale
     * pass gives every harness, which creates its database here, the same loaded data set this way.
     */
    public static synchronized void copyFrom(String url) {
        template = databaseName(url);
    }

    /**
     * New databases are empty again; the copies made since {@link #copyFrom} are dropped (a copy of a large data set
     * is gigabytes on disk); answers how many.
     */
    public static synchronized int stopCopyingAndDropCopies() {
        template = null;
        int dropped = copies.size();
        copies.forEach(name -> admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
        copies.clear();
        return dropped;
    }

    /** The database name in a JDBC URL ({@code jdbc:postgresql://host:port/NAME?options}). */
    public static String databaseName(String url) {
        return url.replaceFirst("^.*/([^/?]*)(\\?.*)?$", "$1");
    }

    private static void admin(String sql) {
        try (Connection admin = DriverManager.getConnection(server.url(), server.user(), server.password());
             Statement statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not " + sql, e);
        }
    }

    public static synchronized String user() {
        return server.user();
    }

    public static synchronized String password() {
        return server.password();
    }

    /** Which PostgreSQL the suite runs on, for the test report. */
    public static synchronized String description() {
        return server == null ? "not started" : server.description();
    }

    private record Server(String url, String user, String password, String description) {
    }

    private static Server start() {
        String external = System.getenv("TEST_JDBC_URL");
        if (external != null && !external.isBlank()) {
            return new Server(external, env("TEST_JDBC_USER", "postgres"), env("TEST_JDBC_PASSWORD", ""),
                    "external PostgreSQL " + external);
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "Testcontainers PostgreSQL");
        }
        try {
            // zonky's shutdown hook stops it when the test JVM exits. zonky starts PostgreSQL with fsync and
            // synchronous_commit off (fast tests); a benchmark asks for durable commits (-c options come after -F).
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (Boolean.getBoolean(DURABLE_PROPERTY)) {
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            if (Boolean.getBoolean(STATEMENTS_PROPERTY)) {
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                        .setServerConfig("pg_stat_statements.track", "all");
            }
            EmbeddedPostgres embedded = builder.start();
            return new Server(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "",
                    "embedded PostgreSQL (zonky)");
        } catch (IOException e) {
            throw new UncheckedIOException("no PostgreSQL for the tests: set TEST_JDBC_URL or install Docker", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
