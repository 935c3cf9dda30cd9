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
 * wholly visible or not at all, so it can never look like a head that does not match its last link. Open while a
 * bundle streams ({@link #open}, {@link #close}), or for one piece of work ({@link #read}).
 */
final class ChainSnapshot implements AutoCloseable {

    /** What is done with each stored link, in position order. */
    interface LinkVisitor {
        void visit(StoredLink link) throws SQLException;
    }

    /** The reading done on the snapshot. */
    interface Work<T> {
        T run(ChainSnapshot snapshot) throws SQLException;
    }

    /** Links in position order, read from a cursor ({@link #FETCH_SIZE} rows at a time, never all in memory). */
    final class Links implements AutoCloseable {

        private final PreparedStatement select;
        private final ResultSet rows;

        private Links(long upTo) throws SQLException {
            select = connection.prepareStatement("SELECT c.chain_position, c.event_identifier AS "
                    + "linked_event, c.previous_hash, c.hash, " + StoredEvents.COLUMNS + " FROM event_chain c "
                    + "LEFT JOIN domainevententry d ON d.eventidentifier = c.event_identifier "
                    + "WHERE c.tenant_code = ? AND c.chain_position <= ? ORDER BY c.chain_position");
            select.setFetchSize(FETCH_SIZE);
            select.setString(1, tenant);
            select.setLong(2, upTo);
            rows = select.executeQuery();
        }

        /** The next link, or empty after the last. */
        Optional<StoredLink> next() throws SQLException {
            if (!rows.next()) {
                return Optional.empty();
            }
            ChainLink link = new ChainLink(rows.getLong("chain_position"), rows.getString("linked_event"),
                    rows.getString("previous_hash"), rows.getString("hash"));
            boolean eventStored = rows.getString("eventidentifier") != null;
            return Optional.of(new StoredLink(link,
                    eventStored ? Optional.of(StoredEvents.event(rows)) : Optional.empty()));
        }

        @Override
        public void close() throws SQLException {
            select.close();
        }
    }

    private static final int FETCH_SIZE = 500;

    private final Connection connection;
    private final String tenant;

    private ChainSnapshot(Connection connection, String tenant) {
        this.connection = connection;
        this.tenant = tenant;
    }

    static <T> T read(DataSource dataSource, String tenant, Work<T> work) {
        try (ChainSnapshot snapshot = open(dataSource, tenant)) {
            return work.run(snapshot);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the event chain of " + tenant, e);
        }
    }

    /** Begins the snapshot on a pooled connection, held until {@link #close}. */
    static ChainSnapshot open(DataSource dataSource, String tenant) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            return new ChainSnapshot(connection, tenant);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /** Ends the transaction (nothing was written) and gives the connection back as the pool lent it. */
    @Override
    public void close() throws SQLException {
        try (connection) {
            connection.rollback();
            connection.setReadOnly(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            connection.setAutoCommit(true);
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

    /** How many links there are up to {@code position}. */
    long linksUpTo(long position) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM event_chain WHERE tenant_code = ? AND chain_position <= ?")) {
            count.setString(1, tenant);
            count.setLong(2, position);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The links up to {@code position} (inclusive); the caller closes them. */
    Links links(long position) throws SQLException {
        return new Links(position);
    }

    /** Every link in position order with its event as stored now (streamed: a long chain is never all in memory). */
    void forEachLink(LinkVisitor visitor) throws SQLException {
        try (Links links = links(Long.MAX_VALUE)) {
            for (Optional<StoredLink> link = links.next(); link.isPresent(); link = links.next()) {
                visitor.visit(link.get());
            }
        }
    }

    /** Stored events of this tenant that have no link (there should be none), in all of the store. */
    List<String> unchainedEventIds() throws SQLException {
        List<String> ids = new ArrayList<>();
        for (TenantEvent event : StoredEvents.unchained(connection, 0, Integer.MAX_VALUE)) {
            if (event.tenant().equals(tenant)) {
                ids.add(event.event().eventId());
            }
        }
        return ids;
    }
}
