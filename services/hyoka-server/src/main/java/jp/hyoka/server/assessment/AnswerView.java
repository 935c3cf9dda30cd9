package jp.hyoka.server.assessment;

import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.shared.Actor;

import java.time.Instant;

/** The current answer of one item, with who gave it and at which revision. */
public record AnswerView(String itemId, Answer answer, long revision, Instant answeredAt, Actor answeredBy) {
}
