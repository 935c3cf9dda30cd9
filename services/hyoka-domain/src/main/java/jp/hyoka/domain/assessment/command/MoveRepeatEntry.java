package jp.hyoka.domain.assessment.command;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Move an entry of a repeating group to another position (0-based); the printed numbering follows. */
public record MoveRepeatEntry(AssessmentId assessmentId, MunicipalityCode tenant, long expectedRevision, String groupId,
                              List<String> parentEntries, String entryId, int toPosition, String reason, Actor by,
                              Instant at) implements RevisionedCommand {
    public MoveRepeatEntry {
        Objects.requireNonNull(assessmentId, "assessmentId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(entryId, "entryId");
        parentEntries = parentEntries == null ? List.of() : List.copyOf(parentEntries);
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
