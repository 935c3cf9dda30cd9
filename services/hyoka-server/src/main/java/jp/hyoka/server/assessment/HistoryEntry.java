package jp.hyoka.server.assessment;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.shared.Actor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One line of an assessment's audit trail; old and new answers are null where there was none. {@code detail} holds
 * what entry events and form migrations record beyond an item's before and after; {@code command} the command that
 * caused the event (null for events recorded before commands were).
 */
public record HistoryEntry(long revision, String eventType, String itemId, List<String> entries, Answer oldAnswer,
                           Answer newAnswer, String reason, Actor actor, Instant at, Map<String, Object> detail,
                           AssessmentId assessmentId, String command) {

    /** The line at the cursor of {@code row}, a row of rm_edit_history. */
    @SuppressWarnings("unchecked")
    public static HistoryEntry read(ResultSet row) throws SQLException {
        String detail = row.getString("detail");
        return new HistoryEntry(row.getLong("revision"), row.getString("event_type"), row.getString("item_id"),
                EntryPaths.split(row.getString("entry_path")), ReadModels.fromJson(row.getString("old_answer")),
                ReadModels.fromJson(row.getString("new_answer")), row.getString("reason"),
                new Actor(row.getString("actor_id"), row.getString("actor_name")),
                row.getTimestamp("occurred_at").toInstant(),
                detail == null ? Map.of() : ReadModels.fromDetailJson(detail, Map.class),
                new AssessmentId(row.getObject("assessment_id", UUID.class)), row.getString("command"));
    }
}
