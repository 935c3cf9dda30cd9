package jp.hyoka.domain.assessment.event;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.time.LocalDate;

/** The 第三者点検 of version {@code version} was done on {@code performedOn} by {@code body}, as {@code method}, with {@code result}. */
public record ThirdPartyReviewRecorded(AssessmentId assessmentId, MunicipalityCode tenant, int version, LocalDate performedOn, String body, String method, String result, String reason, Actor by,
        Instant at) implements AssessmentEvent {
}
