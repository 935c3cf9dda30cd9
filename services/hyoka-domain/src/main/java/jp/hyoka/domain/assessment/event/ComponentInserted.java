package jp.hyoka.domain.assessment.event;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.ComponentUseMode;
import jp.hyoka.domain.components.ComponentId;
import jp.hyoka.domain.components.RenderingOptions;
import jp.hyoka.domain.components.text.TextDifference;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.importing.annex.SubmissionTiming;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Version {@code version} of a shared component was put into an item of the document as use {@code useId}, in
 * {@code mode}; {@code text} is the section as the item's answer now holds it (the answer itself changes by the
 * {@link ItemAnswered} of the same command, or was imported). {@code similarity} is set when an import recognised
 * a published copy (how alike it was, 0–1), null when an editor inserted it.
 */
public record ComponentInserted(AssessmentId assessmentId, MunicipalityCode tenant, String useId, ItemId itemId,
                                List<String> entries, ComponentId componentId, int version, ComponentUseMode mode,
                                Map<String, String> slotValues, RenderingOptions rendering,
                                TextDifference localChange, String text, Double similarity, String reason, Actor by,
                                Instant at) implements AssessmentEvent {
    public ComponentInserted {
        entries = entries == null ? List.of() : List.copyOf(entries);
        slotValues = slotValues == null ? Map.of() : Map.copyOf(slotValues);
    }
}
