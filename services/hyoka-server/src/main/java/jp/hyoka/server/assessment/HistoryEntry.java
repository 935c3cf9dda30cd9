package jp.hyoka.server.assessment;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.shared.Actor;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One line of an assessment's audit trail; old and new answers are null where there was none. {@code detail} holds
 * what entry events and form migrations record beyond an item's before and after; {@code command} the command that
 * caused the event (null for events recorded before commands were).
 */
public record HistoryEntry(long revision, String eventType, String itemId, List<String> entries, Answer oldAnswer,
                           Answer newAnswer, String reason, Actor actor, Instant at, Map<String, Object> detail,
                           AssessmentId assessmentId, String command) {
}
