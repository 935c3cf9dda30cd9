package jp.hyoka.server.assessment;

import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.shared.Actor;

import java.time.Instant;
import java.util.List;

/** The current answer of one item in one repeat entry (none outside groups), with who gave it and when. */
public record AnswerView(String itemId, List<String> entries, Answer answer, long revision, Instant answeredAt,
                         Actor answeredBy) {
}
