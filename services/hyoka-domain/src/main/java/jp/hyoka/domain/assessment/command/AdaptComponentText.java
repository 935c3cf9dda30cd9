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
 * Change the text of a component the item follows: the use becomes ADAPTED and its section reads {@code text}.
 * {@code followed} is the published version the use follows (looked up by the adapter).
 */
public record AdaptComponentText(AssessmentId assessmentId, MunicipalityCode tenant, long expectedRevision,
                                 String useId, PublishedComponent followed, String text, String reason, Actor by,
                                 Instant at) implements RevisionedCommand {
    public AdaptComponentText {
        Objects.requireNonNull(assessmentId, "assessmentId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(useId, "useId");
        Objects.requireNonNull(followed, "followed");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
