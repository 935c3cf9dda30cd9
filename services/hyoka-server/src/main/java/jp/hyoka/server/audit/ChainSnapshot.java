package jp.hyoka.server.audit;

import jp.hyoka.domain.audit.ChainHead;
import jp.hyoka.domain.audit.ChainLink;
import jp.hyoka.domain.audit.StoredLink;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * One tenant's chain, head and events read in a single repeatable-read transaction: a concurrent append is either
 * wholly visible or not at all, so it can never look like a head that does not match its last link.
 */
final class ChainSnapshot {

    /** What is done with each stored link, in position order. */
    interface LinkVisitor {
        void visit(StoredLink link) throws SQLException;
    }

    /** The reading done on the snapshot. */
    interface Work<T> {
        T run(ChainSnapshot snapshot) throws SQLException;
    }

    private static final int FETCH_SIZE = 500;

    private final Connection connection;
    private final String tenant;

    private ChainSnapshot(Connection connection, String tenant) {
        this.connection = connection;
        this.tenant = tenant;
    }

    static <T> T read(DataSource dataSource, String tenant, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                return work.run(new ChainSnapshot(connection, tenant));
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the event chain of " + tenant, e);
        }
    }

    ChainHead recordedHead() throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT chain_position, hash FROM event_chain_head WHERE tenant_code = ?")) {
            select.setString(1, tenant);
            try (ResultSet head = select.executeQuery()) {
                return head.next() ? new ChainHead(head.getLong(1), head.getString(2)) : ChainHead.EMPTY;
            }
        }
    }

    /** Every link in position order with its event as stored now (streamed: a long chain is never all in memory). */
    void forEachLink(LinkVisitor visitor) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT c.chain_position, c.event_identifier AS "
                + "linked_event, c.previous_hash, c.hash, " + StoredEvents.COLUMNS + " FROM event_chain c "
                + "LEFT JOIN domainevententry d ON d.eventidentifier = c.event_identifier "
                + "WHERE c.tenant_code = ? ORDER BY c.chain_position")) {
            select.setFetchSize(FETCH_SIZE);
            select.setString(1, tenant);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ChainLink link = new ChainLink(rows.getLong("chain_position"), rows.getString("linked_event"),
                            rows.getString("previous_hash"), rows.getString("hash"));
                    boolean eventStored = rows.getString("eventidentifier") != null;
                    visitor.visit(new StoredLink(link,
                            eventStored ? Optional.of(StoredEvents.event(rows)) : Optional.empty()));
                }
            }
        }
    }

    /** Stored events of this tenant that have no link (there should be none). */
    List<String> unchainedEventIds() throws SQLException {
        List<String> ids = new ArrayList<>();
        for (TenantEvent event : StoredEvents.unchained(connection, Integer.MAX_VALUE)) {
            if (event.tenant().equals(tenant)) {
                ids.add(event.event().eventId());
            }
        }
        return ids;
    }
}
