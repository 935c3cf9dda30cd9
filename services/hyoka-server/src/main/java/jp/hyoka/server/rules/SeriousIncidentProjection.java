package jp.hyoka.server.rules;

import jakarta.inject.Singleton;
import jp.hyoka.domain.rules.incidents.SeriousIncidentRecorded;
import jp.hyoka.server.axon.AxonConnections;
import jp.hyoka.server.axon.ReadModelProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

/** Keeps rm_serious_incident (V16): the municipality's 重大事故, which every assessment's deadlines count from. */
@Singleton
@ProcessingGroup(ReadModelProjection.PROCESSING_GROUP)
public class SeriousIncidentProjection implements ReadModelProjection {

    private final AxonConnections connections;

    public SeriousIncidentProjection(AxonConnections connections) {
        this.connections = connections;
    }

    @Override
    public int order() {
        return 41;
    }

    @Override
    public ReadModelProjection writingThrough(AxonConnections other) {
        return new SeriousIncidentProjection(other);
    }

    @EventHandler
    void on(SeriousIncidentRecorded event, @SequenceNumber long sequence) throws SQLException {
        try (Connection connection = connections.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO rm_serious_incident (tenant_code, incident_id, position, discovered_on,
                         specific_personal_information, summary, recorded_by_id, recorded_by_name, recorded_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            insert.setString(1, event.tenant().value());
            insert.setObject(2, event.incidentId());
            insert.setLong(3, sequence + 1);
            insert.setDate(4, Date.valueOf(event.discoveredOn()));
            insert.setBoolean(5, event.specificPersonalInformation());
            insert.setString(6, event.summary());
            insert.setString(7, event.by().userId());
            insert.setString(8, event.by().displayName());
            insert.setTimestamp(9, Timestamp.from(event.at()));
            insert.executeUpdate();
        }
    }
}
