package jp.hyoka.server.audit;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * Links events that have no link yet: those stored before the chain existed (a database migrated to V9), or
 * appended by a node of an older version during a rolling upgrade. Runs at every start before Axon starts. Events are
 * linked oldest first (global index), in batches, each batch one transaction taking the same head locks as live
 * appends. It looks only above {@link BackfillMark}'s mark and moves the mark to the head it settled first, so a start
 * reads the events appended since the previous backfill, not the whole store (issue 22: at 10⁶ events the unbounded
 * "any event without a link?" was the largest part of the start that grew with the store).
 */
@Singleton
public class EventChainBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(EventChainBackfill.class);
    private static final int BATCH = 1_000;

    private final DataSource dataSource;
    private final int batchSize;

    @Inject
    public EventChainBackfill(DataSource dataSource) {
        this(dataSource, BATCH);
    }

    /** With batches of {@code batchSize} events (tests: many batches over a few events). */
    EventChainBackfill(DataSource dataSource, int batchSize) {
        this.dataSource = dataSource;
        this.batchSize = batchSize;
    }

    /** The number of events linked. */
    public int chainUnchainedEvents() {
        int linked = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long from = BackfillMark.linkedThrough(connection);
                // Settled before the scan: every event at or below it is committed before the scan's first snapshot.
                OptionalLong settled = BackfillMark.settledHead(connection);
                // Each batch starts after the last event of the one before: every event is read once.
                for (long after = from; ; ) {
                    StoredEvents.UnchainedPage batch = linkBatch(connection, after);
                    if (batch.events().isEmpty()) {
                        break;
                    }
                    linked += batch.events().size();
                    after = batch.lastIndex();
                }
                if (settled.isPresent()) {
                    BackfillMark.advance(connection, settled.getAsLong());
                } else {
                    LOG.info("Appends in flight did not settle within {}: the hash-chain backfill mark stays at {}",
                            BackfillMark.LOCK_WAIT, from);
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not link the stored events into their hash chains", e);
        }
        if (linked > 0) {
            LOG.info("Linked {} events stored before the hash chain into their tenants' chains", linked);
        }
        return linked;
    }

    /** Links the next batch of unlinked events above global index {@code after}; returns it. */
    private StoredEvents.UnchainedPage linkBatch(Connection connection, long after) throws SQLException {
        try (Statement lock = connection.createStatement()) {
            // One backfill at a time across nodes, so two never pick the same unlinked events.
            lock.execute("SELECT pg_advisory_xact_lock(hashtext('hyoka.event_chain.backfill'))");
        }
        StoredEvents.UnchainedPage batch = StoredEvents.unchainedPage(connection, after, batchSize);
        if (!batch.events().isEmpty()) {
            ChainWriter.append(connection, batch.events());
        }
        connection.commit();
        return batch;
    }
}
