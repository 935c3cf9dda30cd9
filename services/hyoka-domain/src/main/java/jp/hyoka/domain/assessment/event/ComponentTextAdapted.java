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
 * The municipality changed the text of a component it follows: the use is now ADAPTED, its section reads
 * {@code text}, kept as {@code localChange} against the version it follows.
 */
public record ComponentTextAdapted(AssessmentId assessmentId, MunicipalityCode tenant, String useId, ItemId itemId,
                                   List<String> entries, ComponentId componentId, int version,
                                   ComponentUseMode previousMode, TextDifference localChange, String text,
                                   String reason, Actor by, Instant at) implements AssessmentEvent {
    public ComponentTextAdapted {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
