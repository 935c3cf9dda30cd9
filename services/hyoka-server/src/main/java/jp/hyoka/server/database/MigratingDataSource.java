package jp.hyoka.server.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jp.hyoka.server.availability.StartBarrier;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/**
 * The pool, whose schema Flyway brings up to date on a thread of its own while the start builds everything that does
 * not need the database (the GraphQL schema, most beans): nothing gets a connection before the migration has
 * finished — {@link #getConnection()} waits for it, and fails if it failed — so no statement ever runs on an old
 * schema, and the HTTP server opens its port only after {@link #awaitSchema()} (StartingProbesHandover).
 * Flyway itself takes its connections from the pool without waiting.
 */
public final class MigratingDataSource extends HikariDataSource implements StartBarrier {

    private final CompletableFuture<Void> migrated = new CompletableFuture<>();
    private volatile boolean ready;

    MigratingDataSource(HikariConfig config) {
        super(config);
    }

    /** Starts the migration (once) on a thread of its own. */
    void migrate() {
        Thread migration = new Thread(() -> {
            try {
                SchemaBaseline.flyway(new Unwaiting()).load().migrate();
                migrated.complete(null);
            } catch (Throwable e) {
                migrated.completeExceptionally(e);
            }
        }, "hyoka-migration");
        migration.setDaemon(true);
        migration.start();
    }

    /** Returns once the schema is up to date; throws what the migration threw (the start must stop). */
    public void awaitSchema() {
        if (ready) {
            return;
        }
        StartBarrier.join(migrated);
        ready = true;
    }

    @Override
    public void awaitFinished() {
        awaitSchema();
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (!ready) {
            try {
                awaitSchema();
            } catch (RuntimeException failed) {
                throw new SQLException("the schema migration failed: " + failed.getMessage(), failed);
            }
        }
        return super.getConnection();
    }

    private Connection connectionWithoutWaiting() throws SQLException {
        return super.getConnection();
    }

    /** The pool for Flyway: its connections before the schema is ready. */
    private final class Unwaiting implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return connectionWithoutWaiting();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return MigratingDataSource.this.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            MigratingDataSource.this.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            MigratingDataSource.this.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return MigratingDataSource.this.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return MigratingDataSource.this.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return MigratingDataSource.this.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return MigratingDataSource.this.isWrapperFor(type);
        }
    }
}
