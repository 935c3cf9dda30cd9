package jp.hyoka.server.axon;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The revision an assessment is at in the event store itself (its event count), which the read models may not
 * show yet. Used when a write loses a race on another node: the client is told the revision that won, not the one
 * this node's read models happen to have reached.
 */
@Singleton
public class StoredRevisions {

    private final DataSource dataSource;

    public StoredRevisions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** 0 if the assessment has no events. */
    public long revision(AssessmentId id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT max(sequenceNumber) FROM domainevententry WHERE aggregateIdentifier = ?")) {
            select.setString(1, id.toString());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                long lastSequence = row.getLong(1);
                return row.wasNull() ? 0 : lastSequence + 1;       // sequence 0 is revision 1
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the stored revision of " + id, e);
        }
    }
}
