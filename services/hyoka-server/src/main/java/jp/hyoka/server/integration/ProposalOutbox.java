package jp.hyoka.server.integration;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.event.ComponentInserted;
import jp.hyoka.domain.assessment.event.ComponentVersionAdopted;
import jp.hyoka.domain.components.event.ComponentVersionPublished;
import jp.hyoka.domain.integration.IntegrationEvents;
import jp.hyoka.server.axon.AxonConnections;
import jp.hyoka.server.axon.ReadModelProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Tells outside the proposals the shared-component fan-out raised: proposals are derived by the read-model processor
 * (the components feature's ComponentUseProjection, order 30), not events of a document, so their integration events
 * are written here, right after, in the same processor transaction — committed with the proposals or not at all.
 * Each is named by its document, use and version, so raising them again adds no row; a read-model rebuild (which
 * derives the proposals again in shadow tables) tells nothing.
 * Reads rm_component_proposal, the components feature's read model: the one place integration depends on it.
 */
@Singleton
@ProcessingGroup(ReadModelProjection.PROCESSING_GROUP)
public class ProposalOutbox implements ReadModelProjection {

    private final AxonConnections connections;
    /** False in a read-model rebuild: the outbox is no read model, and a rebuild must not tell anything again. */
    private final boolean live;

    @jakarta.inject.Inject
    public ProposalOutbox(AxonConnections connections) {
        this(connections, true);
    }

    private ProposalOutbox(AxonConnections connections, boolean live) {
        this.connections = connections;
        this.live = live;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public ReadModelProjection writingThrough(AxonConnections other) {
        return new ProposalOutbox(other, false);
    }

    @EventHandler
    void on(ComponentVersionPublished event) throws SQLException {
        tell("component_id = ? AND to_version = ?", event.componentId().value(), event.version());
    }

    /** A use inserted behind the latest version gets its proposal at once. */
    @EventHandler
    void on(ComponentInserted event) throws SQLException {
        tell("assessment_id = ?::uuid AND use_id = ?", event.assessmentId().toString(), event.useId());
    }

    @EventHandler
    void on(ComponentVersionAdopted event) throws SQLException {
        tell("assessment_id = ?::uuid AND use_id = ?", event.assessmentId().toString(), event.useId());
    }

    private void tell(String condition, Object first, Object second) throws SQLException {
        if (!live) {
            return;
        }
        try (Connection connection = connections.getConnection()) {
            List<OutboxRows.Pending> rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT tenant_code, assessment_id, use_id, component_id, from_version, to_version, raised_at
                    FROM rm_component_proposal WHERE status = 'PENDING'""" + " AND " + condition)) {
                select.setObject(1, first);
                select.setObject(2, second);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        String assessment = row.getObject("assessment_id", UUID.class).toString();
                        String use = row.getString("use_id");
                        int to = row.getInt("to_version");
                        rows.add(new OutboxRows.Pending("proposal|" + assessment + "|" + use + "|" + to,
                                IntegrationEvents.proposalRaised(row.getString("tenant_code"), assessment, use,
                                        row.getString("component_id"), row.getInt("from_version"), to,
                                        row.getTimestamp("raised_at").toInstant())));
                    }
                }
            }
            OutboxRows.insert(connection, rows);
        }
    }
}
