package jp.hyoka.server.database;

import jakarta.inject.Singleton;
import jp.hyoka.domain.shared.MunicipalityCode;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Runs a tenant's reads as the row-level-security role {@code hyoka_reader} with {@code hyoka.tenant} set to the
 * caller's municipality (migration V6): the database itself then hides every other municipality's rows, whatever
 * the SQL says. Both settings are transaction-local, so a pooled connection carries neither to its next user.
 * <p>
 * {@link #query} does it in one round trip: {@code BEGIN}, the scope, the caller's SQL and {@code ROLLBACK} are one
 * multi-statement execution, which the PostgreSQL driver sends as one series of extended-protocol messages before a
 * single Sync. The explicit {@code BEGIN} keeps the scope's settings for the caller's SQL however the driver
 * groups its messages; on any failure an explicit {@code ROLLBACK} ends the transaction before the connection goes
 * back to the pool.
 */
@Singleton
public class TenantScopedReads {

    /** The work done on a connection scoped to one tenant. */
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** What the caller reads from its statement, executed and positioned at the result of its SQL's first query. */
    public interface Results<T> {
        T read(PreparedStatement statement) throws SQLException;
    }

    private static final String SCOPE =
            "SELECT set_config('role', 'hyoka_reader', true), set_config('hyoka.tenant', ?, true)";
    /** The scope's one parameter comes first: the caller's parameters follow it. */
    private static final String SCOPED = "BEGIN;\n" + SCOPE + ";\n";
    /**
     * The same in one snapshot: under READ COMMITTED each statement of a transaction sees what was committed when it
     * began, so several SELECTs could see two states of a document (its row at one revision, its answers at the
     * next); REPEATABLE READ gives all of them the snapshot of the first. Read only: it can never fail to serialise.
     */
    private static final String SCOPED_SNAPSHOT = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;\n" + SCOPE + ";\n";
    /** The same as a transaction's first statement, when the driver begins the transaction (outside autocommit). */
    private static final String SNAPSHOT = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";
    private static final String END = ";\nROLLBACK";

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

    /**
     * Runs {@code sql} (one query, or several separated by {@code ;}) scoped to {@code tenant} in one round trip on a
     * pooled connection: {@code binder} numbers the parameters of {@code sql} from 1 as usual, and {@code results}
     * reads its results (its first is current; {@link Statement#getMoreResults()} moves to the next query's).
     */
    public <T> T query(MunicipalityCode tenant, String sql, TenantQueries.Binder binder, Results<T> results) {
        return query(tenant, sql, binder, results, false);
    }

    /**
     * As {@link #query}, every query of {@code sql} seeing one snapshot of the database (REPEATABLE READ): what
     * several SELECTs read together is one consistent state (a document's row, answers and entries at one revision).
     */
    public <T> T queryOneSnapshot(MunicipalityCode tenant, String sql, TenantQueries.Binder binder,
                                  Results<T> results) {
        return query(tenant, sql, binder, results, true);
    }

    private <T> T query(MunicipalityCode tenant, String sql, TenantQueries.Binder binder, Results<T> results,
                        boolean oneSnapshot) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getAutoCommit()) {              // not the pool's default: keep to the transaction's rules
                return held(connection, tenant, oneSnapshot ? snapshotScope(connection) : SCOPE, sql, binder,
                        results);
            }
            return query(connection, oneSnapshot ? SCOPED_SNAPSHOT : SCOPED, tenant, sql, binder, results);
        } catch (SQLException e) {
            throw new IllegalStateException("tenant-scoped read failed", e);
        }
    }

    private static <T> T held(Connection connection, MunicipalityCode tenant, String scope, String sql,
                              TenantQueries.Binder binder, Results<T> results) throws SQLException {
        return read(connection, tenant, scope, held -> {
            try (PreparedStatement statement = held.prepareStatement(sql)) {
                binder.bind(statement);
                statement.execute();
                return results.read(statement);
            }
        });
    }

    /**
     * The scope of a read in one snapshot on a connection outside autocommit. The isolation is the transaction's own,
     * set by its first statement in the scope's round trip, never the connection's ({@code setTransactionIsolation}
     * changes the session's default, and the driver refuses it once the transaction has run a statement). A
     * transaction already under way is refused: the read ends by rolling its transaction back (the scope must not
     * outlive it), which would silently discard the caller's work.
     */
    private static String snapshotScope(Connection connection) throws SQLException {
        if (connection.unwrap(BaseConnection.class).getTransactionState() != TransactionState.IDLE) {
            throw new IllegalStateException("A read in one snapshot cannot join a transaction already under way: "
                    + "it ends by rolling its own transaction back, which would discard the caller's work.");
        }
        return SNAPSHOT + ";\n" + SCOPE;
    }

    private static <T> T query(Connection connection, String scoped, MunicipalityCode tenant, String sql,
                               TenantQueries.Binder binder, Results<T> results) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(scoped + sql + END)) {
            statement.setString(1, tenant.value());
            binder.bind(afterScope(statement));
            statement.execute();                            // BEGIN's count
            statement.getMoreResults();                     // the scope's row
            statement.getMoreResults();                     // the first result of sql
            return results.read(statement);                 // ROLLBACK has run already
        } catch (SQLException | RuntimeException e) {
            // A failed statement leaves the transaction aborted (and the rest unrun): end it before the pool takes
            // the connection back. After a failure of results alone ROLLBACK has run; a second one only warns.
            try (Statement rollback = connection.createStatement()) {
                rollback.execute("ROLLBACK");
            } catch (SQLException | RuntimeException rollbackFailed) {
                e.addSuppressed(rollbackFailed);
            }
            throw e;
        }
    }

    /**
     * {@code statement} as the caller's binder sees it: parameter {@code n} of its SQL is {@code n + 1} of the whole
     * (the scope's tenant is the first). Only the parameter setters (an int index and a value) are renumbered.
     */
    private static PreparedStatement afterScope(PreparedStatement statement) {
        return (PreparedStatement) Proxy.newProxyInstance(TenantScopedReads.class.getClassLoader(),
                new Class<?>[]{PreparedStatement.class}, (proxy, method, args) -> {
                    if (args != null && args.length >= 2 && method.getName().startsWith("set")
                            && method.getParameterTypes()[0] == int.class) {
                        args[0] = (Integer) args[0] + 1;
                    }
                    try {
                        return method.invoke(statement, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The same on a connection the caller holds; afterwards the connection is as it was (autocommit, own role). */
    public static <T> T read(Connection connection, MunicipalityCode tenant, Work<T> work) throws SQLException {
        return read(connection, tenant, SCOPE, work);
    }

    private static <T> T read(Connection connection, MunicipalityCode tenant, String scope, Work<T> work)
            throws SQLException {
        connection.setAutoCommit(false);
        T result;
        try {
            scope(connection, scope, tenant);
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

    /** {@code scope}: the scope's SELECT (its one parameter the tenant), after what a transaction begins with. */
    private static void scope(Connection connection, String scope, MunicipalityCode tenant) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(scope)) {
            statement.setString(1, tenant.value());
            statement.execute();
        }
    }
}
