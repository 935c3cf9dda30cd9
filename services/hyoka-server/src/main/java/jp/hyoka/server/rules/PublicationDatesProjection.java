package jp.hyoka.server.rules;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.Reassessments;
import jp.hyoka.domain.assessment.event.AffairEnded;
import jp.hyoka.domain.assessment.event.VersionPublished;
import jp.hyoka.server.axon.AxonConnections;
import jp.hyoka.server.axon.ReadModelProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Keeps rm_publication (V14) and rm_affair_end (V16, the day the 事務 ended): each published version's 公表日 and whether it was a (re-)assessment
 * ({@link Reassessments}: the first, one with a 事前 change, or one with a new ①実施日), which the deadlines count from.
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
        boolean reassessment = Reassessments.isReassessment(event);
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

    /** The last end recorded wins: a later record corrects the date. */
    @EventHandler
    void on(AffairEnded event, @SequenceNumber long sequence) throws SQLException {
        try (Connection connection = connections.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     INSERT INTO rm_affair_end (tenant_code, assessment_id, ended_on, revision) VALUES (?, ?, ?, ?)
                     ON CONFLICT (tenant_code, assessment_id) DO UPDATE SET ended_on = EXCLUDED.ended_on,
                         revision = EXCLUDED.revision WHERE rm_affair_end.revision < EXCLUDED.revision""")) {
            upsert.setString(1, event.tenant().value());
            upsert.setObject(2, event.assessmentId().value());
            upsert.setDate(3, Date.valueOf(event.endedOn()));
            upsert.setLong(4, sequence + 1);
            upsert.executeUpdate();
        }
    }
}
