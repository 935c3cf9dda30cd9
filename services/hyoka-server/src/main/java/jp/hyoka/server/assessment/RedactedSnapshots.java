package jp.hyoka.server.assessment;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.event.PersonalDataRedacted;
import jp.hyoka.server.axon.AppendedEvent;
import jp.hyoka.server.axon.BesideInsert;
import jp.hyoka.server.axon.EventAppendListener;
import org.axonframework.eventhandling.DomainEventMessage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A redaction deletes the assessment's snapshots in its own transaction: a snapshot taken before it holds the text
 * it withholds. The events still hold it (they are never rewritten, so the hash chain verifies), but no copy of the
 * folded state is kept with it; the aggregate is snapshotted again right after the redaction
 * ({@link AssessmentAxonModule}), from events whose fold withholds the text.
 */
@Singleton
public class RedactedSnapshots implements EventAppendListener {

    /** An append without a redaction has nothing to delete; one with a redaction goes the general way. */
    @Override
    public BesideInsert besideInsert(List<AppendedEvent> events) {
        return events.stream().anyMatch(event -> event.message().getPayload() instanceof PersonalDataRedacted)
                ? BesideInsert.GENERAL_WAY : BesideInsert.NOTHING;
    }

    @Override
    public void appended(Connection connection, List<AppendedEvent> events) throws SQLException {
        List<String> redacted = events.stream()
                .filter(event -> event.message() instanceof DomainEventMessage<?>
                        && event.message().getPayload() instanceof PersonalDataRedacted)
                .map(AppendedEvent::aggregateIdentifier)
                .distinct().toList();
        if (redacted.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM snapshotevententry WHERE aggregateidentifier = ANY (?)")) {
            delete.setArray(1, connection.createArrayOf("varchar", redacted.toArray()));
            delete.executeUpdate();
        }
    }
}
