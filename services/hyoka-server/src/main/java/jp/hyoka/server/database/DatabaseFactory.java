package jp.hyoka.server.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import jp.hyoka.server.availability.StartingProbes;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The one connection pool of the server, on the external PostgreSQL named by {@code hyoka.database.url} or,
 * when none is named, on the embedded one. The schema is brought up to date by Flyway (on a thread of its own, while
 * the start goes on) before anyone gets a connection ({@link MigratingDataSource}). From the
 * first of these steps on, the probes hear "alive, not ready" ({@link StartingProbes}, asked for by the first).
 */
@Factory
public class DatabaseFactory {

    @Singleton
    @Bean(preDestroy = "close")
    EmbeddedDatabaseHolder embeddedDatabase(DatabaseConfig config, StartingProbes answeringMeanwhile,
                                            ServerLife life) {
        if (config.isExternal()) {
            return new EmbeddedDatabaseHolder(Optional.empty());
        }
        DatabaseConfig.Embedded embedded = config.getEmbedded();
        return new EmbeddedDatabaseHolder(Optional.of(embedded.isEphemeral()
                ? EmbeddedDatabase.ephemeral(life)
                : EmbeddedDatabase.persistent(Path.of(embedded.getDataDir()), life)));
    }

    /**
     * The driver's {@code logServerErrorDetail}, off: otherwise a failed statement's exception message quotes the row
     * (PostgreSQL's DETAIL, {@code Key (...)=(...)}) or a failed batch's SQL with its parameters, i.e. what a user
     * typed, and such a message ends up in the log. The SQLState and the ServerErrorMessage's fields remain.
     */
    public static final String NO_VALUES_IN_ERRORS = "logServerErrorDetail";

    /** The first of the eager beans: its migration then runs beside all the others (infra/docs/startup.md). */
    @Context
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @Bean(preDestroy = "close")
    MigratingDataSource dataSource(DatabaseConfig config, EmbeddedDatabaseHolder embedded,
                                @Nullable MeterRegistry metrics) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("hyoka");
        hikari.setJdbcUrl(embedded.database().map(db -> db.jdbcUrl("postgres")).orElse(config.getUrl()));
        hikari.setUsername(config.getUsername());
        if (config.getPassword() != null && !config.getPassword().isEmpty()) {
            hikari.setPassword(config.getPassword());
        }
        hikari.setMaximumPoolSize(config.getMaximumPoolSize());
        // While the database is out of reach a request holds a GraphQL worker for this long, then answers
        // ServiceUnavailable; 30 s (Hikari's default) would fill the worker pool with waiting requests.
        hikari.setConnectionTimeout(config.getConnectionTimeout().toMillis());
        // No connection in the pool's constructor (Hikari's fail-fast check): the first one is the migration's, on its
        // own thread, and a database out of reach fails the migration, which stops the start (MigratingDataSource).
        hikari.setInitializationFailTimeout(-1);
        hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        hikari.addDataSourceProperty(NO_VALUES_IN_ERRORS, "false");
        if (metrics != null) {
            // Hikari's own meters (hikaricp_connections_active, _pending, _acquire_seconds …, tag pool="hyoka"):
            // Micronaut's pool binder knows only the data sources micronaut-jdbc creates.
            hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics));
        }
        // The migration runs beside the rest of the start; every connection waits for it (MigratingDataSource).
        MigratingDataSource dataSource = new MigratingDataSource(hikari);
        dataSource.migrate();
        return dataSource;
    }

    /** Holds the embedded server (if any) so that it is stopped after the pool that uses it. */
    public record EmbeddedDatabaseHolder(Optional<EmbeddedDatabase> database) implements AutoCloseable {
        @Override
        public void close() {
            database.ifPresent(EmbeddedDatabase::close);
        }
    }
}
