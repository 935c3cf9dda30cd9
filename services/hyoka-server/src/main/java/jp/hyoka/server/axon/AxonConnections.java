package jp.hyoka.server.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
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

    private final ConnectionProvider unitOfWorkAware;

    public AxonConnections(DataSource dataSource) {
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

    /** The same condition under which the wrapper attaches the connection to the unit of work. */
    private static boolean insideUnitOfWork() {
        return CurrentUnitOfWork.isStarted()
                && !CurrentUnitOfWork.get().phase().isAfter(UnitOfWork.Phase.PREPARE_COMMIT);
    }
}
