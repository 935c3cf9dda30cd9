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
 * Change how an item uses a component: LOCKED (its text reset to the version, with {@code slotValues} and
 * {@code rendering}, the use's own where null), ADAPTED, or DETACHED (a plain copy from now on).
 */
public record ChangeComponentMode(AssessmentId assessmentId, MunicipalityCode tenant, long expectedRevision,
                                  String useId, PublishedComponent followed, ComponentUseMode mode,
                                  Map<String, String> slotValues, RenderingOptions rendering, String reason, Actor by,
                                  Instant at) implements RevisionedCommand {
    public ChangeComponentMode {
        Objects.requireNonNull(assessmentId, "assessmentId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(useId, "useId");
        Objects.requireNonNull(followed, "followed");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
