package jp.hyoka.server.assessment;

import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.shared.Actor;

import java.time.Instant;

/** One line of an assessment's audit trail; old and new answers are null where there was none. */
public record HistoryEntry(long revision, String eventType, String itemId, Answer oldAnswer, Answer newAnswer,
                           String reason, Actor actor, Instant at) {
}
