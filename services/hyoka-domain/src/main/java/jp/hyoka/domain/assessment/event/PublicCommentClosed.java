package jp.hyoka.domain.assessment.event;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.time.LocalDate;

/** 住民等の意見聴取 of version {@code version} was closed on {@code closedOn}, with the main opinions and their reflection in the 評価書. */
public record PublicCommentClosed(AssessmentId assessmentId, MunicipalityCode tenant, int version, LocalDate closedOn, String opinions, String reflection, String reason, Actor by,
        Instant at) implements AssessmentEvent {
}
