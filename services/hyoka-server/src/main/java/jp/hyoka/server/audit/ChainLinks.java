package jp.hyoka.server.audit;

import jakarta.inject.Singleton;
import jp.hyoka.server.axon.EventAppendListener;
import org.axonframework.eventhandling.EventMessage;

import java.sql.Connection;
import java.sql.SQLException;
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

    @Override
    public void appended(Connection connection, List<? extends EventMessage<?>> events) throws SQLException {
        ChainWriter.append(connection, StoredEvents.byIdentifiers(connection,
                events.stream().map(EventMessage::getIdentifier).toList()));
    }
}
