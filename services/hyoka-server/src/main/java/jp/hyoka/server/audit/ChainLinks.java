package jp.hyoka.server.audit;

import jakarta.inject.Singleton;
import jp.hyoka.domain.audit.ChainHead;
import jp.hyoka.domain.audit.ChainedEvent;
import jp.hyoka.domain.audit.EventChain;
import jp.hyoka.server.axon.AppendedEvent;
import jp.hyoka.server.axon.BesideInsert;
import jp.hyoka.server.axon.EventAppendListener;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Links every appended event into its tenant's hash chain, in the append's transaction; before Axon starts, links
 * the events stored before the chain existed ({@link EventChainBackfill}).
 */
@Singleton
public class ChainLinks implements EventAppendListener {

    private final EventChainBackfill backfill;

    public ChainLinks(EventChainBackfill backfill) {
        this.backfill = backfill;
    }

    @Override
    public void beforeStart() {
        backfill.chainUnchainedEvents();
    }

    /** Hashes the rows as written to the event table by this append: the bytes stored, not read back. */
    @Override
    public void appended(Connection connection, List<AppendedEvent> events) throws SQLException {
        List<TenantEvent> stored = new ArrayList<>(events.size());
        for (AppendedEvent event : events) {
            stored.add(tenantEvent(event));
        }
        ChainWriter.append(connection, stored);
    }

    /**
     * The chain's head lock is what orders a municipality's commits (held until the commit): the engine runs this
     * listener first, so that the other listeners' rows (the outbox's positions) are written under it.
     */
    @Override
    public boolean ordersCommits() {
        return true;
    }

    /**
     * The events of one tenant (every command's): its head locked in the events' insert round trip (after the insert,
     * as {@link ChainWriter#append} locks it after the insert, and before the other listeners' statements), then their
     * links written and the head moved: the same rows, one round trip less (infra/docs/hash-chain.md). A redaction
     * too: its outbox and snapshot writes (the general way) come after the lock either way, since this listener runs
     * first. Events of several tenants go the general way ({@link ChainWriter#append}: their heads in tenant order).
     */
    @Override
    public BesideInsert besideInsert(List<AppendedEvent> appended) {
        List<ChainedEvent> chained = new ArrayList<>(appended.size());
        String tenant = null;
        for (AppendedEvent event : appended) {
            TenantEvent linked = tenantEvent(event);
            if (tenant != null && !tenant.equals(linked.tenant())) {
                return BesideInsert.GENERAL_WAY;
            }
            tenant = linked.tenant();
            chained.add(linked.event());
        }
        String chain = tenant;
        return new BesideInsert.Sql() {
            private ChainHead head;

            @Override
            public String sql() {
                return ChainWriter.LOCK_HEAD;
            }

            @Override
            public int bind(PreparedStatement statement, int first) throws SQLException {
                return ChainWriter.bindLockHead(statement, first, chain);
            }

            @Override
            public void executed(Statement statement) throws SQLException {
                try (ResultSet returned = statement.getResultSet()) {
                    head = ChainWriter.head(returned);
                }
            }

            @Override
            public void finish(Connection connection) throws SQLException {
                ChainWriter.insertAndMoveHead(connection, chain, EventChain.extend(chain, head, chained));
            }
        };
    }

    /** The row as hashed, on the chain {@link StoredEvents#tenantOfAppended} names (as verification will name it). */
    private static TenantEvent tenantEvent(AppendedEvent event) {
        return new TenantEvent(StoredEvents.tenantOfAppended(event.message().getPayload(), event.payload()),
                new ChainedEvent(event.eventIdentifier(), event.aggregateIdentifier(), event.sequenceNumber(),
                        event.payloadType(), event.timestamp(), new String(event.payload(), StandardCharsets.UTF_8)));
    }
}
