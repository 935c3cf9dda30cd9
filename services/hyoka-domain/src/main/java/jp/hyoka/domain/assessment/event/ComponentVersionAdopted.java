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
 * The municipality adopted version {@code toVersion} of a component it followed at {@code fromVersion} (a
 * proposal): its section now reads {@code text} (for ADAPTED use, the merge with its local change, kept as
 * {@code localChange} against the new version). The item's 変更箇所 row in the next publication defaults to
 * {@code timing} and {@code explanation} (the version's defaults unless the editor gave others).
 */
public record ComponentVersionAdopted(AssessmentId assessmentId, MunicipalityCode tenant, String useId, ItemId itemId,
                                      List<String> entries, ComponentId componentId, int fromVersion, int toVersion,
                                      Map<String, String> slotValues, TextDifference localChange, String text,
                                      SubmissionTiming timing, String explanation, String reason, Actor by,
                                      Instant at) implements AssessmentEvent {
    public ComponentVersionAdopted {
        entries = entries == null ? List.of() : List.copyOf(entries);
        slotValues = slotValues == null ? Map.of() : Map.copyOf(slotValues);
    }
}
