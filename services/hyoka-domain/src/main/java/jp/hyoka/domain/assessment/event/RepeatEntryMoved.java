package jp.hyoka.domain.assessment.event;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.util.List;

/** An entry of a repeating group moved from one position to another; its answers move with it. */
public record RepeatEntryMoved(AssessmentId assessmentId, MunicipalityCode tenant, String groupId,
                               List<String> parentEntries, String entryId, int fromPosition, int toPosition,
                               String reason, Actor by, Instant at) implements AssessmentEvent {
    public RepeatEntryMoved {
        parentEntries = parentEntries == null ? List.of() : List.copyOf(parentEntries);
    }
}
