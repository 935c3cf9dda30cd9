package jp.hyoka.server.assessment;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.shared.Actor;

import java.time.Instant;

/** The head of one 評価書 as the read model holds it. */
public record AssessmentView(AssessmentId id, FormRef form, String affairName, long revision, Instant createdAt,
                             Actor createdBy, Instant updatedAt, Actor updatedBy) {
}
