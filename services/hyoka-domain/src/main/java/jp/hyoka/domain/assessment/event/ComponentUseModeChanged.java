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
 * A use changed mode: LOCKED again (its text reset to the version, with these slot values and rendering), ADAPTED
 * (allowing local changes) or DETACHED (a plain copy from now on, no longer followed). {@code text} is the section
 * afterwards.
 */
public record ComponentUseModeChanged(AssessmentId assessmentId, MunicipalityCode tenant, String useId, ItemId itemId,
                                      List<String> entries, ComponentId componentId, int version,
                                      ComponentUseMode previousMode, ComponentUseMode mode,
                                      Map<String, String> slotValues, RenderingOptions rendering,
                                      TextDifference localChange, String text, String reason, Actor by,
                                      Instant at) implements AssessmentEvent {
    public ComponentUseModeChanged {
        entries = entries == null ? List.of() : List.copyOf(entries);
        slotValues = slotValues == null ? Map.of() : Map.copyOf(slotValues);
    }
}
