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
 * Put a published version of a shared component into an item, as use {@code useId} (chosen by the caller, time
 * ordered), in {@code mode}. Its text is the version rendered with {@code slotValues} and {@code rendering} (the
 * version's own when null); for ADAPTED, {@code adaptedText} when given. The section is added after the item's
 * current answer, or replaces it when {@code replaceAnswer}.
 */
public record InsertComponent(AssessmentId assessmentId, MunicipalityCode tenant, long expectedRevision, String useId,
                              ItemId itemId, List<String> entries, PublishedComponent component, ComponentUseMode mode,
                              Map<String, String> slotValues, RenderingOptions rendering, String adaptedText,
                              boolean replaceAnswer, String reason, Actor by, Instant at) implements RevisionedCommand {
    public InsertComponent {
        Objects.requireNonNull(assessmentId, "assessmentId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(useId, "useId");
        Objects.requireNonNull(itemId, "itemId");
        entries = entries == null ? List.of() : List.copyOf(entries);
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(mode, "mode");
        slotValues = slotValues == null ? Map.of() : Map.copyOf(slotValues);
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
