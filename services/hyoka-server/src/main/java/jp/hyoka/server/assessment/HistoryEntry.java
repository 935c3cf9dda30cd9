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
 * caused the event (null for events recorded before commands were). {@code line} numbers the lines of one revision
 * from 0: only an import's {@code DocumentContentImported} has more than one (one per entry and answer).
 */
public record HistoryEntry(long revision, String eventType, String itemId, List<String> entries, Answer oldAnswer,
                           Answer newAnswer, String reason, Actor actor, Instant at, Map<String, Object> detail,
                           AssessmentId assessmentId, String command, int line) {

    /**
     * Where this line is in its assessment's history, as cursors and node keys spell it: the revision alone for
     * line 0 (every event's only line, and every cursor handed out before lines existed), else revision.line.
     */
    public String position() {
        return position(revision, line);
    }

    public static String position(long revision, int line) {
        return line == 0 ? Long.toString(revision) : revision + "." + line;
    }

    /** The revision and line of a {@link #position()}; empty if the text is not one. */
    public static java.util.Optional<long[]> parsePosition(String position) {
        if (position == null || !position.matches("(0|[1-9][0-9]{0,17})(\\.[1-9][0-9]{0,8})?")) {
            return java.util.Optional.empty();
        }
        int dot = position.indexOf('.');
        return java.util.Optional.of(dot < 0 ? new long[]{Long.parseLong(position), 0}
                : new long[]{Long.parseLong(position.substring(0, dot)), Long.parseLong(position.substring(dot + 1))});
    }

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
                new AssessmentId(row.getObject("assessment_id", UUID.class)), row.getString("command"),
                row.getInt("line"));
    }
}
