package jp.hyoka.domain.assessment.event;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.time.LocalDate;

/** 住民等の意見聴取 was opened for version {@code version}, from {@code from} to {@code to} (days included); {@code shorteningReason} is given when the period is under 30 days, else null. */
public record PublicCommentOpened(AssessmentId assessmentId, MunicipalityCode tenant, int version, LocalDate from, LocalDate to, String shorteningReason, String reason, Actor by,
        Instant at) implements AssessmentEvent {
}
