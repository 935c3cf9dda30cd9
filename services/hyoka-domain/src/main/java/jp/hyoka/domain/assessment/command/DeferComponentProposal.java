package jp.hyoka.domain.assessment.command;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.ComponentUseMode;
import jp.hyoka.domain.components.PublishedComponent;
import jp.hyoka.domain.components.RenderingOptions;
import jp.hyoka.domain.components.text.HunkResolution;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.importing.annex.SubmissionTiming;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Decide on {@code target} later, by {@code until} if given. */
public record DeferComponentProposal(AssessmentId assessmentId, MunicipalityCode tenant, long expectedRevision,
                                     String useId, PublishedComponent target, LocalDate until, String reason,
                                     Actor by, Instant at) implements RevisionedCommand {
    public DeferComponentProposal {
        Objects.requireNonNull(assessmentId, "assessmentId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(useId, "useId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
