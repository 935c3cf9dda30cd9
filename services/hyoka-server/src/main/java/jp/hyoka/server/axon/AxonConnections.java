package jp.hyoka.server.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Connections for everything Axon drives: the event store, the token store and the projections. Inside a unit of
 * work they all share one connection with auto-commit off, committed or rolled back with the unit of work. So an
 * append is one transaction, and a projection batch commits its rows and its token together or not at all.
 * Outside a unit of work (token claims, event polling) a plain auto-commit connection is used.
 */
public final class AxonConnections implements ConnectionProvider {

    /**
     * The transaction manager of a tracking processor whose unit of work uses these connections. It starts nothing:
     * the unit of work's connection is the transaction (auto-commit off, committed or rolled back with the unit of
     * work). Told of a transaction manager (unlike {@code NoTransactionManager}), Axon's tracking processor stores a
     * batch's token at the batch's start, in that transaction (the token row stays locked until it commits), where
     * otherwise it claims the token at the start (a SELECT FOR UPDATE and an UPDATE) and stores it at the end (another
     * UPDATE): two round trips and a token deserialization fewer per batch, the same atomicity (BENCHMARKS.md row 6).
     */
    public static final TransactionManager PROCESSOR_TRANSACTIONS = () -> new Transaction() {
        @Override
        public void commit() {
            // the unit of work commits its connection
        }

        @Override
        public void rollback() {
            // the unit of work rolls its connection back
        }
    };

    /** Where Axon's wrapper keeps the unit of work's connection (UnitOfWorkAwareConnectionProviderWrapper). */
    private static final String UNIT_OF_WORK_CONNECTION = Connection.class.getName();

    private final DataSource dataSource;
    private final ConnectionProvider unitOfWorkAware;

    public AxonConnections(DataSource dataSource) {
        this.dataSource = dataSource;
        this.unitOfWorkAware = new UnitOfWorkAwareConnectionProviderWrapper(() -> {
            Connection connection = dataSource.getConnection();
            if (insideUnitOfWork()) {
                connection.setAutoCommit(false);
            }
            return connection;
        });
    }

    @Override
    public Connection getConnection() throws SQLException {
        return unitOfWorkAware.getConnection();
    }

    /**
     * A connection for one read (an aggregate's events): the unit of work's if it already holds one (the read then
     * sees what it wrote), otherwise an auto-commit connection of the pool's, not attached to the unit of work. A
     * load is a single statement, whose snapshot under READ COMMITTED is the same inside or outside a transaction;
     * reading outside one spares a unit of work that writes nothing (a refused command, a load alone) the
     * transaction's end, one more round trip. A unit of work that writes later gets its connection then. The caller
     * closes the connection (the unit of work's is closed only when the unit of work ends).
     */
    public Connection forRead() throws SQLException {
        if (insideUnitOfWork() && CurrentUnitOfWork.get().root().getResource(UNIT_OF_WORK_CONNECTION) != null) {
            return unitOfWorkAware.getConnection();
        }
        return dataSource.getConnection();
    }

    /** The same condition under which the wrapper attaches the connection to the unit of work. */
    private static boolean insideUnitOfWork() {
        return CurrentUnitOfWork.isStarted()
                && !CurrentUnitOfWork.get().phase().isAfter(UnitOfWork.Phase.PREPARE_COMMIT);
    }
}
