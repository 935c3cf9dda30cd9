package jp.hyoka.domain.assessment.event;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.time.LocalDate;

/** Version {@code version} was submitted to the 個人情報保護委員会 on {@code submittedOn}. */
public record SubmittedToCommission(AssessmentId assessmentId, MunicipalityCode tenant, int version, LocalDate submittedOn, String reason, Actor by,
        Instant at) implements AssessmentEvent {
}
