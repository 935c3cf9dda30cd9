package jp.hyoka.server.rules;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.PublishedChange;
import jp.hyoka.domain.assessment.event.VersionPublished;
import jp.hyoka.domain.importing.annex.SubmissionTiming;
import jp.hyoka.server.axon.AxonConnections;
import jp.hyoka.server.axon.ReadModelProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Keeps rm_publication (V14): each published version's 公表日 and whether it was a (re-)assessment — the first
 * version, or one with a 事前 change (a 重要な変更 re-assessed before it took effect) — which the deadlines count from.
 */
@Singleton
@ProcessingGroup(ReadModelProjection.PROCESSING_GROUP)
public class PublicationDatesProjection implements ReadModelProjection {

    private final AxonConnections connections;

    public PublicationDatesProjection(AxonConnections connections) {
        this.connections = connections;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public ReadModelProjection writingThrough(AxonConnections other) {
        return new PublicationDatesProjection(other);
    }

    @EventHandler
    void on(VersionPublished event) throws SQLException {
        boolean reassessment = event.version() == 1
                || event.changes().stream().map(PublishedChange::timing).anyMatch(SubmissionTiming.BEFORE::equals);
        try (Connection connection = connections.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO rm_publication (tenant_code, assessment_id, version, published_on, reassessment)
                     VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            insert.setString(1, event.tenant().value());
            insert.setObject(2, event.assessmentId().value());
            insert.setInt(3, event.version());
            insert.setDate(4, Date.valueOf(event.publishedOn()));
            insert.setBoolean(5, reassessment);
            insert.executeUpdate();
        }
    }
}
