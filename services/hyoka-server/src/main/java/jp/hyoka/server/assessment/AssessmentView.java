package jp.hyoka.server.assessment;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.shared.Actor;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The head of one 評価書 as the read model holds it, with where it is in its publication cycle: the version being
 * drafted or last published, whether it is published, and the last 公表日 (null if never published or not known).
 */
public record AssessmentView(AssessmentId id, FormRef form, String affairName, long revision, Instant createdAt,
                             Actor createdBy, Instant updatedAt, Actor updatedBy, int version, boolean published,
                             LocalDate publishedOn) {
}
