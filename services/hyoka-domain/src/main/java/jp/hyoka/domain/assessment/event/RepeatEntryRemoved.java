package jp.hyoka.domain.assessment.event;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.util.List;

/**
 * An entry of a repeating group was removed, and with it every answer and nested entry inside it. The answers stay
 * in the history through the events that gave them.
 */
public record RepeatEntryRemoved(AssessmentId assessmentId, MunicipalityCode tenant, String groupId,
                                 List<String> parentEntries, String entryId, int position, String reason, Actor by,
                                 Instant at) implements AssessmentEvent {
    public RepeatEntryRemoved {
        parentEntries = parentEntries == null ? List.of() : List.copyOf(parentEntries);
    }
}
