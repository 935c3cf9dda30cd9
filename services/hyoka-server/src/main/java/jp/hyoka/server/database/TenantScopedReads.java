package jp.hyoka.server.database;

import jakarta.inject.Singleton;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs a tenant's reads as the row-level-security role {@code hyoka_reader} with {@code hyoka.tenant} set to the
 * caller's municipality (migration V6): the database itself then hides every other municipality's rows, whatever
 * the SQL says. Both settings are transaction-local, so a pooled connection carries neither to its next user.
 */
@Singleton
public class TenantScopedReads {

    /** The work done on a connection scoped to one tenant. */
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    public TenantScopedReads(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T read(MunicipalityCode tenant, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return read(connection, tenant, work);
        } catch (SQLException e) {
            throw new IllegalStateException("tenant-scoped read failed", e);
        }
    }

    /** The same on a connection the caller holds; afterwards the connection is as it was (autocommit, own role). */
    public static <T> T read(Connection connection, MunicipalityCode tenant, Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        T result;
        try {
            scope(connection, tenant);
            result = work.run(connection);
        } catch (SQLException | RuntimeException e) {
            // The failure the caller must see: a connection it broke cannot be reset either, and that second
            // failure ("Connection is closed", no SQLState) must not hide the first (e.g. 08006, database gone).
            try {
                reset(connection);
            } catch (SQLException | RuntimeException resetFailed) {
                e.addSuppressed(resetFailed);
            }
            throw e;
        }
        reset(connection);
        return result;
    }

    private static void reset(Connection connection) throws SQLException {
        connection.rollback();                              // read-only by intent: nothing to keep
        connection.setAutoCommit(true);
    }

    private static void scope(Connection connection, MunicipalityCode tenant) throws SQLException {
        try (PreparedStatement scope = connection.prepareStatement(
                "SELECT set_config('role', 'hyoka_reader', true), set_config('hyoka.tenant', ?, true)")) {
            scope.setString(1, tenant.value());
            scope.executeQuery().close();
        }
    }
}
