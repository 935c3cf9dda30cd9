package jp.hyoka.server.assessment;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.assessment.event.ItemAnswerCleared;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.server.axon.AxonConnections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static jp.hyoka.server.assessment.ReadModels.timestamp;
import static jp.hyoka.server.assessment.ReadModels.toJson;

/** One rm_edit_history row per event: who changed which item, from what to what, when and why. */
@Singleton
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class EditHistoryProjection {

    private final AxonConnections connections;

    public EditHistoryProjection(AxonConnections connections) {
        this.connections = connections;
    }

    @EventHandler
    void on(AssessmentStarted event, @SequenceNumber long sequence) throws SQLException {
        record(event, sequence, "affair.name", null, new TextAnswer(event.affairName()), null);
    }

    @EventHandler
    void on(ItemAnswered event, @SequenceNumber long sequence) throws SQLException {
        record(event, sequence, event.itemId().value(), event.previousAnswer(), event.answer(), event.reason());
    }

    @EventHandler
    void on(ItemAnswerCleared event, @SequenceNumber long sequence) throws SQLException {
        record(event, sequence, event.itemId().value(), event.previousAnswer(), null, event.reason());
    }

    private void record(AssessmentEvent event, long sequence, String itemId, Answer before, Answer after,
                        String reason) throws SQLException {
        try (Connection connection = connections.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO rm_edit_history (tenant_code, assessment_id, revision, event_type, item_id,
                         old_answer, new_answer, reason, actor_id, actor_name, occurred_at)
                     VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            insert.setString(1, event.tenant().value());
            insert.setObject(2, event.assessmentId().value());
            insert.setLong(3, sequence + 1);
            insert.setString(4, event.getClass().getSimpleName());
            insert.setString(5, itemId);
            insert.setString(6, toJson(before));
            insert.setString(7, toJson(after));
            insert.setString(8, reason);
            insert.setString(9, event.by().userId());
            insert.setString(10, event.by().displayName());
            insert.setTimestamp(11, timestamp(event.at()));
            insert.executeUpdate();
        }
    }
}
