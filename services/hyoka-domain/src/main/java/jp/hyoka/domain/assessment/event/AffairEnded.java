package jp.hyoka.domain.assessment.event;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The 事務 the assessment covers ended on {@code endedOn}; a later one with another date corrects it. From then on
 * no yearly review or re-assessment falls due after that date, and the document stays published for three years.
 */
public record AffairEnded(AssessmentId assessmentId, MunicipalityCode tenant, LocalDate endedOn, String reason,
                          Actor by, Instant at) implements AssessmentEvent {
}
