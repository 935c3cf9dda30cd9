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

/**
 * Adopt version {@code target} of a component the use follows at {@code followed} (a proposal). For adapted text,
 * one resolution per conflict of the three-way merge, in order. {@code slotValues} fill slots the new version adds
 * (and may change others); {@code timing} and {@code explanation} override the version's defaults for the 変更箇所
 * row.
 */
public record AdoptComponentVersion(AssessmentId assessmentId, MunicipalityCode tenant, long expectedRevision,
                                    String useId, PublishedComponent followed, PublishedComponent target,
                                    List<HunkResolution> resolutions, Map<String, String> slotValues,
                                    SubmissionTiming timing, String explanation, String reason, Actor by,
                                    Instant at) implements RevisionedCommand {
    public AdoptComponentVersion {
        Objects.requireNonNull(assessmentId, "assessmentId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(useId, "useId");
        Objects.requireNonNull(followed, "followed");
        Objects.requireNonNull(target, "target");
        resolutions = resolutions == null ? List.of() : List.copyOf(resolutions);
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
