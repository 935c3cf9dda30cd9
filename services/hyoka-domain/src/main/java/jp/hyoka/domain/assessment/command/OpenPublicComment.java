package jp.hyoka.domain.assessment.command;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** Open 住民等の意見聴取 from {@code from} to {@code to} (both days included); a period under 30 days needs its 短縮理由, printed in VI 2 ③. */
public record OpenPublicComment(AssessmentId assessmentId, MunicipalityCode tenant, long expectedRevision, LocalDate from, LocalDate to, String shorteningReason,
        String reason, Actor by, Instant at) implements RevisionedCommand {
    public OpenPublicComment {
        Objects.requireNonNull(assessmentId, "assessmentId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
