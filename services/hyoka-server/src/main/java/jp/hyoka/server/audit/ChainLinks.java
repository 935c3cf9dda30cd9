package jp.hyoka.server.audit;

import jakarta.inject.Singleton;
import jp.hyoka.domain.audit.ChainedEvent;
import jp.hyoka.server.axon.AppendedEvent;
import jp.hyoka.server.axon.EventAppendListener;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
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
            stored.add(StoredEvents.tenantEvent(new ChainedEvent(event.eventIdentifier(), event.aggregateIdentifier(),
                    event.sequenceNumber(), event.payloadType(), event.timestamp(),
                    new String(event.payload(), StandardCharsets.UTF_8))));
        }
        ChainWriter.append(connection, stored);
    }
}
